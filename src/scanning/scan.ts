/**
 * One scan, whatever it came from: a hardware scanner typing into the page, the
 * camera, or a person typing. Every source makes the same event, with the same
 * parsing and the same errors, so a flow handles a scan once.
 */
import { brokenScanMeaning, interpretCode, type CodeMeaning } from '../domain/codes/interpretCode';

export type ScanSource = 'camera' | 'scanner' | 'keyboard';

export type ScanSymbology =
  | 'ean-13'
  | 'ean-8'
  | 'upc-a'
  | 'upc-e'
  | 'code-128'
  | 'gs1-128'
  | 'gs1-datamatrix'
  | 'gs1-qr'
  | 'qr'
  | 'datamatrix'
  | 'unknown';

export interface Scan {
  /** The code as the app reads it: GS as U+001D, GS1 strings keep their AIM prefix. */
  readonly text: string;
  readonly symbology: ScanSymbology;
  readonly source: ScanSource;
  /** What the text is: a product code as GTIN-14 readings, GS1 data, a bin code, or an error with its reason. */
  readonly meaning: CodeMeaning;
  /** performance.now() when the scan was made. */
  readonly at: number;
}

/** AIM symbology identifiers (ISO/IEC 15424) the app understands. */
export const AIM_SYMBOLOGIES: Readonly<Record<string, ScanSymbology>> = {
  ']E0': 'ean-13',
  ']E4': 'ean-8',
  ']E1': 'upc-e',
  ']C0': 'code-128',
  ']C1': 'gs1-128',
  ']d1': 'datamatrix',
  ']d2': 'gs1-datamatrix',
  ']Q1': 'qr',
  ']Q3': 'gs1-qr',
};

/** AIM identifiers of GS1 element strings: the text keeps them, as they tell the parser it is GS1. */
export const GS1_AIM_IDENTIFIERS: ReadonlySet<string> = new Set([']C1', ']d2', ']Q3', ']e0']);

export function makeScan(text: string, symbology: ScanSymbology, source: ScanSource, at: number, today: Date = new Date()): Scan {
  return { text, symbology, source, meaning: interpretCode(text, today), at };
}

/**
 * A scan that broke off before its end (a hardware scanner's burst cut by a pause):
 * its meaning is an error showing the characters received, so every screen answers it
 * with the error feedback and nobody looks the partial text up as a code.
 */
export function makeBrokenScan(received: string, source: ScanSource, at: number): Scan {
  return { text: received, symbology: 'unknown', source, meaning: brokenScanMeaning(received), at };
}
