/**
 * The supervisor's console, with handhelds working beside it: a device's steps appear
 * on the console without a reload; a count variance approved on the console reaches the
 * counter's stock at its next sync; a product file with bad rows is reported row by row
 * and imports nothing until the supervisor explicitly imports the good rows.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { countWhilePicking, demo } from './demoCodes';
import { startServer, type RunningServer } from './server';
import { withCheckDigit } from '../../src/domain/codes/gtin';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

/** The supervisor on a desktop-sized screen, in the console. */
async function openConsole(browser: Browser): Promise<Handheld> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const supervisor = new Handheld(page, server.url);
  await supervisor.open('/');
  await supervisor.signIn('super1', '9999');
  await page.getByRole('button', { name: 'Main distribution centre (MAIN)' }).click();
  await supervisor.waitForHome();
  await page.getByRole('button', { name: /^Supervisor console/ }).click();
  await expect(page.getByTestId('device-list')).toBeVisible();
  return supervisor;
}

async function device(browser: Browser, user: string, pin: string): Promise<Handheld> {
  const handheld = new Handheld(await (await browser.newContext()).newPage(), server.url);
  await handheld.signInAndGoOffline(user, pin);
  return handheld;
}

async function syncNow(handheld: Handheld) {
  await handheld.page.goto(`${server.url}/sync`);
  const asked = new Date().toISOString();
  await handheld.page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(async () => ((await handheld.lastSyncAt()) ?? '') > asked, { timeout: 30_000 }).toBe(true);
}

async function stockShown(page: Page, productCode: string, bin: string): Promise<string> {
  await page.goto(`${server.url}/find?code=${productCode}`);
  const row = page.getByTestId('product-result').locator('tr', { has: page.getByRole('cell', { name: bin, exact: true }) });
  return (await row.locator('td').nth(1).textContent()) ?? '';
}

