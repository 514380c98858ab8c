/**
 * GS1 element strings, as GS1-128 and GS1 DataMatrix carry them: application
 * identifiers (AIs) each followed by their data.
 *
 * Accepted spellings of one element string:
 * - raw, as a scanner sends it: `0109506000134352172012251 0ABC` with the GS
 *   character (ASCII 29, FNC1) after each variable-length field that is not last,
 *   optionally led by an AIM symbology identifier (`]C1`, `]d2`, `]Q3`, `]e0`) and/or
 *   a leading FNC1;
 * - bracketed, as printed under the bars: `(01)09506000134352(17)201225(10)ABC`.
 *
 * Invariants of a parsed result:
 * - every AI is one of those in {@link AI_TABLE}; unknown AIs are refused by name,
 *   since guessing their length would misread everything after them;
 * - fixed-length fields have exactly their length; variable ones at most theirs;
 * - numeric fields are digits; alphanumeric fields use GS1's character set 82;
 * - GTINs, SSCCs and GLNs pass their check digit; dates are real dates (DD 00 means
 *   the month's last day, as GS1 allows);
 * - each AI appears at most once.
 * An error names the AI and the part of the string that is wrong.
 *
 * Known limit: when a scanner drops the GS after a variable-length field, the
 * next AIs are read as part of that field; the length limit catches most such
 * strings, and the wedge settings let a site send a GS substitute instead.
 */
import { gs1CheckDigit, type Gtin14 } from './gtin';
import { explain, type Why } from '../why';

export type Gs1Format = 'numeric' | 'alphanumeric';

interface AiSpec {
  readonly title: string;
  readonly format: Gs1Format;
  /** Data length: exact when `fixed`, else the maximum. */
  readonly length: number;
  readonly fixed: boolean;
  readonly check?: 'mod10';
  readonly date?: boolean;
}

/** The AIs the floor uses. 310n–315n (measures with n decimals) are matched by prefix. */
export const AI_TABLE: Readonly<Record<string, AiSpec>> = {
  '00': { title: 'SSCC', format: 'numeric', length: 18, fixed: true, check: 'mod10' },
  '01': { title: 'GTIN', format: 'numeric', length: 14, fixed: true, check: 'mod10' },
  '02': { title: 'GTIN of contained trade items', format: 'numeric', length: 14, fixed: true, check: 'mod10' },
  '10': { title: 'batch/lot', format: 'alphanumeric', length: 20, fixed: false },
  '11': { title: 'production date', format: 'numeric', length: 6, fixed: true, date: true },
  '13': { title: 'packaging date', format: 'numeric', length: 6, fixed: true, date: true },
  '15': { title: 'best before date', format: 'numeric', length: 6, fixed: true, date: true },
  '17': { title: 'expiry date', format: 'numeric', length: 6, fixed: true, date: true },
  '21': { title: 'serial number', format: 'alphanumeric', length: 20, fixed: false },
  '30': { title: 'variable count', format: 'numeric', length: 8, fixed: false },
  '37': { title: 'count of trade items', format: 'numeric', length: 8, fixed: false },
  '400': { title: "customer's purchase order number", format: 'alphanumeric', length: 30, fixed: false },
  '410': { title: 'ship to GLN', format: 'numeric', length: 13, fixed: true, check: 'mod10' },
  '414': { title: 'location GLN', format: 'numeric', length: 13, fixed: true, check: 'mod10' },
};

const MEASURES: Readonly<Record<string, string>> = {
  '310': 'net weight (kg)',
  '311': 'length (m)',
  '312': 'width (m)',
  '313': 'depth (m)',
  '314': 'area (m²)',
  '315': 'net volume (l)',
};

export const GS = '\u001d';
const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;

export interface Gs1Element {
  readonly ai: string;
  readonly title: string;
  readonly value: string;
}

export interface Gs1Measure {
  readonly ai: string;
  readonly title: string;
  readonly value: number;
}

/** What the floor needs of an element string, with every element kept in order. */
export interface Gs1Data {
  readonly elements: readonly Gs1Element[];
  readonly gtin?: Gtin14;
  readonly containedGtin?: Gtin14;
  readonly sscc?: string;
  readonly lot?: string;
  readonly serial?: string;
  /** ISO dates (YYYY-MM-DD). */
  readonly expiry?: string;
  readonly bestBefore?: string;
  readonly productionDate?: string;
  readonly packagingDate?: string;
  readonly count?: number;
  readonly variableCount?: number;
  readonly measures: readonly Gs1Measure[];
  readonly customerPo?: string;
  readonly shipToGln?: string;
  readonly locationGln?: string;
}

