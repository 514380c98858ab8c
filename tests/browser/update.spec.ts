import { cpSync, appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { demo } from './demoCodes';
import { startServer, type RunningServer } from './server';

// A copy of the built app, so this test can publish a "new version" of it.
const appCopy = mkdtempSync(join(tmpdir(), 'handheld-app-'));
let server: RunningServer;
test.beforeAll(async () => {
  cpSync('dist', appCopy, { recursive: true });
  server = await startServer({ STATIC_DIR: appCopy });
});
test.afterAll(async () => {
  await server.stop();
  rmSync(appCopy, { recursive: true, force: true });
});

test('a new version says "Update ready", reloads on request, and keeps the device data', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.open('/');
  await handheld.signIn('picker1', '1111');
  await handheld.waitForHome();
  await handheld.waitForOfflineReady();

  // Publish a new version: a changed service worker is what the browser checks for.
  appendFileSync(join(appCopy, 'sw.js'), '\n// next version\n');
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: 'Update ready' });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  // A gloved double tap: one reload into the new version, nothing more.
  await banner.getByRole('button', { name: 'Reload' }).dblclick();

  await handheld.waitForHome();
  await expect(banner).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: registration?.waiting !== null, controlled: navigator.serviceWorker.controller !== null };
    }))
    .toEqual({ waiting: false, controlled: true });
  await page.getByRole('button', { name: /^Find/ }).click();
  await handheld.find(demo.ean13.code.printed);
  await expect(handheld.productResult).toContainText(demo.ean13.product.name);
});

test('a first visit the old version never controlled reloads into the new version too', async ({ page, context }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.open('/');
  await handheld.signIn('picker1', '1111');
  await handheld.waitForHome();
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The premise: the first visit's page is not controlled (the service worker claims no page).
  expect(await page.evaluate(() => navigator.serviceWorker.controller === null)).toBe(true);
  // A second window of the app is controlled, so the new version waits instead of taking over.
  const second = await context.newPage();
  await second.goto(server.url + '/');
  await second.waitForFunction(() => navigator.serviceWorker.controller !== null);

  appendFileSync(join(appCopy, 'sw.js'), '\n// a version after that\n');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const banner = page.getByRole('alert').filter({ hasText: 'Update ready' });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await banner.getByRole('button', { name: 'Reload' }).click();

  await expect(banner).toHaveCount(0);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await handheld.waitForHome();
});
