/**
 * The symbologies a scan can come in and the AIM identifiers that name them: apart from
 * scan.ts so the wedge detector (loaded with the first screen) does not bring the code
 * reader and GS1's dictionary with it.
 */
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

