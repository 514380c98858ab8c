/**
 * GS1 data as the floor reads it: an element string (GS1-128, GS1 DataMatrix, GS1 QR,
 * DataBar: raw, with an AIM prefix, or bracketed) or a GS1 Digital Link URI, checked
 * by every rule of GS1's Syntax Dictionary (gs1/elementString.ts, gs1/digitalLink.ts),
 * with what the flows use picked out: GTIN, lot, serial, dates, counts, SSCC, GLNs and
 * measures. Every element is kept in order, with its title, so Find can show the rest.
 *
 * A string GS1 refuses is refused whole, with the reason: a wrong check digit, a date
 * that does not exist, a pair GS1 forbids, a lot without the product it belongs to.
 * Known limit: when a scanner drops the GS after a variable-length field, the next AIs
 * are read as part of that field; the length limit and the character checks catch most
 * such strings, and the wedge settings let a site send a GS substitute instead.
 */
import { aiEntry, SYNTAX_DICTIONARY_RELEASE } from './gs1/aiTable';
import { readDigitalLink, looksLikeDigitalLink } from './gs1/digitalLink';
import { GS, GS1_AIM_IDS, readElementString, type AiElement } from './gs1/elementString';
import { gs1Why, reasonOf, type Gs1ErrorReason } from './gs1/gs1Words';
import type { Gtin14 } from './gtin';
import { explain, type Why } from '../why';

export { GS, SYNTAX_DICTIONARY_RELEASE, type Gs1ErrorReason };

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
  readonly sellBy?: string;
  readonly productionDate?: string;
  readonly packagingDate?: string;
  readonly count?: number;
  readonly variableCount?: number;
  /** Trade measures (31nn–36nn), with their decimals applied. */
  readonly measures: readonly Gs1Measure[];
  readonly customerPo?: string;
  readonly shipToGln?: string;
  readonly locationGln?: string;
}

export interface Gs1Error {
  readonly reason: Gs1ErrorReason;
  /** The reason with its facts, for words in the worker's language. */
  readonly why: Why;
  /** In English. */
  readonly message: string;
}

export type Gs1Result = { readonly ok: true; readonly value: Gs1Data } | { readonly ok: false; readonly error: Gs1Error };

/** Plain English names of the AIs the floor meets most; the rest keep GS1's own title. */
const FLOOR_TITLES: Readonly<Record<string, string>> = {
  '00': 'SSCC',
  '01': 'GTIN',
  '02': 'GTIN of contained trade items',
  '10': 'batch/lot',
  '11': 'production date',
  '12': 'due date',
  '13': 'packaging date',
  '15': 'best before date',
  '16': 'sell by date',
  '17': 'expiry date',
  '20': 'variant',
  '21': 'serial number',
  '22': 'consumer product variant',
  '30': 'variable count',
  '37': 'count of trade items',
  '240': 'additional product id',
  '241': 'customer part number',
  '400': "customer's purchase order number",
  '410': 'ship to GLN',
  '414': 'location GLN',
  '422': 'country of origin',
  '7003': 'expiry date and time',
  '8008': 'production date and time',
};

const isMeasure = (ai: string) => /^3[1-6]\d\d$/.test(ai) && Number(ai[3]) <= 5;

export function titleOf(ai: string): string {
  const floor = FLOOR_TITLES[ai];
  if (floor) return floor;
  const title = aiEntry(ai)?.title ?? `AI ${ai}`;
  return isMeasure(ai) ? `${title.toLowerCase()}, ${ai[3]} decimals` : title;
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

/** YYMMDD as an ISO date; day 00 is the month's last day. The value is known valid. */
function isoDate(value: string, today: Date): string {
  const year = fullYear(Number(value.slice(0, 2)), today);
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6)) || new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DATE_FIELDS: Readonly<Record<string, 'productionDate' | 'packagingDate' | 'bestBefore' | 'sellBy' | 'expiry'>> = {
  '11': 'productionDate',
  '13': 'packagingDate',
  '15': 'bestBefore',
  '16': 'sellBy',
  '17': 'expiry',
};

function floorData(read: readonly AiElement[], today: Date): Gs1Data {
  const data: { -readonly [K in keyof Gs1Data]: Gs1Data[K] } = { elements: [], measures: [] };
  const measures: Gs1Measure[] = [];
  for (const { ai, value } of read) {
    const dateField = DATE_FIELDS[ai];
    if (dateField) data[dateField] ??= isoDate(value, today);
    else if (isMeasure(ai)) measures.push({ ai, title: titleOf(ai), value: Number(value) / 10 ** Number(ai[3]) });
    switch (ai) {
      case '00': data.sscc ??= value; break;
      case '01': data.gtin ??= value as Gtin14; break;
      case '02': data.containedGtin ??= value as Gtin14; break;
      case '10': data.lot ??= value; break;
      case '21': data.serial ??= value; break;
      case '30': data.variableCount ??= Number(value); break;
      case '37': data.count ??= Number(value); break;
      case '400': data.customerPo ??= value; break;
      case '410': data.shipToGln ??= value; break;
      case '414': data.locationGln ??= value; break;
    }
  }
  return { ...data, elements: read.map(({ ai, value }) => ({ ai, title: titleOf(ai), value })), measures };
}

/** True when the text is spelled as GS1 data: a GS1 AIM prefix, brackets, a GS, or a Digital Link URI. */
export function looksLikeGs1(text: string): boolean {
  const trimmed = text.trim();
  return GS1_AIM_IDS.has(trimmed.slice(0, 3)) || /^\(\d{2,4}\)/.test(trimmed) || trimmed.includes(GS) || looksLikeDigitalLink(trimmed);
}

/** The elements of GS1 data in any spelling, checked by every GS1 rule; without what the floor makes of them. */
export function readGs1Elements(input: string): { ok: true; elements: readonly AiElement[] } | { ok: false; error: Gs1Error } {
  // A scanner's line ending is not data; a space is, and GS1 does not allow it.
  let text = input.replace(/[\r\n]+$/, '');
  // A plain QR, DataMatrix or DotCode (]Q1, ]d1, ]J0) may carry a Digital Link URI.
  if (/^\](Q1|d1|J0)/.test(text) && looksLikeDigitalLink(text.slice(3))) text = text.slice(3);
  const read = looksLikeDigitalLink(text) ? readDigitalLink(text) : readElementString(text);
  if (read.ok) return read;
  const why = gs1Why(read.problem, titleOf);
  return { ok: false, error: { reason: reasonOf(read.problem), why, message: explain(why) } };
}

export function parseGs1(input: string, today: Date = new Date()): Gs1Result {
  const read = readGs1Elements(input);
  return read.ok ? { ok: true, value: floorData(read.elements, today) } : read;
}

/** Writes elements as a scanner sends them: FNC1 (GS) after every field without a predefined length, but the last. */
export function encodeGs1Raw(elements: readonly { ai: string; value: string }[]): string {
  return elements
    .map(({ ai, value }, i) => {
      const needsSeparator = aiEntry(ai)?.predefinedLength !== true && i < elements.length - 1;
      return `${ai}${value}${needsSeparator ? GS : ''}`;
    })
    .join('');
}

/** Writes elements as printed under the bars: `(01)…(17)…`, a bracket in a value as `\(`. */
export function encodeGs1Bracketed(elements: readonly { ai: string; value: string }[]): string {
  return elements.map(({ ai, value }) => `(${ai})${value.replaceAll('(', '\\(')}`).join('');
}