export type Gs1ErrorReason = 'empty' | 'unknown-ai' | 'too-short' | 'too-long' | 'bad-characters' | 'bad-check-digit' | 'bad-date' | 'repeated-ai' | 'not-bracketed';

export interface Gs1Error {
  readonly reason: Gs1ErrorReason;
  /** The reason with its facts, for words in the worker's language. */
  readonly why: Why;
  /** In English. */
  readonly message: string;
}

export type Gs1Result = { readonly ok: true; readonly value: Gs1Data } | { readonly ok: false; readonly error: Gs1Error };

const error = (reason: Gs1ErrorReason, why: Why): Gs1Error => ({ reason, why, message: explain(why) });
const fail = (reason: Gs1ErrorReason, why: Why): Gs1Result => ({ ok: false, error: error(reason, why) });
const KNOWN_AIS = `${Object.keys(AI_TABLE).join(', ')} and 310n–315n`;

function specOf(ai: string): AiSpec | null {
  const known = AI_TABLE[ai];
  if (known) return known;
  const measure = MEASURES[ai.slice(0, 3)];
  if (measure && /^\d$/.test(ai.slice(3)) && ai.length === 4 && Number(ai[3]) <= 5) {
    return { title: `${measure}, ${ai[3]} decimals`, format: 'numeric', length: 6, fixed: true };
  }
  return null;
}

/** The AI at the start of `text`, by the longest match the table allows. */
function aiAt(text: string): string | null {
  for (const length of [2, 3, 4]) {
    const candidate = text.slice(0, length);
    if (candidate.length === length && specOf(candidate)) return candidate;
  }
  return null;
}

/** GS1 General Specifications 7.12: the century of YY is the one that puts the date within -49..+50 years of today. */
function fullYear(yy: number, today: Date): number {
  const current = today.getUTCFullYear();
  const century = Math.floor(current / 100) * 100;
  const difference = yy - (current % 100);
  if (difference >= 51) return century - 100 + yy;
  if (difference <= -50) return century + 100 + yy;
  return century + yy;
}

