/**
 * One gesture, one step, offline, as a gloved hand works: double taps on Confirm
 * quantity, Set quantity, Submit bin and Finish record one step each (and the second
 * tap of Finish does not press the next screen's button); a scan right after Set
 * quantity is answered; a typed quantity goes to the item last scanned, which the
 * screen names; a raw GS1 string works on Pick as on Find; an unknown bin is "unknown
 * bin"; deviations ask in amber and are recorded as such; ad hoc putaway has Undo.
 */
import { expect, test, type Page } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { pressScannerKeys } from './pages/scannerBurst';
import { countTask, lotPickList, pickList, twoProductBin } from './demoCodes';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

const answer = (page: Page) => page.getByRole('status').and(page.locator('[data-tone]'));

test('a pick list with double taps: one pick per Confirm, one finish, and the second tap stays on the finished list', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.signInAndGoOffline('picker1', '1111');
  await page.getByRole('button', { name: /^Pick/ }).click();
  await page.getByRole('button', { name: new RegExp(pickList.task.reference) }).click();
  const [first] = pickList.lines;
  const expectText = page.getByTestId('expect');

  // An unknown bin is called so, not "wrong bin".
  await handheld.scan('Z-99-99-9');
  await expect(handheld.alert).toHaveText('Unknown bin: there is no bin Z-99-99-9 in this warehouse. Check the label.');
  await handheld.scan(first!.binCode);
  await expect(expectText).toHaveText(`Scan item ${first!.product.name}`);

  // A raw GS1 string, as a wedge sends it without AIM prefix or GS (GTIN, then a serial): the item, as on Find.
  await handheld.scan(`01${first!.each.gtin}21SN0001`);
  await expect(answer(page)).toHaveText(`Saved: +1 ${first!.product.unit}`);

  // The screen names the item the quantity is for; a double tap on Confirm records one pick.
  await expect(page.getByLabel(`Quantity of ${first!.product.name}`)).toBeVisible();
  await page.getByLabel('Quantity').fill('1');
  await page.getByRole('button', { name: 'Confirm quantity' }).dblclick();
  await expect(page.getByTestId('pick-progress')).toContainText('units 2 of');
  await page.waitForTimeout(600); // room for a second pick, were one to be recorded
  let picks = (await handheld.outbox()).filter((op) => op.type === 'pick');
  expect(picks.map((op) => op.payload.qty)).toEqual([1, 1]);

  // Close every line short, then a double tap on Finish: one finish, no error after it, still on this list.
  for (let i = 0; i < pickList.lines.length; i++) {
    if (i > 0) await page.waitForTimeout(500); // a person's next short pick, not the second tap of a double tap
    await page.getByRole('button', { name: 'Short pick' }).click();
    await page.getByRole('button', { name: 'Damaged' }).click();
    await expect(page.getByTestId('pick-progress')).toContainText(`Lines ${i + 1} of`);
  }
  await page.getByRole('button', { name: 'Finish list' }).dblclick();
  await expect(expectText).toHaveText('List picked');
  await page.waitForTimeout(600);
  await expect(expectText).toHaveText('List picked'); // the second tap did not press "Back to pick lists"
  await expect(handheld.alert).toHaveCount(0);
  const ops = await handheld.outbox();
  expect(ops.filter((op) => op.type === 'task-finished')).toHaveLength(1);
  expect(ops.filter((op) => op.type === 'pick-short')).toHaveLength(pickList.lines.length);
  picks = ops.filter((op) => op.type === 'pick');
  expect(picks).toHaveLength(2);
  expect(handheld.problems).toEqual([]);
});

test('a label whose lot is not in the bin asks first, in amber, and is recorded as a deviation', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.signInAndGoOffline('picker1', '1111');
  await page.getByRole('button', { name: /^Pick/ }).click();
  await page.getByRole('button', { name: new RegExp(lotPickList.task.reference) }).click();
  for (let i = 0; i < lotPickList.before; i++) {
    if (i > 0) await page.waitForTimeout(500); // a person's next short pick, not the second tap of a double tap
    await page.getByRole('button', { name: 'Short pick' }).click();
    await page.getByRole('button', { name: 'Not found' }).click();
    await expect(page.getByTestId('pick-progress')).toContainText(`Lines ${i + 1} of`);
  }
  await handheld.scan(lotPickList.line.binCode!);
  await handheld.scan(`(01)${lotPickList.each.gtin}(10)NOT-HERE`);
  await expect(answer(page)).toHaveAttribute('data-tone', 'deviation');
  await expect(page.getByTestId('deviation-question')).toContainText(`Lot NOT-HERE is not in bin ${lotPickList.line.binCode}`);
  // While the question is open a scan is answered, not taken.
  await handheld.scan(`(01)${lotPickList.each.gtin}(10)NOT-HERE`);
  await expect(handheld.alert).toHaveText('Answer the question on the screen first: save it, or cancel.');
  expect((await handheld.outbox()).filter((op) => op.type === 'pick')).toHaveLength(0);
  await page.getByRole('button', { name: 'Yes, save it' }).dblclick();
  await expect(answer(page)).toContainText('Saved: +1');
  await expect(answer(page)).toHaveAttribute('data-tone', 'deviation');
  const picks = (await handheld.outbox()).filter((op) => op.type === 'pick');
  expect(picks.map((op) => [op.payload.lot, op.payload.deviations])).toEqual([['NOT-HERE', expect.arrayContaining(['lot-not-in-bin'])]]);
  expect(handheld.problems).toEqual([]);
});

