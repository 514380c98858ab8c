import { DEFAULT_WAREHOUSE_SETTINGS } from '../../src/domain/floor/warehouseSettings';
import { describe, expect, it } from 'vitest';
import { beginDownload, finishDownload, readDownload, storePage } from '../../src/device/downloadStore';
import { readRecord } from '../../src/device/syncState';
import { PRODUCTS_PER_BLOCK } from '../../src/device/floorDb';
import type { DownloadManifest } from '../../src/protocol/download';
import { MAIN_WAREHOUSE, binsWithStock, generateWarehouse } from '../../src/server/seed/demoWarehouse';
import { freshDeviceDb } from './deviceDb';
import { floorToday, readWarehouseSettings } from '../../src/device/taskWork';
import { localTimeZone } from '../../src/domain/floor/floorDate';

const data = generateWarehouse({ ...MAIN_WAREHOUSE, products: 300 }, new Date('2026-11-01T00:00:00Z'));
const bins = binsWithStock(data);
const manifest: DownloadManifest = {
  warehouseId: 'wh-main',
  dataEpoch: '3f0c4a8e-0000-4000-8000-000000000001',
  changeClock: '1',
  pullCursor: 'start',
  counts: { products: data.products.length, bins: data.bins.length, tasks: data.tasks.length, stockLines: data.stock.length },
  pageSize: 100,
  settings: DEFAULT_WAREHOUSE_SETTINGS,
};

describe('storing the first download', () => {
  it("keeps the warehouse's floor settings from the manifest; defaults before any arrived", async () => {
    const device = freshDeviceDb();
    // Before any arrived, "today" is the device's own date, as it was before warehouses had a zone.
    expect(await readWarehouseSettings(device.db)).toEqual({ ...DEFAULT_WAREHOUSE_SETTINGS, timeZone: localTimeZone() });
    const settings = { blindCount: false, recountThreshold: { units: 0, percent: 12.5 }, stepLimit: 250, timeZone: 'Asia/Shanghai' };
    await beginDownload(device.db, { ...manifest, settings });
    expect(await readWarehouseSettings(device.db)).toEqual(settings);
    expect(floorToday(await readWarehouseSettings(device.db), new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('reads settings an older app kept without a zone, or with one this browser does not know, in the device’s own zone', async () => {
    const device = freshDeviceDb();
    const older = { blindCount: false, recountThreshold: { units: 1, percent: 2 }, stepLimit: 250 };
    await beginDownload(device.db, { ...manifest, settings: older as typeof manifest.settings });
    expect(await readWarehouseSettings(device.db)).toEqual({ ...older, timeZone: localTimeZone() });
    await beginDownload(device.db, { ...manifest, settings: { ...older, timeZone: 'Mars/Base' } });
    expect((await readWarehouseSettings(device.db)).timeZone).toBe(localTimeZone());
  });

  it('stores pages with their cursor and resumes after a restart where it stopped', async () => {
    const device = freshDeviceDb();
    await beginDownload(device.db, manifest);
    await storePage(device.db, 'products', data.products.slice(0, 100), 'cursor-1');
    device.db.close();

    // The app restarts: the same download continues from cursor-1.
    const restarted = device.reopen();
    const resumed = await beginDownload(restarted, manifest);
    expect(resumed.entities.products).toEqual({ total: 300, stored: 100, cursor: 'cursor-1', done: false });
    expect(await restarted.productBlocks.count()).toBe(100 / PRODUCTS_PER_BLOCK);

    await storePage(restarted, 'products', data.products.slice(100), null);
    const state = await readDownload(restarted);
    expect(state?.entities.products).toMatchObject({ stored: 300, done: true });
    const block = await restarted.productBlocks.where('productIds').equals(data.products[101]!.id).first();
    expect(block?.products.map((p) => p.id)).toContain(data.products[101]!.id);
    expect(block?.gtins).toEqual(expect.arrayContaining(data.products[101]!.codes.map((c) => c.gtin)));
  });

  it('stores nothing of a page that fails, and keeps the cursor before it', async () => {
    const device = freshDeviceDb();
    await beginDownload(device.db, manifest);
    await storePage(device.db, 'bins', bins.slice(0, 10), 'after-10');
    const broken = [...bins.slice(10, 20), { zone: 'A', stock: [] } as never];
    await expect(storePage(device.db, 'bins', broken, 'after-21')).rejects.toThrow(/could not save/);
    expect(await device.db.bins.count()).toBe(10);
    expect((await readDownload(device.db))?.entities.bins.cursor).toBe('after-10');
  });

  it('starts over when the server data changed (a new epoch), clearing what was stored', async () => {
    const device = freshDeviceDb();
    await beginDownload(device.db, manifest);
    await storePage(device.db, 'bins', bins.slice(0, 50), 'x');
    const fresh = await beginDownload(device.db, { ...manifest, dataEpoch: '3f0c4a8e-0000-4000-8000-000000000002' });
    expect(fresh.entities.bins.stored).toBe(0);
    expect(await device.db.bins.count()).toBe(0);
  });

  it('records when the download finished as the last sync', async () => {
    const device = freshDeviceDb();
    await beginDownload(device.db, manifest);
    const finished = await finishDownload(device.db, new Date('2026-11-22T08:00:00Z'));
    expect(finished.finishedAt).toBe('2026-11-22T08:00:00.000Z');
    expect(await readRecord(device.db, 'lastSyncAt')).toBe('2026-11-22T08:00:00.000Z');
  });
});
