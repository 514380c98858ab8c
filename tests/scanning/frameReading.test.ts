/**
 * The camera's reading of one frame, with the engine the app runs (zxing-wasm), on
 * frames drawn like the benchmark's: what text and symbology each code yields, and
 * what the rest of the app makes of it. Still frames are read with every pass
 * (readStill), as the camera reads a code held in view over a few frames.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BarcodeEngine } from '../../src/scanning/camera/barcodeEngine';
import { readStill } from '../../src/scanning/camera/frameReader';
import { makeScan } from '../../src/scanning/scan';
import { nodeZxingJsEngine, nodeZxingWasmEngine } from '../../bench/scan/nodeEngines';
import { compose, symbolOf, type SymbolFormat } from '../../bench/scan/hardImages';
import { readImage } from '../../bench/scan/imageFiles';

let engine: BarcodeEngine;
beforeAll(async () => {
  engine = await nodeZxingWasmEngine();
});

async function frameWith(text: string, format: SymbolFormat, module = 3) {
  return compose(await symbolOf(text, format), { module }, 7);
}

describe('reading a camera frame', () => {
  it('reads an EAN-13 as its digits, asking two frames to agree', async () => {
    const read = await readStill(engine, await frameWith('4006381333931', 'EAN13'));
    expect(read).toEqual({ text: '4006381333931', symbology: 'ean-13', framesNeeded: 2 });
  });

  it('reads a GS1-128 label with its AIM prefix, so lot and expiry are parsed', async () => {
    const read = await readStill(engine, await frameWith('(01)09501101530003(17)271231(10)LOT42', 'Code128', 2.5));
    expect(read?.symbology).toBe('gs1-128');
    const scan = makeScan(read!.text, read!.symbology, 'camera', 0, new Date('2026-11-23'));
    expect(scan.meaning.kind).toBe('gs1');
    if (scan.meaning.kind !== 'gs1') return;
    expect(scan.meaning.gs1).toMatchObject({ gtin: '09501101530003', expiry: '2027-12-31', lot: 'LOT42' });
  });

  it('reads a GS1 DataMatrix with its AIM prefix', async () => {
    const read = await readStill(engine, await frameWith('(01)09501101530003(10)LOT42(21)S123', 'DataMatrix', 8));
    expect(read?.symbology).toBe('gs1-datamatrix');
    const scan = makeScan(read!.text, read!.symbology, 'camera', 0);
    expect(scan.meaning.kind === 'gs1' && scan.meaning.gs1.serial).toBe('S123');
  });

  it('reads bin labels in Code 128 and QR as bin codes', async () => {
    for (const format of ['Code128', 'QRCode'] as const) {
      const read = await readStill(engine, await frameWith('A-01-02-3', format, format === 'QRCode' ? 10 : 3));
      expect(read?.text).toBe('A-01-02-3');
      expect(makeScan(read!.text, read!.symbology, 'camera', 0).meaning.kind).toBe('bin-code');
    }
  });

  it('reads a UPC-E as the GTIN of its expanded UPC-A', async () => {
    const read = await readStill(engine, await frameWith('01234565', 'UPCE', 4));
    expect(read?.symbology).toBe('upc-e');
    const meaning = makeScan(read!.text, read!.symbology, 'camera', 0).meaning;
    expect(meaning.kind === 'product-code' && meaning.readings.map((r) => r.gtin)).toContain('00012345000065');
  });

  it('reads nothing in a frame with no code', async () => {
    expect(await readStill(engine, compose(null, { module: 1 }, 3))).toBeNull();
  });

  it('refuses a read the plain decoder gets wrong, with every pass (ZXing test image upce-2/14, two scan lines agree on a wrong code)', async () => {
    const pixels = readImage(fileURLToPath(new URL('./fixtures/zxing-upce-2-14.png', import.meta.url)));
    expect((await engine.read(pixels, { formats: ['UPCE'], minLines: 2 }))?.text).toBe('0049040000014');
    expect(await readStill(engine, pixels)).toBeNull();
  });

  it('asks three frames of a weak read from the fallback engine, which cannot count scan lines', async () => {
    const fallback = nodeZxingJsEngine();
    expect(await readStill(fallback, await frameWith('96385074', 'EAN8', 4))).toEqual({ text: '96385074', symbology: 'ean-8', framesNeeded: 3 });
    expect((await readStill(fallback, await frameWith('4006381333931', 'EAN13')))?.framesNeeded).toBe(2);
  });

  it('the fallback engine keeps GS1 data GS1, and a plain Code 128 plain', async () => {
    const fallback = nodeZxingJsEngine();
    const gs1 = await readStill(fallback, await frameWith('(01)09501101530003(17)271231(10)LOT42', 'Code128', 5));
    expect(gs1?.symbology).toBe('gs1-128');
    const scan = makeScan(gs1!.text, gs1!.symbology, 'camera', 0, new Date('2026-11-23'));
    expect(scan.meaning.kind === 'gs1' && scan.meaning.gs1).toMatchObject({ gtin: '09501101530003', expiry: '2027-12-31', lot: 'LOT42' });
    expect(await readStill(fallback, await frameWith('A-03-10-1', 'Code128', 3))).toMatchObject({ text: 'A-03-10-1', symbology: 'code-128' });
  });
});
