/**
 * The screen answers a step once its IndexedDB transaction is queued and the step is kept
 * in flight (device/stepsInFlight.ts). A reload in the moment before the commit kills the
 * transaction with the page: the step must still be there after the reload, once.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { pickList } from './demoCodes';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

const inFlight = (handheld: Handheld) => handheld.page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('floor:in-flight:')).length);

test('a reload before a shown step reached IndexedDB keeps the step, once, and the pick goes on from it', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.signInAndGoOffline('picker1', '1111');
  await page.getByRole('button', { name: /^Pick/ }).click();
  await page.getByRole('button', { name: new RegExp(pickList.task.reference) }).click();
  const [first] = pickList.lines; // 9 units of one item: two scans leave the line open
  const units = pickList.lines.reduce((sum, line) => sum + line.qty, 0);
  const progress = page.getByTestId('pick-progress');
  await handheld.scan(first!.binCode);
  await expect(page.getByTestId('expect')).toHaveText(`Scan item ${first!.product.name}`);
  // The first unit is read for and written the careful way; from the second on, steps are answered early.
  await handheld.scan(first!.each.printed);
  await expect(progress).toHaveText(`Lines 0 of 3 · units 1 of ${units}`);

  // From now on the page's step transactions never commit: each keeps asking for a record
  // that is not there, as a phone whose storage stalls would, until the page goes away.
  // (Dexie keeps its own handle on the function; the steps answered early are made around it.)
  await page.evaluate(() => {
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const tx = open.apply(this, args);
      const stores = typeof args[0] === 'string' ? [args[0]] : [...args[0]];
      if (args[1] === 'readwrite' && stores.includes('outbox')) {
        const state = tx.objectStore('syncState');
        const stall = () => (state.get('never there').onsuccess = stall);
        stall();
      }
      return tx;
    } as IDBDatabase['transaction'];
  });
  await handheld.scan(first!.each.printed);
  await expect(progress).toHaveText(`Lines 0 of 3 · units 2 of ${units}`);
  expect(await inFlight(handheld)).toBe(1);

  await page.reload();
  await expect(page.getByTestId('expect')).toHaveText(`Scan item ${first!.product.name}`);
  await expect(progress).toHaveText(`Lines 0 of 3 · units 2 of ${units}`);
  expect(await inFlight(handheld)).toBe(0);
  const picks = () => handheld.outbox().then((entries) => entries.filter((e) => e.type === 'pick'));
  expect((await picks()).map((e) => e.payload.qty)).toEqual([1, 1]);

  // The next scan is the next step: three picks, in order.
  await handheld.scan(first!.each.printed);
  await expect(progress).toHaveText(`Lines 0 of 3 · units 3 of ${units}`);
  const after = await picks();
  expect(after.map((e) => e.payload.qty)).toEqual([1, 1, 1]);
  expect(after.map((e) => e.deviceSeq - after[0]!.deviceSeq)).toEqual([0, 1, 2]);
  expect(handheld.problems).toEqual([]);
});

test('a step left in flight and refused at the next start is shown on the sync screen with its reason until the worker read it', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.signInAndGoOffline('picker1', '1111');
  // As a page leaves a shown step whose list, meanwhile, is no longer on this device.
  await page.evaluate(() => {
    const entry = { kind: 'step', worker: { userId: 'u-picker1', warehouseId: 'wh-main' }, op: { type: 'pick', taskId: 'gone-list', lineNo: 1, binCode: 'Z-99-99-9', productId: 'p-gone', lot: '', expiry: null, qty: 1, proposedLot: null, deviations: [] }, now: new Date().toISOString(), stepKey: 'gone#1', flowState: undefined, clearsCount: false };
    localStorage.setItem(`floor:in-flight:${Date.now()}:1:test`, JSON.stringify({ madeAt: Date.now(), entry }));
  });
  await page.reload();
  await handheld.waitForHome();
  expect(await inFlight(handheld)).toBe(0);
  await page.goto(`${server.url}/sync`);
  const notKept = page.getByRole('region', { name: 'Shown as saved, but not kept' });
  await expect(notKept).toBeVisible();
  await expect(notKept.getByTestId('steps-not-kept').locator('li')).toHaveCount(1);
  await expect(notKept).toContainText('Z-99-99-9');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await notKept.getByRole('button', { name: 'I have read it' }).click();
  await expect(notKept).toHaveCount(0);
  expect(await handheld.outbox()).toEqual([]);
  expect(handheld.problems).toEqual([]);
});
