/**
 * One scan, whatever it came from: a hardware scanner typing into the page, the
 * camera, or a person typing. Every source makes the same event, with the same
 * parsing and the same errors, so a flow handles a scan once.
 */
import { brokenScanMeaning, interpretCode, type CodeMeaning } from '../domain/codes/interpretCode';
import type { ScanSymbology } from './symbologies';

export { AIM_SYMBOLOGIES, GS1_AIM_IDENTIFIERS, type ScanSymbology } from './symbologies';

export type ScanSource = 'camera' | 'scanner' | 'keyboard';

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
