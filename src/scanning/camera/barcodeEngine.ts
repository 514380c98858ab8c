/**
 * What the camera path needs of a decoding engine, and the text a read becomes.
 *
 * Wrong reads pass the check digit, so the check digit is not enough: ZXing counts
 * how many scan lines across the code agree, and the weak symbologies (UPC-E and
 * EAN-8: few digits, check digit in the parity pattern) must be read on more lines
 * than the strong ones, like the "security level" of a handheld scanner. The rule and
 * the passes that apply it are in decodePasses.ts; frameReader.ts reads frames with
 * them.
 */
import type { ScanSymbology } from '../scan';
import type { GrayImage } from './grayImage';

const GS = '\u001d';

export interface Pixels {
  /** RGBA, 4 bytes a pixel, as in ImageData. */
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

export type EngineFormat = 'EAN13' | 'EAN8' | 'UPCA' | 'UPCE' | 'Code128' | 'QRCode' | 'DataMatrix';

/** Retail codes on products; Code 128, QR and DataMatrix on bin labels and GS1 labels. */
export const CAMERA_FORMATS: readonly EngineFormat[] = ['EAN13', 'EAN8', 'UPCA', 'UPCE', 'Code128', 'QRCode', 'DataMatrix'];

/** Few digits, check digit in the parity pattern: read on more lines, or by more frames. */
export const WEAK_FORMATS: ReadonlySet<EngineFormat> = new Set(['UPCE', 'EAN8']);

export interface EngineRead {
  readonly format: EngineFormat;
  readonly text: string;
  /** AIM symbology identifier, e.g. "]C1" for GS1-128; "" when the engine does not say. */
  readonly symbologyIdentifier: string;
}

export interface ReadOptions {
  readonly formats: readonly EngineFormat[];
  /** Scan lines of a 1D code that must agree. */
  readonly minLines: number;
}

export interface BarcodeEngine {
  readonly name: string;
  /** True when `minLines` is honoured; an engine that cannot count lines is made up for with more frames. */
  readonly countsLines: boolean;
  /** Reads the most certain code in the image, or null. */
  read(pixels: Pixels, options: ReadOptions): Promise<EngineRead | null>;
  /** The same on a grey image, where the engine can take one without a copy to RGBA. */
  readGray?(image: GrayImage, options: ReadOptions): Promise<EngineRead | null>;
}

/** A code read from one frame, with how many frames in a row must agree before it is a scan. */
export interface FrameRead {
  readonly text: string;
  readonly symbology: ScanSymbology;
  readonly framesNeeded: number;
}

/** The text as the rest of the app reads it: GS1 element strings keep their AIM prefix, like a hardware scanner sends them. */
export function appText(read: EngineRead): { text: string; symbology: ScanSymbology } {
  const gs1 = (symbology: ScanSymbology, aim: string) => ({ text: aim + (read.text.startsWith(GS) ? read.text.slice(1) : read.text), symbology });
  switch (read.format) {
    case 'EAN13':
      return { text: read.text, symbology: 'ean-13' };
    case 'UPCA':
      return { text: read.text, symbology: 'upc-a' };
    case 'EAN8':
      return { text: read.text, symbology: 'ean-8' };
    case 'UPCE':
      return { text: read.text, symbology: 'upc-e' };
    case 'Code128':
      return read.symbologyIdentifier === ']C1' ? gs1('gs1-128', ']C1') : { text: read.text, symbology: 'code-128' };
    case 'QRCode':
      return read.symbologyIdentifier === ']Q3' ? gs1('gs1-qr', ']Q3') : { text: read.text, symbology: 'qr' };
    case 'DataMatrix':
      return read.symbologyIdentifier === ']d2' ? gs1('gs1-datamatrix', ']d2') : { text: read.text, symbology: 'datamatrix' };
  }
}
