/**
 * Changed products pulled into the catalog land in the blocks that hold them, several of
 * one block in the same page included; new ones get blocks of their own. (Written while
 * trying to find the blocks of a page in one read, which made pulls twice as slow.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FloorDb } from '../../src/device/floorDb';
import { storePulledPage } from '../../src/device/syncStore';
import type { Product } from '../../src/domain/catalog/product';
import type { Gtin14 } from '../../src/domain/codes/gtin';
import { DEFAULT_WAREHOUSE_SETTINGS } from '../../src/domain/floor/warehouseSettings';
import type { PullResponse } from '../../src/protocol/syncMessages';
import { device, product } from './pickListDevice';

let opened: FloorDb[] = [];
afterEach(() => {
  opened.forEach((db) => db.close());
  opened = [];
});

type Page = Extract<PullResponse, { kind: 'changes' }>;
const page = (products: Product[], clock: string): Page => ({ kind: 'changes', products: products.map((p) => ({ ...p, codes: [...p.codes] })), bins: [], tasks: [], operations: [], settings: DEFAULT_WAREHOUSE_SETTINGS, cursor: `c-${clock}`, clock, binClocks: {}, taskClocks: {}, more: false });
const made = (i: number): Product => ({ ...product, id: `p${1000 + i}`, sku: `SKU-${1000 + i}`, name: `Item ${i}`, codes: [{ ...product.codes[0]!, gtin: `0402${String(1000 + i).padStart(9, '0')}9` as Gtin14 }] });

describe('pulled products', () => {
  it('replace the held ones in their blocks, several of one block in one page, and new ones are added', async () => {
    const { db } = await device(opened);
    const first = Array.from({ length: 120 }, (_, i) => made(i));
    await storePulledPage(db, page(first, '6'), { catalogWasEmpty: false });
    const blocksBefore = await db.productBlocks.count();
    // Every other product changed, a few new ones, and the device's own product too.
    const changed = [...first.filter((_, i) => i % 2 === 0).map((p) => ({ ...p, name: `${p.name} r2` })), made(500), made(501), { ...product, name: 'Chickpeas 1 l (new label)' }];
    await storePulledPage(db, page(changed, '7'), { catalogWasEmpty: false });
    const all = (await db.productBlocks.toArray()).flatMap((b) => b.products);
    const names = new Map(all.map((p) => [p.id, p.name]));
    expect(all.length).toBe(names.size); // no product in two blocks
    expect(names.get('p1000')).toBe('Item 0 r2');
    expect(names.get('p1001')).toBe('Item 1');
    expect(names.get('p1118')).toBe('Item 118 r2');
    expect(names.get('p1500')).toBe('Item 500');
    expect(names.get(product.id)).toBe('Chickpeas 1 l (new label)');
    expect(names.size).toBe(1 + 120 + 2);
    expect(await db.productBlocks.count()).toBe(blocksBefore + 1);
    const block = await db.productBlocks.where('gtins').equals(made(118).codes[0]!.gtin).first();
    expect(block?.products.find((p) => p.id === 'p1118')?.name).toBe('Item 118 r2');
  });
});
