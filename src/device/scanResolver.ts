/**
 * What a scan is on this device, for every flow: the same reading Find gives (one
 * interpreter for raw GS1, AIM prefixes, GS variants, case codes and bin labels),
 * resolved against the bins and products the device holds. A text that reads both
 * as a bin label and as a GS1 string sent without separators is the bin when the
 * warehouse has it, else the product; a bin label the warehouse does not have is an
 * unknown bin, never a "wrong bin".
 */
import type { CodeMeaning } from '../domain/codes/interpretCode';
import type { ScannedCode } from '../domain/floor/flow';
import type { Gs1Data } from '../domain/codes/gs1';
import type { FloorDb } from './floorDb';
import { cachedBin } from './readCache';
import { cachedProductByGtin } from './productCache';

const fromCode = (gs1: Gs1Data | null) => (gs1 === null ? null : { lot: gs1.lot, expiry: gs1.expiry, count: gs1.count });

async function productOf(db: FloorDb, gtins: readonly string[], gs1: Gs1Data | null): Promise<ScannedCode | null> {
  for (const gtin of gtins) {
    const product = await cachedProductByGtin(db, gtin);
    const code = product?.codes.find((c) => c.gtin === gtin);
    if (product && code) return { kind: 'product', product, packQty: code.packQty, gs1: fromCode(gs1) };
  }
  return null;
}

/** Read through the read cache (readCache.ts): a code scanned before, or a bin or product of the task at hand, needs no read. */
export async function resolveScan(db: FloorDb, meaning: CodeMeaning, scannedText: string): Promise<ScannedCode> {
  if (meaning.kind === 'product-code' || meaning.kind === 'gs1') {
    const gs1 = meaning.kind === 'gs1' ? meaning.gs1 : null;
    const found = await productOf(db, meaning.readings.map((r) => r.gtin), gs1);
    if (found) return found;
    if (meaning.readings.length === 0) return { kind: 'unknown-product', why: { code: 'gs1-no-gtin' } };
    return { kind: 'unknown-product', why: { code: 'unknown-product', scanned: meaning.readings.map((r) => r.text).join(' / ') || scannedText } };
  }
  const binCode = meaning.binCode;
  const bin = binCode === null ? null : await cachedBin(db, binCode);
  if (bin) return { kind: 'bin', bin: { code: bin.code, zone: bin.zone, walkSeq: bin.walkSeq, stock: bin.stock } };
  if (meaning.kind === 'bin-code') {
    // Not a bin here, but a GS1 string sent without separators or prefix.
    if (meaning.gs1?.gtin) {
      const found = await productOf(db, [meaning.gs1.gtin], meaning.gs1);
      if (found) return found;
    }
    return { kind: 'unknown-bin', binCode: meaning.binCode };
  }
  return { kind: 'invalid', why: meaning.error.why };
}
