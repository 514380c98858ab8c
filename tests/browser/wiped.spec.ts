/**
 * A device whose app data was cleared says so on its next start instead of looking
 * empty and in sync: from its own note when only the database went, from the server's
 * cookie at sign-in when everything went.
 */
import { expect, test, type Page } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

/** Clears the app's data from a page of the same site where the app is not running. */
async function clearAppData(page: Page, everything: boolean) {
  await page.goto(`${server.url}/api/health`);
  await page.evaluate(async (all) => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase('warehouse-handheld');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked'));
    });
    if (all) localStorage.clear();
  }, everything);
}

test('only the database cleared: the next start says so at once, offline too', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.open('/');
  await handheld.signIn('picker1', '1111');
  await handheld.waitForHome();
  await handheld.waitForOfflineReady();
  await clearAppData(page, false);
  await page.context().setOffline(true);
  await page.goto(server.url);
  await expect(page.getByTestId('storage-lost')).toContainText('app data was cleared');
  await expect(page.getByTestId('storage-lost')).toContainText('Steps that had not reached the server before that are lost');
  await page.getByRole('button', { name: 'Understood' }).click();
  await expect(page.getByTestId('storage-lost')).toHaveCount(0);
});

test('everything cleared: at the next sign-in the server says what the old device held', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.open('/');
  await handheld.signIn('picker1', '1111');
  await handheld.waitForHome();
  // A sync has reported the device's state (nothing waiting).
  await page.getByTestId('last-sync').click();
  const asked = new Date().toISOString();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(async () => ((await handheld.lastSyncAt()) ?? '') > asked, { timeout: 30_000 }).toBe(true);
  await clearAppData(page, true);
  await page.goto(server.url);
  await expect(page.getByTestId('storage-lost')).toHaveCount(0); // nothing on the device can tell
  await handheld.signIn('picker1', '1111');
  await handheld.waitForHome();
  await expect(page.getByTestId('storage-lost')).toContainText('nothing was waiting; steps done on it after that are lost');
  expect(handheld.problems).toEqual([]);
});
