/**
 * The application identifiers (AIs) of GS1's Syntax Dictionary (syntaxDictionaryText.ts),
 * read once into a table: each AI's components (character set, length, linters), whether
 * it has a predefined length (no FNC1 after it), whether GS1 Digital Link allows it as a
 * query attribute, and its rules: the AIs it must come with (`req`), the AIs it may not
 * come with (`ex`) and, for Digital Link primary keys, the qualifiers that may follow.
 *
 * Lookup follows the dictionary: all AIs that start with the same two digits have the same
 * length, so the AI at the start of raw data is found without guessing.
 */
import { SYNTAX_DICTIONARY_ENTRIES, SYNTAX_DICTIONARY_RELEASE } from './syntaxDictionaryText';

export { SYNTAX_DICTIONARY_RELEASE };

/** N digits, X GS1's 82 characters, Y the 39 of Code 39, Z base64url. */
export type CharacterSet = 'N' | 'X' | 'Y' | 'Z';

export interface AiComponent {
  readonly charset: CharacterSet;
  readonly min: number;
  readonly max: number;
  readonly optional: boolean;
  readonly linters: readonly string[];
}

export interface AiEntry {
  readonly ai: string;
  readonly title: string;
  /** Fixed length known from the AI's first two digits: no FNC1 (GS) needed after it. */
  readonly predefinedLength: boolean;
  /** Allowed in a Digital Link query string. */
  readonly linkAttribute: boolean;
  readonly components: readonly AiComponent[];
  readonly minLength: number;
  readonly maxLength: number;
  /** Each alternative is a list of AI patterns that must all be present ("n" = any digit). */
  readonly requires: readonly (readonly string[])[];
  /** AI patterns that may not be in the same data. */
  readonly excludes: readonly string[];
  /** For a Digital Link primary key: its qualifier sequences (each may be empty). */
  readonly linkQualifiers: readonly (readonly string[])[] | null;
}

function readComponent(spec: string): AiComponent {
  const optional = spec.startsWith('[');
  const [format = '', ...linters] = spec.replace(/^\[|\]/g, '').split(',');
  const match = /^([NXYZ])(\.\.)?(\d+)$/.exec(format);
  if (!match) throw new Error(`Syntax Dictionary: cannot read component "${spec}"`);
  const length = Number(match[3]);
  return { charset: match[1] as CharacterSet, min: match[2] ? 1 : length, max: length, optional, linters };
}

function aisOf(range: string): string[] {
  const [from = '', to = from] = range.split('-');
  const ais: string[] = [];
  for (let n = Number(from); n <= Number(to); n++) ais.push(String(n).padStart(from.length, '0'));
  return ais;
}

function readEntry(line: string): AiEntry[] {
  const hash = line.indexOf('#');
  const title = hash === -1 ? '' : line.slice(hash + 1).trim();
  const words = (hash === -1 ? line : line.slice(0, hash)).trim().split(/\s+/);
  const [range = '', ...rest] = words;
  // Flags: "*" predefined length, "?" a Digital Link attribute (the others GS1 reserves are unused).
  const flags = rest[0] !== undefined && /^[*?]+$/.test(rest[0]) ? rest.shift()! : '';
  const components: AiComponent[] = [];
  const requires: string[][] = [];
  const excludes: string[] = [];
  let linkQualifiers: string[][] | null = null;
  for (const word of rest) {
    if (word.startsWith('req=')) requires.push(...word.slice(4).split(',').map((group) => group.split('+')));
    else if (word.startsWith('ex=')) excludes.push(...word.slice(3).split(','));
    else if (word === 'dlpkey') linkQualifiers = [[]];
    else if (word.startsWith('dlpkey=')) linkQualifiers = word.slice(7).split('|').map((sequence) => sequence.split(','));
    else if (/^\[?[NXYZ]/.test(word)) components.push(readComponent(word));
    else throw new Error(`Syntax Dictionary: cannot read "${word}" in "${line}"`);
  }
  const minLength = components.filter((c) => !c.optional).reduce((sum, c) => sum + c.min, 0);
  const maxLength = components.reduce((sum, c) => sum + c.max, 0);
  return aisOf(range).map((ai) => ({
    ai,
    title,
    predefinedLength: flags.includes('*'),
    linkAttribute: flags.includes('?'),
    components,
    minLength,
    maxLength,
    requires,
    excludes,
    linkQualifiers,
  }));
}

const ENTRIES: ReadonlyMap<string, AiEntry> = new Map(
  SYNTAX_DICTIONARY_ENTRIES.split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap(readEntry)
    .map((entry) => [entry.ai, entry]),
);

/** AI length for each two-digit prefix in use. */
const LENGTH_BY_PREFIX: ReadonlyMap<string, number> = new Map([...ENTRIES.keys()].map((ai) => [ai.slice(0, 2), ai.length]));

export const AI_COUNT = ENTRIES.size;

export function aiEntry(ai: string): AiEntry | null {
  return ENTRIES.get(ai) ?? null;
}

export function allAiEntries(): IterableIterator<AiEntry> {
  return ENTRIES.values();
}

/** The known AI that starts `data`, or null. */
export function aiAtStart(data: string): AiEntry | null {
  const length = LENGTH_BY_PREFIX.get(data.slice(0, 2));
  if (length === undefined || !/^\d+$/.test(data.slice(0, length)) || data.length < length) return null;
  return ENTRIES.get(data.slice(0, length)) ?? null;
}

/** True when `ai` matches `pattern`, where "n" in a pattern stands for any digit (e.g. "310n"). */
export function aiMatches(ai: string, pattern: string): boolean {
  if (ai.length !== pattern.length) return false;
  for (let i = 0; i < ai.length; i++) if (pattern[i] !== 'n' && pattern[i] !== ai[i]) return false;
  return true;
}
