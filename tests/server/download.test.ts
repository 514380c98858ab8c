import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiErrorSchema } from '../../src/protocol/errors';
import { downloadManifestSchema, downloadPageSchemas, type DownloadEntity } from '../../src/protocol/download';
import { normaliseGtin14 } from '../../src/domain/codes/gtin';
import { appOn, databaseKinds, seededDatabase, signIn, type SignedIn, type TestDatabase } from './testServer';
import { localTimeZone } from '../../src/domain/floor/floorDate';

describe.each(databaseKinds)('download of a warehouse on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let picker: SignedIn;
  beforeAll(async () => {
    test = await seededDatabase(kind);
    app = await appOn(test.db);
    picker = await signIn(app, 'picker1', '1111');
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  async function downloadAll<E extends DownloadEntity>(entity: E, limit: number, headers = picker.headers) {
    const items: unknown[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const query: string = `limit=${limit}${after ? `&after=${after}` : ''}`;
      const response = await app.inject({ method: 'GET', url: `/api/warehouses/wh-main/download/${entity}?${query}`, headers });
      expect(response.statusCode).toBe(200);
      const page = downloadPageSchemas[entity].parse(response.json());
      items.push(...page.items);
      after = page.next;
      pages++;
    } while (after !== null);
    return { items, pages };
  }

  it('describes the download with counts of a demo-sized warehouse', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/warehouses/wh-main/download', headers: picker.headers });
    expect(response.statusCode).toBe(200);
    const manifest = downloadManifestSchema.parse(response.json());
    expect(manifest.counts.products).toBeGreaterThanOrEqual(5000);
    expect(manifest.counts.bins).toBeGreaterThanOrEqual(1000);
    expect(manifest.counts.stockLines).toBeGreaterThan(1000);
    expect(manifest.counts.tasks).toBe(40);
    expect(manifest.dataEpoch).toMatch(/^[0-9a-f-]{36}$/);
    expect(manifest.settings).toEqual({ blindCount: true, recountThreshold: { units: 2, percent: 5 }, stepLimit: 1000, timeZone: localTimeZone() });
  });

  it("carries the warehouse's floor settings as its supervisors set them", async () => {
    await test.db.transaction((tx) => tx.query(`update warehouses set blind_count = false, recount_units = 0, recount_percent = 12.5, step_limit = 250, time_zone = 'Asia/Shanghai' where id = 'wh-main'`));
    const response = await app.inject({ method: 'GET', url: '/api/warehouses/wh-main/download', headers: picker.headers });
    expect(downloadManifestSchema.parse(response.json()).settings).toEqual({ blindCount: false, recountThreshold: { units: 0, percent: 12.5 }, stepLimit: 250, timeZone: 'Asia/Shanghai' });
    await test.db.transaction((tx) => tx.query(`update warehouses set blind_count = true, recount_units = 2, recount_percent = 5, step_limit = 1000, time_zone = 'UTC' where id = 'wh-main'`));
  });

  it('pages through every product exactly once, each with valid GTIN-14 codes', async () => {
    const { items, pages } = await downloadAll('products', 700);
    const products = items as { id: string; codes: { gtin: string; packQty: number }[] }[];
    expect(pages).toBeGreaterThan(5);
    expect(new Set(products.map((p) => p.id)).size).toBe(products.length);
    const [{ n }] = (await test.db.query<{ n: number }>(`select count(*)::int as n from products where warehouse_id = 'wh-main'`)) as [{ n: number }];
    expect(products.length).toBe(n);
    for (const product of products) {
      expect(product.codes.length).toBeGreaterThan(0);
      for (const code of product.codes) expect(normaliseGtin14(code.gtin).ok).toBe(true);
    }
    expect(products.some((p) => p.codes.some((c) => c.packQty > 1))).toBe(true);
  });

  it('pages through bins, each with its stock, without losing a line', async () => {
    const { items } = await downloadAll('bins', 300);
    const bins = items as { code: string; stock: { binCode: string; productId: string; lot: string }[] }[];
    expect(bins.every((bin) => bin.stock.every((line) => line.binCode === bin.code))).toBe(true);
    const keys = bins.flatMap((bin) => bin.stock).map((s) => `${s.binCode}|${s.productId}|${s.lot}`);
    expect(new Set(keys).size).toBe(keys.length);
    const [{ n }] = (await test.db.query<{ n: number }>(`select count(*)::int as n from stock_balances where warehouse_id = 'wh-main'`)) as [{ n: number }];
    expect(keys.length).toBe(n);
  });

  it('sends tasks with their lines, and bins with their walk sequence', async () => {
    const tasks = (await downloadAll('tasks', 7)).items as { kind: string; lines: unknown[] }[];
    expect(tasks.filter((t) => t.kind === 'pick')).toHaveLength(20);
    expect(tasks.filter((t) => t.kind === 'putaway')).toHaveLength(10);
    expect(tasks.filter((t) => t.kind === 'count')).toHaveLength(10);
    expect(tasks.every((t) => t.lines.length > 0)).toBe(true);
    const bins = (await downloadAll('bins', 5000)).items as { walkSeq: number }[];
    expect(bins.length).toBeGreaterThanOrEqual(1000);
  });

  it('refuses a cursor it did not make, and an unknown entity, with reasons', async () => {
    const bad = await app.inject({ method: 'GET', url: '/api/warehouses/wh-main/download/products?after=not-a-cursor', headers: picker.headers });
    expect(bad.statusCode).toBe(400);
    expect(apiErrorSchema.parse(bad.json()).error.message).toContain('Restart the download');
    const unknown = await app.inject({ method: 'GET', url: '/api/warehouses/wh-main/download/pallets', headers: picker.headers });
    expect(unknown.statusCode).toBe(400);
  });

  it('lets a user download only the warehouses they work in', async () => {
    const refused = await app.inject({ method: 'GET', url: '/api/warehouses/wh-yard/download', headers: picker.headers });
    expect(refused.statusCode).toBe(403);
    expect(apiErrorSchema.parse(refused.json()).error.reason).toBe('forbidden');
    const supervisor = await signIn(app, 'super1', '9999');
    const yard = await app.inject({ method: 'GET', url: '/api/warehouses/wh-yard/download', headers: supervisor.headers });
    expect(downloadManifestSchema.parse(yard.json()).counts.products).toBe(60);
  });
});