test('a step done offline appears on the supervisor’s console, without a reload, once the device syncs', async ({ browser }) => {
  const supervisor = await openConsole(browser);
  const consolePage = supervisor.page;
  await consolePage.evaluate(() => ((window as unknown as { stillThisPage: boolean }).stillThisPage = true));

  const picker = await device(browser, 'picker1', '1111');
  const pickerDevice = (await picker.syncRecord('deviceId')) as string;
  // The picker's device shows up in the list by itself (it signed in and synced once).
  const row = consolePage.getByTestId(`device-${pickerDevice}`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('picker1');
  await row.getByRole('button', { name: /details/ }).click();
  const recent = consolePage.getByTestId('activity');
  await expect(recent).toBeVisible();
  await expect(recent).not.toContainText('putaway');

  // Offline, the picker puts three away where the device suggests.
  await picker.page.getByRole('button', { name: /^Putaway/ }).click();
  await picker.page.getByRole('button', { name: 'Put away without a task' }).click();
  const prompt = picker.page.getByTestId('expect');
  await picker.scan(demo.ean13.code.printed);
  await expect(prompt).toHaveText(/^Scan bin /);
  const bin = ((await prompt.textContent()) ?? '').replace('Scan bin ', '');
  await picker.page.getByLabel('Quantity to put away').fill('3');
  await prompt.click();
  await picker.scan(bin);
  await expect(picker.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(picker.status.waiting).toHaveText('1 waiting');

  await picker.page.context().setOffline(false);
  await expect(picker.status.waiting).toHaveText('0 waiting', { timeout: 30_000 });
  // The console's device detail polls: the step appears with its bin and product.
  const step = recent.locator('tr', { hasText: 'putaway' });
  await expect(step).toContainText(bin, { timeout: 20_000 });
  await expect(step).toContainText(demo.ean13.product.name);
  await expect(step).toContainText('applied');
  await expect(consolePage.getByTestId('sync-history').locator('tbody tr').first()).toBeVisible();
  expect(await consolePage.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  expect([...picker.problems, ...supervisor.problems]).toEqual([]);
});

test('a count variance approved on the console becomes the counter’s stock after its next sync', async ({ browser }) => {
  const { farBin, farLines } = countWhilePicking[0]!;
  const counter = await device(browser, 'counter1', '2222');
  const page = counter.page;
  await page.getByRole('button', { name: /^Count/ }).click();
  await page.getByRole('button', { name: 'Spot count a bin' }).click();
  await counter.scan(farBin);
  const countAll = async () => {
    for (const line of farLines) {
      await counter.scan(line.each.printed);
      await expect(page.getByTestId('counted')).toContainText(line.product.name);
      await page.getByLabel(/^Quantity/).fill(String(line.book + 10));
      await page.getByRole('button', { name: 'Set quantity' }).click();
      await expect(page.getByTestId('counted').locator('li', { hasText: line.product.name })).toContainText(String(line.book + 10));
    }
    await page.getByRole('button', { name: 'Submit bin' }).click();
  };
  await countAll();
  // Far off: a deviation (amber), asking for the recount.
  await expect(page.getByRole('status').filter({ hasText: 'Count the bin again' })).toHaveAttribute('data-tone', 'deviation');
  await countAll();
  await expect(page.getByRole('status').filter({ hasText: `Saved: bin ${farBin} counted` })).toBeVisible();
  await page.context().setOffline(false);
  await expect(counter.status.waiting).toHaveText('0 waiting', { timeout: 30_000 });
  // Until a supervisor decides, the stock is what the book said.
  await syncNow(counter);
  expect(await stockShown(page, farLines[0]!.each.printed, farBin)).toBe(farLines[0]!.book.toLocaleString('en-US'));

  const supervisor = await openConsole(browser);
  await supervisor.page.getByRole('button', { name: 'Count variances' }).click();
  const review = supervisor.page.getByTestId(`review-${farBin}`).first();
  await expect(review).toContainText(`${farLines[0]!.book + 10}`);
  await expect(review).toContainText('counter1');
  await review.getByRole('button', { name: 'Approve' }).click();
  await expect(supervisor.page.getByRole('status').filter({ hasText: `Approved: count of ${farBin}` })).toBeVisible();
  await expect(supervisor.page.getByTestId(`review-${farBin}`)).toHaveCount(0);

  await syncNow(counter);
  expect(await stockShown(page, farLines[0]!.each.printed, farBin)).toBe((farLines[0]!.book + 10).toLocaleString('en-US'));
  expect([...counter.problems, ...supervisor.problems]).toEqual([]);
});

test('a product file with bad rows is reported row by row and imports nothing, until the good rows are imported on purpose', async ({ browser }) => {
  const supervisor = await openConsole(browser);
  const page = supervisor.page;
  const good = withCheckDigit('200000777001');
  const badCheck = `${withCheckDigit('200000777002').slice(0, 12)}${(Number(withCheckDigit('200000777002')[12]) + 1) % 10}`;
  const zone = demo.ean13.product.zone;
  const csv = ['sku,name,zone,each_code,unit_cost', `IMP-1,Imported tea,${zone},${good},3.10`, `IMP-2,Bad code,${zone},${badCheck},`, `IMP-3,No such zone,NOPE,${withCheckDigit('200000777003')},`].join('\n');

  await page.getByRole('button', { name: 'Import & export' }).click();
  await page.getByLabel('What the file holds').selectOption('products');
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('3 rows, 1 good. Nothing was imported');
  const problems = page.getByTestId('row-problems').locator('tbody tr');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('3each_code');
  await expect(problems.nth(0)).toContainText('check digit');
  await expect(problems.nth(1)).toContainText('4zone');

  // Nothing reached the devices: the good row's product is unknown after a sync.
  await syncNow(supervisor);
  await page.goto(`${server.url}/find?code=${good}`);
  await expect(supervisor.alert).toBeVisible();
  await expect(supervisor.productResult).toHaveCount(0);

  await page.goto(`${server.url}/console?tab=data`);
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Import only the 1 good rows' }).click();
  await expect(report).toContainText('Imported 1 rows; 2 left out');
  await syncNow(supervisor);
  await page.goto(`${server.url}/find?code=${good}`);
  await expect(supervisor.productResult).toContainText('Imported tea');
  expect(supervisor.problems).toEqual([]);
});

test('the console, never opened on this device, opened offline says it needs the network, and opens once it is back', async ({ browser }) => {
  // The console's code is not precached (vite.config.ts): it is cached when it first loads.
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const supervisor = new Handheld(page, server.url);
  await supervisor.open('/');
  await supervisor.signIn('super1', '9999');
  await page.getByRole('button', { name: 'Main distribution centre (MAIN)' }).click();
  await supervisor.waitForHome();
  await supervisor.waitForOfflineReady();
  await page.context().setOffline(true);
  await page.getByRole('button', { name: /^Supervisor console/ }).click();
  await expect(supervisor.alert).toHaveText('The supervisor console needs the network the first time it opens on this device. Connect, then try again.');
  await page.context().setOffline(false);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('device-list')).toBeVisible();
  // Opened once, it opens offline too.
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Count variances' })).toBeVisible();
  await expect(supervisor.alert.filter({ hasText: 'needs the network the first time' })).toHaveCount(0);
  await page.context().close();
});
