import { expect, test } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { demo } from './demoCodes';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('a hardware scanner\'s burst is a scan wherever the focus is; a person\'s typing is not', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.open('/find');
  await handheld.signIn('picker1', '1111');
  await handheld.waitForHome();
  await handheld.waitForFirstSync();
  await page.getByRole('button', { name: /^Find/ }).click();
  const field = page.getByLabel('Code', { exact: true });
  await expect(field).toBeFocused();

  // A scanner types the whole code and Enter within a few milliseconds.
  await handheld.scan(demo.ean13.code.printed);
  await expect(handheld.productResult).toContainText(demo.ean13.product.name);
  await expect(page.getByTestId('scanned')).toHaveText(`Scanned ${demo.ean13.code.printed} (scanner)`);
  await expect(field).toHaveValue('');

  // A GS1-128 code with its AIM prefix: lot and expiry come with the product.
  await handheld.scan(`]C101${demo.caseCode.code.gtin}17271231` + '10LOT9');
  await expect(handheld.productResult.getByTestId('scanned-pack')).toContainText(`Case of ${demo.caseCode.code.packQty}`);
  await expect(handheld.productResult.getByTestId('from-code')).toHaveText('LotLOT9Expiry2027-12-31');
  await expect(field).toHaveValue('');

  // A person types into the field: every character arrives, and no scan happens.
  await page.keyboard.type(demo.bin.code, { delay: 90 });
  await expect(field).toHaveValue(demo.bin.code);
  await page.keyboard.press('Enter');
  await expect(handheld.binResult).toContainText(`Bin ${demo.bin.code}`);
  await expect(page.getByTestId('scanned')).toHaveCount(0);

  // A bad scan: the reason in words and the screen flashes red.
  const ean = demo.ean13.code.printed;
  await handheld.scan(`${ean.slice(0, 12)}${(Number(ean[12]) + 1) % 10}`);
  await expect(handheld.alert).toContainText('wrong check digit');
  await expect(page.locator('body.flash-error')).toHaveCount(1);
  await expect(page.locator('body.flash-error')).toHaveCount(0);
});

test('the scanner test screen shows what arrived, key by key, and applies a prefix and a GS substitute', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.open('/');
  await handheld.signIn('counter1', '2222');
  await handheld.waitForHome();
  await handheld.waitForFirstSync();
  // Keys on a focused button keep their meaning (the wedge holds keys back only from text fields).
  await page.getByRole('button', { name: 'Settings and device' }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Scanner test and sound' }).click();
  await page.getByLabel('Scanner prefix').fill('#');
  await page.getByLabel('Character the scanner sends for GS (empty: the control character)').fill('~');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).blur();

  await handheld.scan('#]C1010950600013435210AB~21S1');
  const lastScan = page.getByTestId('last-scan');
  await expect(lastScan).toContainText('Read as: GS1 element string · symbology gs1-128');
  await expect(lastScan).toContainText('1 0 A B GS 2 1 S 1');
  const arrived = page.getByTestId('arrived-keys');
  await expect(arrived.locator('tbody tr').first()).toContainText('#U+0023');
  await expect(arrived).toContainText('Enter');

  // The settings stay with the device.
  await page.reload();
  await expect(page.getByLabel('Scanner prefix')).toHaveValue('#');
});
