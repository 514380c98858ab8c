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
  await handheld.open('/');
  await handheld.signIn('counter1', '2222');
  await expect(handheld.downloadRow('products')).toContainText(/^Products[\d,]*[1-9][\d,]* of/);
  await page.reload();
  // After the reload the count does not start again from zero.
  await expect(handheld.downloadRow('products')).not.toContainText(/^Products0 of/);
  await context.setOffline(true);
  await expect(page.getByRole('alert')).toContainText('offline');
  await context.setOffline(false);
  await handheld.waitForHome();
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

  await handheld.putOperationInOutbox();
  // Written behind the app's back, so the app sees it at its next start.
  await page.reload();
  await expect(handheld.status.waiting).toHaveText('1 waiting');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(handheld.alert).toContainText('1 operation on this device has not reached the server yet');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
});
