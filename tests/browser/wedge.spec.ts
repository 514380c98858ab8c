import { expect, test } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { WedgeKeys, brokenBurst } from './pages/wedgeKeys';
import { countTask, demo } from './demoCodes';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

const brokenWords = (received: string) => `The scanner's code arrived broken ("${received}" received). Scan again.`;

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
  await expect(handheld.productResult.getByTestId('from-code')).toHaveText('LotLOT9Expiry31 Dec 2027');
  await expect(field).toHaveValue('');

  // A person types into the field: every character arrives, and no scan happens.
  await page.keyboard.type(demo.bin.code, { delay: 90 });
  await expect(field).toHaveValue(demo.bin.code);
  await page.keyboard.press('Enter');
  await expect(handheld.binResult).toContainText(`Bin ${demo.bin.code}`);
  await expect(page.getByTestId('scanned')).toHaveCount(0);

  // A bad scan: the reason in words and the screen flashes red.
  const ean = demo.ean13.code.printed;
  const flashes = await handheld.countFlashes();
  await handheld.scan(`${ean.slice(0, 12)}${(Number(ean[12]) + 1) % 10}`);
  await expect(handheld.alert).toContainText('wrong check digit');
  await expect.poll(flashes).toEqual({ error: 1, deviation: 0 });
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

  // A burst that broke off shows as such, with what arrived.
  const keys = await WedgeKeys.of(page);
  await keys.play(brokenBurst([...'#A-01-02', 'Enter'], 3, 80));
  await expect(lastScan).toContainText('Read as: Not readable · symbology unknown');
  await expect(page.getByTestId('last-scan-problem')).toHaveText(brokenWords('#A-01-02'));

  // The settings stay with the device.
  await page.reload();
  await expect(page.getByLabel('Scanner prefix')).toHaveValue('#');
});

test("a scanner's burst broken by a pause presses no focused button and lands in no field: it is one scan error showing what arrived", async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.open('/');
  await handheld.signIn('counter1', '2222');
  await handheld.waitForHome();
  await handheld.waitForFirstSync();
  const keys = await WedgeKeys.of(page); // online: a DevTools session breaks offline emulation

  // A spot count with one item counted, and "Bin is empty" focused.
  await page.goto(`${server.url}/count?spot=1`);
  const prompt = page.getByTestId('expect');
  await expect(prompt).toHaveText('Scan the bin to count');
  await handheld.scan(countTask.binCode);
  await expect(prompt).toHaveText(`Count bin ${countTask.binCode}: scan each item`);
  const [first] = countTask.stock;
  const code = first!.each.printed;
  await handheld.scan(code);
  const counted = page.getByTestId('counted');
  await expect(counted).toContainText(`${first!.product.name}1`);
  const empty = page.getByRole('button', { name: 'Bin is empty' });
  await empty.focus();

  // The scanner pauses 80 ms before its last two characters, then sends them and Enter.
  const flashes = await handheld.countFlashes();
  await keys.play(brokenBurst([...code, 'Enter'], 3, 80));
  await expect(handheld.alert).toHaveText(brokenWords(code));
  await expect.poll(flashes).toEqual({ error: 1, deviation: 0 });
  // The button was not pressed: the running count is as it was, nothing was saved.
  await expect(empty).toBeFocused();
  await expect(prompt).toHaveText(`Count bin ${countTask.binCode}: scan each item`);
  await expect(counted).toContainText(`${first!.product.name}1`);
  await page.waitForTimeout(500);
  await expect(counted).toContainText(`${first!.product.name}1`);
  expect(await handheld.outbox()).toEqual([]);

  // The same scanner's whole burst is a scan: +1.
  await keys.keys([...code, 'Enter'], 4);
  await expect(counted).toContainText(`${first!.product.name}2`);
  expect(await handheld.outbox()).toEqual([]);

  // On Find, with the Code field focused: nothing lands in the field, the error says what arrived.
  await page.goto(`${server.url}/find`);
  const field = page.getByLabel('Code', { exact: true });
  await expect(field).toBeFocused();
  const ean = demo.ean13.code.printed;
  await keys.play(brokenBurst([...ean, 'Enter'], 8, 80));
  await expect(handheld.alert).toHaveText(brokenWords(ean));
  await expect(page.getByTestId('scanned')).toHaveText(`Scanned ${ean} (scanner)`);
  await expect(field).toHaveValue('');
  await expect(handheld.productResult).toHaveCount(0);
  // A burst that breaks off and never ends is answered too, once its window has passed; Tab ends one as Enter does.
  await keys.play(brokenBurst([...ean.slice(0, 11)], 2, 80));
  await expect(handheld.alert).toHaveText(brokenWords(ean.slice(0, 11)));
  await keys.play(brokenBurst([...ean.slice(0, 10), 'Tab'], 1, 80));
  await expect(handheld.alert).toHaveText(brokenWords(ean.slice(0, 10)));
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');
  // And a whole burst still finds the product.
  await keys.keys([...ean, 'Enter'], 4);
  await expect(handheld.productResult).toContainText(demo.ean13.product.name);
  await expect(field).toHaveValue('');
  expect(handheld.problems).toEqual([]);
});

test('the sign-in fields take fast typing and autofill exactly, and Enter right after the last key signs in', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.open('/');
  const user = page.getByLabel('User');
  const pin = page.getByLabel('PIN');

  // A password manager fills the fields with input events and no keys.
  await user.fill('picker1');
  await pin.fill('1111');
  await expect(user).toHaveValue('picker1');
  await expect(pin).toHaveValue('1111');
  await user.fill('');
  await pin.fill('');

  // A fast typist through Playwright's keyboard: 30 ms between keys, then Tab at once to the PIN.
  await user.focus();
  await page.keyboard.type('picker1', { delay: 30 });
  await page.keyboard.press('Tab');
  await expect(pin).toBeFocused();
  await expect(user).toHaveValue('picker1');

  // Real key events exactly 30 ms apart (faster than most people, slower than a scanner), Tab 30 ms after.
  const keys = await WedgeKeys.of(page);
  await user.fill('');
  await user.focus();
  await keys.keys([...'picker1', 'Tab'], 30);
  await expect(pin).toBeFocused();
  await expect(user).toHaveValue('picker1');

  // The PIN 40 ms apart.
  await keys.keys([...'1111'], 40);
  await expect(pin).toHaveValue('1111');

  // Typed 30 ms apart while the page was busy: the keys arrive together, stamped when they were pressed.
  await user.fill('');
  await pin.fill('');
  await user.focus();
  await keys.queued([...'picker1', 'Tab', ...'1111'].map((key, i) => ({ key, at: i * 30 })));
  await expect(user).toHaveValue('picker1');
  await expect(pin).toHaveValue('1111');
  await expect(pin).toBeFocused();

  // The PIN again, its double digits rolled 12 ms apart, and Enter 30 ms after the last: signed in.
  await pin.fill('');
  await keys.play([
    { key: '1', at: 0 },
    { key: '1', at: 12 },
    { key: '1', at: 60 },
    { key: '1', at: 72 },
    { key: 'Enter', at: 102 },
  ]);
  await handheld.waitForHome();
  expect(handheld.problems).toEqual([]);
});