test('a spot count of A, B, A then a typed 5 sets A; a scan right after Set quantity counts; Submit tapped twice records one count', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.signInAndGoOffline('counter1', '2222');
  const { a, b, binCode } = twoProductBin;
  await page.goto(`${server.url}/count?spot=1`);
  await expect(page.getByTestId('expect')).toHaveText('Scan the bin to count');
  await handheld.scan(binCode);
  await expect(page.getByTestId('expect')).toHaveText(`Count bin ${binCode}: scan each item`);
  for (const item of [a, b, a]) {
    await handheld.scan(item.each.printed);
    await expect(answer(page)).toHaveText(`+1 ${item.product.name}`);
  }
  const aLine = (item: typeof a) => `${item.product.name}${item.lot ? ` · lot ${item.lot}` : ''}`;
  await expect(page.getByLabel(`Quantity of ${aLine(a)}`)).toBeVisible();
  await page.getByLabel(/^Quantity/).fill(String(a.qty));
  await page.getByRole('button', { name: 'Set quantity' }).dblclick();
  await handheld.scan(b.each.printed); // at once, while the quantity is being saved
  await expect(answer(page)).toHaveText(`+1 ${b.product.name}`);
  const counted = page.getByTestId('counted');
  await expect(counted).toContainText(`${aLine(a)}${a.qty}`);
  await expect(counted).toContainText(`${aLine(b)}2`);
  await expect(page.getByLabel(`Quantity of ${aLine(b)}`)).toBeVisible();
  await page.getByLabel(/^Quantity/).fill(String(b.qty));
  await page.getByRole('button', { name: 'Set quantity' }).click();
  await expect(counted).toContainText(`${aLine(b)}${b.qty}`);
  await page.getByRole('button', { name: 'Submit bin' }).dblclick();
  await expect(answer(page)).toHaveText(`Saved: bin ${binCode} counted`);
  await page.waitForTimeout(600);
  const counts = (await handheld.outbox()).filter((op) => op.type === 'count');
  expect(counts).toHaveLength(1);
  const lines = (counts[0]!.payload as { lines: { productId: string; counted: number }[] }).lines;
  expect(Object.fromEntries(lines.map((l) => [l.productId, l.counted]))).toEqual({ [a.productId]: a.qty, [b.productId]: b.qty });
  expect(handheld.problems).toEqual([]);
});

test('an ad hoc putaway of 99,999 asks first and is a deviation; it can be undone', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.signInAndGoOffline('picker1', '1111');
  const { a } = twoProductBin;
  await page.goto(`${server.url}/putaway?adhoc=1`);
  await expect(page.getByTestId('expect')).toHaveText('Scan the item to put away');
  await handheld.scan(a.each.printed);
  if (a.product.lotTracked || a.product.expiryTracked) {
    // Its label has no GS1 code: the lot and expiry are typed.
    if (a.product.lotTracked) await page.getByLabel('Lot', { exact: true }).fill('ADHOC-1');
    if (a.product.expiryTracked) await handheld.typeExpiry('2030-01-31');
    await page.getByRole('button', { name: 'Confirm lot' }).click();
  }
  await page.getByLabel(/^Quantity to put away/).fill('99999');
  await handheld.scan(twoProductBin.binCode);
  await expect(page.getByTestId('deviation-question')).toContainText("99999 units in one step is more than this warehouse's limit of 1000.");
  await page.getByRole('button', { name: 'Yes, save it' }).click();
  await expect(answer(page)).toContainText(`Saved: 99999 ${a.product.unit} in ${twoProductBin.binCode}`);
  await page.getByRole('button', { name: 'Undo last' }).click();
  await expect(answer(page)).toHaveText('Saved: last step undone');
  const ops = await handheld.outbox();
  expect(ops.map((op) => op.type)).toEqual(['putaway', 'undo']);
  expect(ops[0]!.payload.deviations).toEqual(['over-step-limit']);
  await expect(page.getByRole('button', { name: 'Undo last' })).toBeDisabled();
  expect(handheld.problems).toEqual([]);
});

test('a scan the moment a task taken over shows its screen goes to that screen, not to the take-over question', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.open('/');
  await handheld.signIn('super1', '9999');
  await page.getByRole('button', { name: 'Main distribution centre (MAIN)' }).click();
  await handheld.waitForHome();
  await handheld.waitForOfflineReady();
  await page.context().setOffline(true);
  await page.goto(`${server.url}/count?task=${countTask.task.id}`);
  await page.getByRole('button', { name: 'Take over' }).click();
  // The bin's scan arrives in the very commit that takes the question away (a mutation
  // observer runs before React's effects): the scanner's trigger pulled as the screen changed.
  await page.evaluate(pressScannerKeys, { keys: [...countTask.binCode, 'Enter'], whenHeading: 'Count' });
  await page.getByRole('button', { name: 'Yes, take it over' }).click();
  await expect(page.getByTestId('expect')).toContainText('scan each item');
  await expect(page.getByText('This task is open: take it to start')).toHaveCount(0);
  expect(handheld.problems).toEqual([]);
});
