import { expect, test } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('a wrong PIN says so and keeps the worker on the sign-in screen', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.open('/');
  await handheld.signIn('counter1', '0000');
  await expect(handheld.alert).toHaveText('User or PIN is wrong. Check both and try again.');
  await expect(page.getByLabel('PIN')).toHaveValue('');
});

test('the download survives a reload and a lost network, and resumes where it stopped', async ({ page, context }) => {
  const handheld = new Handheld(page, server.url);
  // Hold the bin pages, so the download stops between products and bins, as a lost
  // network would stop it, and count the product pages the browser asks for.
  const releaseBins = await handheld.holdDownloadOf('bins');
  const productPages: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/download/products')) productPages.push(request.url());
  });

  await handheld.open('/');
  await handheld.signIn('counter1', '2222');
  await expect(handheld.downloadRow('products')).toContainText('5,200 of 5,200 ✓');
  // The pages are parsed and stored by the sync worker, off the page's thread.
  expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toContain('/assets/syncWorker.js');
  const pagesBeforeReload = productPages.length;
  expect(pagesBeforeReload).toBeGreaterThan(0);

  await page.reload();
  // After the reload the download goes on from where it stopped: products are not fetched again.
  await expect(handheld.downloadRow('products')).toContainText('5,200 of 5,200 ✓');
  await expect(handheld.downloadRow('bins')).toContainText('0 of 1,200');
  await context.setOffline(true);
  await expect(page.getByRole('alert')).toContainText('offline');
  releaseBins();
  await context.setOffline(false);
  await handheld.waitForHome();
  expect(productPages.length).toBe(pagesBeforeReload);
  await expect(page.getByRole('button', { name: /^Count/ })).toBeVisible();
});

test('a supervisor chooses between warehouses; signing out is refused while operations wait', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.open('/');
  await handheld.signIn('super1', '9999');
  await expect(page.getByRole('heading', { name: 'Choose warehouse' })).toBeVisible();
  await page.getByRole('button', { name: 'Yard store (YARD)' }).click();
  await handheld.waitForHome();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Yard store');

  await page.getByRole('button', { name: 'Settings and device' }).click();
  await expect(page.getByTestId('storage-used')).toContainText('MB');
  await expect(page.getByTestId('storage-persisted')).not.toHaveText('…');

  // Offline, so the step cannot be sent before the worker tries to sign out.
  await handheld.waitForOfflineReady();
  await page.context().setOffline(true);
  await handheld.putOperationInOutbox();
  // Written behind the app's back, so the app sees it at its next start.
  await page.reload();
  await expect(handheld.status.waiting).toHaveText('1 waiting');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(handheld.alert).toContainText('1 operation on this device has not reached the server yet');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
});
