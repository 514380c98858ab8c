import { describe, expect, it } from 'vitest';
import { normaliseAs } from '../../domain/codes/gtin';
import { looksLikeBinCode } from '../../domain/codes/binCode';
import { MAIN_WAREHOUSE, YARD_WAREHOUSE, benchmarkWarehouse, generateWarehouse } from './demoWarehouse';

describe('the demo warehouse', () => {
  const main = generateWarehouse(MAIN_WAREHOUSE, new Date('2026-11-01T00:00:00Z'));

  it('has at least 5,000 products whose every code validates as printed and is unique', () => {
    expect(main.products.length).toBeGreaterThanOrEqual(5000);
    const gtins = new Set<string>();
    for (const product of main.products) {
      for (const code of product.codes) {
        const normalised = normaliseAs(code.symbology, code.printed);
        expect(normalised.ok && normalised.value.gtin, `${product.id} ${code.printed}`).toBe(code.gtin);
        expect(gtins.has(code.gtin), `duplicate ${code.gtin}`).toBe(false);
        gtins.add(code.gtin);
      }
    }
  });

  it('is mostly EAN-13, with EAN-8, UPC-A, UPC-E, case and inner-pack codes, lots and expiry', () => {
    const eachCodes = main.products.map((p) => p.codes[0]!.symbology);
    const share = (s: string) => eachCodes.filter((c) => c === s).length / eachCodes.length;
    expect(share('ean-13')).toBeGreaterThan(0.7);
    for (const s of ['ean-8', 'upc-a', 'upc-e']) expect(share(s)).toBeGreaterThan(0.01);
    const cases = main.products.flatMap((p) => p.codes.filter((c) => c.packLevel === 'case'));
    expect(cases.length).toBeGreaterThan(1000);
    expect(cases.every((c) => c.packQty > 1)).toBe(true);
    expect(main.products.some((p) => p.codes.some((c) => c.packLevel === 'inner'))).toBe(true);
    expect(main.products.filter((p) => p.lotTracked).length).toBeGreaterThan(500);
    expect(main.products.filter((p) => p.expiryTracked).length).toBeGreaterThan(300);
  });

  it('has at least 1,000 bins in zones, with labels and a strictly increasing walk sequence', () => {
    expect(main.bins.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(main.bins.map((b) => b.code)).size).toBe(main.bins.length);
    expect(main.bins.every((b) => looksLikeBinCode(b.code))).toBe(true);
    const seqs = main.bins.map((b) => b.walkSeq);
    expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1]!)).toBe(true);
    expect(new Set(main.bins.map((b) => b.zone)).size).toBe(MAIN_WAREHOUSE.zones.length);
  });

  it('holds stock with lots and expiry where tracked, and the tasks the issue asks for', () => {
    const products = new Map(main.products.map((p) => [p.id, p]));
    expect(main.stock.length).toBeGreaterThan(4000);
    for (const line of main.stock) {
      const product = products.get(line.productId)!;
      expect(line.lot !== '').toBe(product.lotTracked);
      expect(line.expiry !== null).toBe(product.expiryTracked);
      expect(line.qty).toBeGreaterThan(0);
    }
    const kinds = main.tasks.map((t) => t.kind);
    expect(kinds.filter((k) => k === 'pick')).toHaveLength(20);
    expect(kinds.filter((k) => k === 'putaway')).toHaveLength(10);
    expect(kinds.filter((k) => k === 'count')).toHaveLength(10);
  });

  it('is the same on every machine (seeded), and the yard warehouse is small', () => {
    const again = generateWarehouse(MAIN_WAREHOUSE, new Date('2026-11-01T00:00:00Z'));
    expect(again.products.slice(0, 50)).toEqual(main.products.slice(0, 50));
    const yard = generateWarehouse(YARD_WAREHOUSE);
    expect(yard.products.length).toBe(60);
    const mainGtins = new Set(main.products.flatMap((p) => p.codes.map((c) => c.gtin)));
    expect(yard.products.flatMap((p) => p.codes).some((c) => mainGtins.has(c.gtin))).toBe(false);
  });

  it('scales to a benchmark catalog of 200,000 products and 50,000 bins with unique codes', () => {
    const big = generateWarehouse(benchmarkWarehouse(200_000, 50_000));
    expect(big.products.length).toBe(200_000);
    expect(big.bins.length).toBe(50_000);
    const gtins = big.products.flatMap((p) => p.codes.map((c) => c.gtin));
    expect(new Set(gtins).size).toBe(gtins.length);
  });
});
