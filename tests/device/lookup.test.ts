import { DEFAULT_WAREHOUSE_SETTINGS } from '../../src/domain/floor/warehouseSettings';
import { beforeAll, describe, expect, it } from 'vitest';
import { beginDownload, storePage } from '../../src/device/downloadStore';
import type { FloorDb } from '../../src/device/floorDb';
import { lookUpCode } from '../../src/device/lookup';
import { MAIN_WAREHOUSE, binsWithStock, generateWarehouse } from '../../src/server/seed/demoWarehouse';
import { freshDeviceDb } from './deviceDb';

const data = generateWarehouse({ ...MAIN_WAREHOUSE, products: 400 }, new Date('2026-11-01T00:00:00Z'));
const stocked = new Set(data.stock.map((s) => s.productId));
const find = (symbology: string, packLevel = 'each') =>
  data.products.find((p) => stocked.has(p.id) && p.codes.some((c) => c.symbology === symbology && c.packLevel === packLevel))!;

describe('looking up a code on the device', () => {
  let db: FloorDb;
  beforeAll(async () => {
    db = freshDeviceDb().db;
    await beginDownload(db, {
      warehouseId: 'wh-main',
      dataEpoch: '3f0c4a8e-0000-4000-8000-000000000001',
      changeClock: '1',
      pullCursor: 'start',
      counts: { products: data.products.length, bins: data.bins.length, tasks: 0, stockLines: data.stock.length },
      pageSize: 1000,
      settings: DEFAULT_WAREHOUSE_SETTINGS,
    });
    await storePage(db, 'products', [...data.products], null);
    await storePage(db, 'bins', binsWithStock(data), null);
  });

  it('finds a product by its EAN-13, with the bins holding it in walk order', async () => {
    const product = find('ean-13');
    const ean13 = product.codes[0]!.printed;
    const result = await lookUpCode(db, ean13);
    if (result.kind !== 'product') throw new Error(`expected a product, got ${result.kind}`);
    expect(result.product.id).toBe(product.id);
    expect(result.scannedCode.packQty).toBe(1);
    const expected = data.stock.filter((s) => s.productId === product.id);
    expect(result.totalQty).toBe(expected.reduce((sum, s) => sum + s.qty, 0));
    const seqs = result.places.map((p) => p.walkSeq ?? 0);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('finds a UPC-A product by its UPC-A and by its EAN-13 with a leading zero', async () => {
    const product = find('upc-a');
    const upcA = product.codes[0]!.printed;
    expect(((await lookUpCode(db, upcA)) as { product?: { id: string } }).product?.id).toBe(product.id);
    expect(((await lookUpCode(db, `0${upcA}`)) as { product?: { id: string } }).product?.id).toBe(product.id);
  });

  it('finds a product by its case code and says how many units the case holds', async () => {
    const product = data.products.find((p) => p.codes.some((c) => c.packLevel === 'case'))!;
    const caseCode = product.codes.find((c) => c.packLevel === 'case')!;
    const result = await lookUpCode(db, caseCode.printed);
    if (result.kind !== 'product') throw new Error(`expected a product, got ${result.kind}`);
    expect(result.product.id).toBe(product.id);
    expect(result.scannedCode).toMatchObject({ packLevel: 'case', packQty: caseCode.packQty });
    expect(caseCode.packQty).toBeGreaterThan(1);
  });

  it('finds a product by its UPC-E', async () => {
    const product = data.products.find((p) => p.codes.some((c) => c.symbology === 'upc-e'))!;
    const result = await lookUpCode(db, product.codes[0]!.printed);
    expect(result.kind === 'product' && result.product.id).toBe(product.id);
  });

  it('finds a bin by its label, typed in lower case too, with what it holds', async () => {
    const line = data.stock[0]!;
    const result = await lookUpCode(db, ` ${line.binCode.toLowerCase()} `);
    if (result.kind !== 'bin') throw new Error(`expected a bin, got ${result.kind}`);
    expect(result.bin.code).toBe(line.binCode);
    expect(result.contents.some((c) => c.productId === line.productId && c.product !== null)).toBe(true);
  });

  it('says which: an invalid code, an unknown product, an unknown bin', async () => {
    const product = find('ean-13');
    const ean13 = product.codes[0]!.printed;
    const wrongCheck = ean13.slice(0, 12) + String((Number(ean13[12]) + 1) % 10);
    const invalid = await lookUpCode(db, wrongCheck);
    expect(invalid).toMatchObject({ kind: 'invalid', reason: 'bad-check-digit' });
    expect((invalid as { message: string }).message).toMatch(/^EAN-13 .* wrong check digit/);

    const unknown = await lookUpCode(db, '4006381333931');
    expect(unknown.kind).toBe('unknown');
    expect((unknown as { message: string }).message).toContain('Unknown product');

    const unknownBin = await lookUpCode(db, 'Z-99-99-9');
    expect((unknownBin as { message: string }).message).toBe('Unknown bin: there is no bin Z-99-99-9 in this warehouse. Check the label.');

    expect(await lookUpCode(db, '123')).toMatchObject({ kind: 'invalid', reason: 'wrong-length' });
    expect(await lookUpCode(db, '   ')).toMatchObject({ kind: 'invalid', reason: 'empty' });
  });

  it('reads a GS1 code: the product by its GTIN, with the lot and expiry the code carries', async () => {
    const product = find('ean-13');
    const gtin = product.codes[0]!.gtin;
    const bracketed = await lookUpCode(db, `(01)${gtin}(17)271231(10)LOT-7`);
    expect(bracketed).toMatchObject({ kind: 'product', product: { id: product.id }, fromCode: { lot: 'LOT-7', expiry: '2027-12-31' } });
    // As a wedge sends it with no prefix and no separator after the last field: still found.
    const raw = await lookUpCode(db, `01${gtin}17271231` + '10LOT7');
    expect(raw).toMatchObject({ kind: 'product', product: { id: product.id }, fromCode: { lot: 'LOT7' } });
    expect(await lookUpCode(db, '(00)106141411234567897')).toMatchObject({ kind: 'unknown' });
    const wrongDate = await lookUpCode(db, `(01)${gtin}(17)271331`);
    expect(wrongDate).toMatchObject({ kind: 'invalid', reason: 'bad-date', message: '(17) expiry date 271331: month 13 does not exist.' });
  });

  it('reads a GS1 Digital Link, and lists the AIs the floor does not use', async () => {
    const product = find('ean-13');
    const gtin = product.codes[0]!.gtin;
    const link = await lookUpCode(db, `https://id.example.com/01/${gtin}/10/LOT-7?17=271231&91=ROOM-4`);
    expect(link).toMatchObject({ kind: 'product', product: { id: product.id }, fromCode: { lot: 'LOT-7', expiry: '2027-12-31', others: [{ ai: '91', value: 'ROOM-4' }] } });
    const withSellBy = await lookUpCode(db, `(01)${gtin}(16)271231(10)L1`);
    expect(withSellBy).toMatchObject({ kind: 'product', fromCode: { lot: 'L1', others: [{ ai: '16', title: 'sell by date', value: '271231' }] } });
  });

  it('refuses what GS1 refuses, with the reason: a lot alone, a forbidden pair, a trailing space', async () => {
    expect(await lookUpCode(db, '(10)LOT-7')).toMatchObject({ kind: 'invalid', reason: 'needs-other-ai' });
    expect(await lookUpCode(db, '(01)09506000134352(37)12')).toMatchObject({ kind: 'invalid', reason: 'forbidden-pair' });
    expect(await lookUpCode(db, '(01)09506000134352(10)L1 ')).toMatchObject({ kind: 'invalid', reason: 'bad-characters', message: '(10) batch/lot "L1 " holds a space, which GS1 does not allow.' });
    expect(await lookUpCode(db, 'https://example.com/products/42')).toMatchObject({ kind: 'invalid', reason: 'bad-link' });
  });
});