function isoDate(ai: string, spec: AiSpec, value: string, today: Date): string | Gs1Error {
  const yy = Number(value.slice(0, 2));
  const mm = Number(value.slice(2, 4));
  const dd = Number(value.slice(4, 6));
  const field = { ai, title: spec.title, value };
  if (mm < 1 || mm > 12) return error('bad-date', { code: 'gs1-bad-month', ...field });
  const year = fullYear(yy, today);
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  if (dd > lastDay) return error('bad-date', { code: 'gs1-bad-day', ...field });
  const day = dd === 0 ? lastDay : dd;
  return `${year}-${String(mm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function checkValue(ai: string, spec: AiSpec, value: string): Gs1Error | null {
  const field = { ai, title: spec.title, value };
  if ((spec.fixed && value.length < spec.length) || value.length === 0) return error('too-short', { code: 'gs1-too-short', ...field, needed: spec.length });
  if (value.length > spec.length) return error('too-long', { code: 'gs1-too-long', ...field, max: spec.length });
  if (spec.format === 'numeric' && !/^\d+$/.test(value)) return error('bad-characters', { code: 'gs1-not-digits', ...field });
  if (spec.format === 'alphanumeric' && !CSET82.test(value)) return error('bad-characters', { code: 'gs1-bad-characters', ...field });
  if (spec.check === 'mod10') {
    const expected = gs1CheckDigit(value.slice(0, -1));
    if (Number(value.at(-1)) !== expected) return error('bad-check-digit', { code: 'gs1-bad-check-digit', ...field, given: value.at(-1) ?? '', expected });
  }
  return null;
}

function splitRaw(text: string): { ai: string; value: string }[] | Gs1Error {
  const parts: { ai: string; value: string }[] = [];
  let rest = text;
  while (rest.length > 0) {
    if (rest.startsWith(GS)) {
      rest = rest.slice(1);
      continue;
    }
    const ai = aiAt(rest);
    if (ai === null) {
      return error('unknown-ai', { code: 'gs1-unknown-ai', at: `${rest.slice(0, 4)}…`, known: KNOWN_AIS });
    }
    const spec = specOf(ai)!;
    rest = rest.slice(ai.length);
    if (spec.fixed) {
      parts.push({ ai, value: rest.slice(0, spec.length).split(GS)[0]! });
      rest = rest.slice(parts.at(-1)!.value.length);
    } else {
      const end = rest.indexOf(GS);
      parts.push({ ai, value: end === -1 ? rest : rest.slice(0, end) });
      rest = end === -1 ? '' : rest.slice(end + 1);
    }
  }
  return parts;
}

function splitBracketed(text: string): { ai: string; value: string }[] | Gs1Error {
  const parts: { ai: string; value: string }[] = [];
  const pattern = /\((\d{2,4})\)/g;
  const found = [...text.matchAll(pattern)];
  if (found.length === 0 || found[0]!.index !== 0) return error('not-bracketed', { code: 'gs1-not-bracketed', text });
  for (const [i, match] of found.entries()) {
    const start = match.index + match[0].length;
    const end = found[i + 1]?.index ?? text.length;
    const ai = match[1]!;
    if (!specOf(ai)) return error('unknown-ai', { code: 'gs1-unknown-ai', at: `(${ai})`, known: KNOWN_AIS });
    parts.push({ ai, value: text.slice(start, end) });
  }
  return parts;
}

/** True when the text is spelled as a GS1 element string (AIM prefix, brackets or a GS). */
export function looksLikeGs1(text: string): boolean {
  const trimmed = text.trim();
  return /^\](C1|d2|Q3|e0|J1)/.test(trimmed) || /^\(\d{2,4}\)/.test(trimmed) || trimmed.includes(GS);
}

export function parseGs1(input: string, today: Date = new Date()): Gs1Result {
  let text = input.replace(/[\r\n]+$/, '').trim();
  text = text.replace(AIM_PREFIX, '');
  if (text.startsWith(GS)) text = text.slice(1);
  if (text === '') return fail('empty', { code: 'gs1-empty' });
  const parts = text.startsWith('(') ? splitBracketed(text) : splitRaw(text);
  if (!Array.isArray(parts)) return { ok: false, error: parts };

  const data: { -readonly [K in keyof Gs1Data]: Gs1Data[K] } = { elements: [], measures: [] };
  const elements: Gs1Element[] = [];
  const measures: Gs1Measure[] = [];
  const seen = new Set<string>();
  for (const { ai, value } of parts) {
    const spec = specOf(ai)!;
    if (seen.has(ai)) return fail('repeated-ai', { code: 'gs1-repeated-ai', ai, title: spec.title });
    seen.add(ai);
    const problem = checkValue(ai, spec, value);
    if (problem) return { ok: false, error: problem };
    elements.push({ ai, title: spec.title, value });
    if (spec.date) {
      const date = isoDate(ai, spec, value, today);
      if (typeof date !== 'string') return { ok: false, error: date };
      if (ai === '17') data.expiry = date;
      else if (ai === '15') data.bestBefore = date;
      else if (ai === '11') data.productionDate = date;
      else data.packagingDate = date;
      continue;
    }
    switch (ai) {
      case '00': data.sscc = value; break;
      case '01': data.gtin = value as Gtin14; break;
      case '02': data.containedGtin = value as Gtin14; break;
      case '10': data.lot = value; break;
      case '21': data.serial = value; break;
      case '30': data.variableCount = Number(value); break;
      case '37': data.count = Number(value); break;
      case '400': data.customerPo = value; break;
      case '410': data.shipToGln = value; break;
      case '414': data.locationGln = value; break;
      default: measures.push({ ai, title: spec.title, value: Number(value) / 10 ** Number(ai[3]) });
    }
  }
  return { ok: true, value: { ...data, elements, measures } };
}

/** Writes elements as a scanner sends them: FNC1 (GS) after every variable-length field but the last. */
export function encodeGs1Raw(elements: readonly { ai: string; value: string }[]): string {
  return elements
    .map(({ ai, value }, i) => {
      const spec = specOf(ai);
      const needsSeparator = spec !== null && !spec.fixed && i < elements.length - 1;
      return `${ai}${value}${needsSeparator ? GS : ''}`;
    })
    .join('');
}

/** Writes elements as printed under the bars: `(01)…(17)…`. */
export function encodeGs1Bracketed(elements: readonly { ai: string; value: string }[]): string {
  return elements.map(({ ai, value }) => `(${ai})${value}`).join('');
}
