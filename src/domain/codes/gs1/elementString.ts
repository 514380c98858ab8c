/**
 * Reads a GS1 element string into its elements, by GS1's Syntax Dictionary (aiTable.ts)
 * and the rules of GS1's Barcode Syntax Engine, so that what it accepts and refuses
 * agrees with GS1's own:
 * - raw, as a scanner sends it: the GS character (FNC1) ends every field whose AI has
 *   no predefined length, unless it is last; a GS may lead the data and may follow a
 *   fixed-length field, but two in a row are refused;
 * - scan data: an AIM symbology identifier of a GS1 symbol (`]C1` GS1-128, `]e0`
 *   DataBar, `]d2` GS1 DataMatrix, `]Q3` GS1 QR, `]J1` GS1 DotCode) and then raw data,
 *   with no GS straight after the identifier (the identifier is the leading FNC1);
 * - bracketed, as printed under the bars: `(01)09506000134352(17)201225(10)ABC`; a
 *   bracket inside a value is written `\(`.
 * Every component is checked with its character set and linters; then the string as a
 * whole: an AI repeated with a different value, a pair GS1 forbids (`ex=`), an AI
 * without the AIs it needs (`req=`). Nothing is trimmed: a space is not a GS1 character.
 */
import { aiAtStart, aiEntry, aiMatches, type AiEntry } from './aiTable';
import { lint } from './linters';
import type { Gs1Problem } from './gs1Problem';

export const GS = '\u001d';

/** AIM symbology identifiers of the GS1 symbols (ISO/IEC 15424). */
export const GS1_AIM_IDS: ReadonlySet<string> = new Set([']C1', ']e0', ']d2', ']Q3', ']J1']);

export interface AiElement {
  readonly ai: string;
  readonly value: string;
}

export type ElementsResult = { readonly ok: true; readonly elements: readonly AiElement[] } | { readonly ok: false; readonly problem: Gs1Problem };

const failed = (problem: Gs1Problem): ElementsResult => ({ ok: false, problem });

/** Checks one value against its AI's components; null when it is right. */
export function checkValue(entry: AiEntry, value: string): Gs1Problem | null {
  const field = { ai: entry.ai, value };
  if (value === '') return { reason: 'too-short', ...field, needed: entry.minLength };
  let at = 0;
  for (const component of entry.components) {
    const length = Math.min(value.length - at, component.max);
    if (component.optional && length === 0) continue;
    if (length < component.min) return { reason: 'too-short', ...field, needed: entry.minLength };
    const part = value.slice(at, at + length);
    const charset = { N: 'csetnumeric', X: 'cset82', Y: 'cset39', Z: 'cset64' }[component.charset];
    for (const linter of [charset, ...component.linters]) {
      const problem = lint(linter, part);
      if (problem) return { reason: 'bad-value', ...field, lint: { ...problem, position: problem.position + at } };
    }
    at += length;
  }
  if (at < value.length) return { reason: 'too-long', ...field, max: entry.maxLength };
  return null;
}

function readRaw(data: string): ElementsResult {
  const elements: AiElement[] = [];
  let at = data.startsWith(GS) ? 1 : 0;
  if (at === data.length) return failed({ reason: 'empty' });
  while (at < data.length) {
    if (data[at] === GS) return failed({ reason: 'bad-separator', at });
    const entry = aiAtStart(data.slice(at));
    if (!entry) return failed({ reason: 'unknown-ai', at: data.slice(at, at + 4) });
    at += entry.ai.length;
    const fieldEnd = data.indexOf(GS, at) === -1 ? data.length : data.indexOf(GS, at);
    const end = entry.predefinedLength ? Math.min(fieldEnd, at + entry.maxLength) : fieldEnd;
    const value = data.slice(at, end);
    const problem = checkValue(entry, value);
    if (problem) return failed(problem);
    elements.push({ ai: entry.ai, value });
    at = end;
    if (data[at] === GS) at++;
  }
  return { ok: true, elements };
}

function readBracketed(text: string): ElementsResult {
  const elements: AiElement[] = [];
  let at = 0;
  while (at < text.length) {
    if (text[at] !== '(') return failed({ reason: 'not-bracketed', text });
    const close = text.indexOf(')', at);
    const ai = close === -1 ? '' : text.slice(at + 1, close);
    const entry = /^\d{2,4}$/.test(ai) ? aiEntry(ai) : null;
    if (!entry) return failed({ reason: 'unknown-ai', at: close === -1 ? text.slice(at, at + 5) : `(${ai})` });
    let value = '';
    at = close + 1;
    for (;;) {
      const next = text.indexOf('(', at);
      const end = next === -1 ? text.length : next;
      if (next !== -1 && text[next - 1] === '\\') {
        value += `${text.slice(at, next - 1)}(`;
        at = next + 1;
        continue;
      }
      value += text.slice(at, end);
      at = end;
      break;
    }
    if (value.length > entry.maxLength) return failed({ reason: 'too-long', ai, value, max: entry.maxLength });
    const problem = checkValue(entry, value);
    if (problem) return failed(problem);
    elements.push({ ai, value });
  }
  return { ok: true, elements };
}

const describeGroup = (group: readonly string[]) => group.join('+');

/** Keys whose serial part is optional, but not beside a digital signature (8030). */
const SERIALISED_KEYS = ['253', '255', '8003'];

/**
 * The rules over the whole string, in the order GS1's engine applies them: forbidden
 * pairs, needed companions, repeats with another value, and a digital signature's key
 * without its serial part.
 */
export function checkCombination(elements: readonly AiElement[]): Gs1Problem | null {
  const entries = elements.map((element) => ({ element, entry: aiEntry(element.ai)! }));
  const other = (self: string, pattern: string) => elements.find((e) => e.ai !== self && aiMatches(e.ai, pattern));
  for (const { element, entry } of entries) {
    for (const pattern of entry.excludes) {
      const found = other(element.ai, pattern);
      if (found) return { reason: 'forbidden-pair', ai: element.ai, other: found.ai };
    }
  }
  for (const { element, entry } of entries) {
    if (entry.requires.length > 0 && !entry.requires.some((group) => group.every((pattern) => other(element.ai, pattern)))) {
      return { reason: 'needs-other-ai', ai: element.ai, needs: entry.requires.map(describeGroup) };
    }
  }
  for (const [i, element] of elements.entries()) {
    if (elements.slice(i + 1).some((e) => e.ai === element.ai && e.value !== element.value)) return { reason: 'repeated-ai', ai: element.ai };
  }
  if (elements.some((e) => e.ai === '8030')) {
    const unserialised = entries.find(({ element, entry }) => SERIALISED_KEYS.includes(element.ai) && element.value.length === entry.minLength);
    if (unserialised) return { reason: 'needs-serial', ai: unserialised.element.ai };
  }
  return null;
}

/** Raw, scan-data or bracketed text, read and checked as a whole. */
export function readElementString(text: string): ElementsResult {
  let read: ElementsResult;
  if (text.startsWith(']')) {
    const aim = text.slice(0, 3);
    if (!GS1_AIM_IDS.has(aim)) return failed({ reason: 'not-gs1', aim });
    const data = text.slice(3);
    if (data === '') return failed({ reason: 'empty' });
    if (data.startsWith(GS)) return failed({ reason: 'bad-separator', at: 3 });
    read = readRaw(data);
  } else if (text.startsWith('(')) read = readBracketed(text);
  else read = readRaw(text);
  if (!read.ok) return read;
  const problem = checkCombination(read.elements);
  return problem ? failed(problem) : read;
}
