/**
 * Two handhelds, both offline: one counts a bin while the other picks from it; they
 * come online in either order. The count is a snapshot of its moment, so the pick stays
 * on top of it; a count far off waits for a supervisor; every device ends showing
 * the server's stock. And a step the server rejects is shown with its reason and settled.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { countWhilePicking, openPickList } from './demoCodes';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

type Scenario = (typeof countWhilePicking)[number];

async function device(browser: Browser, user: string, pin: string): Promise<Handheld> {
  const page = await (await browser.newContext()).newPage();
  const handheld = new Handheld(page, server.url);
  await handheld.signInAndGoOffline(user, pin);
  return handheld;
}

/** Counts each line of a bin: scan the item once, type how many there are. */
async function countLines(counter: Handheld, lines: Scenario['pickLines'], qtyOf: (line: Scenario['pickLines'][number]) => number) {
  const page = counter.page;
  for (const line of lines) {
    await counter.scan(line.each.printed);
    await expect(page.getByTestId('counted')).toContainText(line.product.name);
    await page.getByLabel(/^Quantity/).fill(String(qtyOf(line)));
    await page.getByRole('button', { name: 'Set quantity' }).click();
    await expect(page.getByTestId('counted').locator('li', { hasText: line.product.name })).toContainText(String(qtyOf(line)));
  }
}

async function online(handheld: Handheld) {
  await handheld.page.context().setOffline(false);
  await expect(handheld.status.waiting).toHaveText('0 waiting', { timeout: 30_000 });
}

async function stockShown(page: Page, productCode: string, bin: string): Promise<string> {
  await page.goto(`${server.url}/find?code=${productCode}`);
  const row = page.getByTestId('product-result').locator('tr', { has: page.getByRole('cell', { name: bin, exact: true }) });
  return (await row.locator('td').nth(1).textContent()) ?? '';
}

for (const [index, order] of (['counter first', 'picker first'] as const).entries()) {
  test(`a count and a pick of one bin, offline on two devices, online ${order}: the pick stays on top of the count and the far-off count waits for review`, async ({ browser }) => {
    const scenario = countWhilePicking[index]!;
    const picked = scenario.pickLines.find((l) => l.product.id === scenario.pickedProductId)!;
    const counter = await device(browser, 'counter1', '2222');
    const picker = await device(browser, 'picker1', '1111');

    // The counter starts counting the bin: the snapshot is of this moment.
    await counter.page.getByRole('button', { name: /^Count/ }).click();
    await counter.page.getByRole('button', { name: 'Spot count a bin' }).click();
    await counter.scan(scenario.pickBin);
    await expect(counter.page.getByTestId('expect')).toHaveText(`Count bin ${scenario.pickBin}: scan each item`);

    // Meanwhile the picker takes two from that bin.
    await picker.page.getByRole('button', { name: /^Pick/ }).click();
    await picker.page.getByRole('button', { name: new RegExp(scenario.task.reference) }).click();
    await picker.scan(scenario.pickBin);
    await expect(picker.page.getByTestId('expect')).toHaveText(`Scan item ${picked.product.name}`);
    await picker.page.getByLabel(`Quantity of ${picked.product.name}`, { exact: true }).fill('2');
    await picker.page.getByRole('button', { name: 'Confirm quantity' }).click();
    await expect(picker.page.getByRole('status').filter({ hasText: 'Saved: +2' })).toBeVisible();
    await expect(picker.status.waiting).toHaveText('1 waiting');

    // The counter found what was there when counting started.
    await countLines(counter, scenario.pickLines, (line) => line.book);
    await counter.page.getByRole('button', { name: 'Submit bin' }).click();
    await expect(counter.page.getByRole('status').filter({ hasText: `Saved: bin ${scenario.pickBin} counted` })).toBeVisible();
    // And another bin far off what the book says: a recount on the spot, then it goes for review.
    await counter.scan(scenario.farBin);
    await countLines(counter, scenario.farLines, (line) => line.book + 10);
    await counter.page.getByRole('button', { name: 'Submit bin' }).click();
    await expect(counter.page.getByRole('status').filter({ hasText: /count (it|them) again/ })).toHaveAttribute('data-tone', 'deviation');
    await countLines(counter, scenario.farLines, (line) => line.book + 10);
    await counter.page.getByRole('button', { name: 'Submit bin' }).click();
    await expect(counter.page.getByRole('status').filter({ hasText: `Saved: bin ${scenario.farBin} counted` })).toBeVisible();
    await expect(counter.status.waiting).toHaveText('2 waiting');

    if (order === 'counter first') {
      await online(counter);
      await online(picker);
    } else {
      await online(picker);
      await online(counter);
    }

    // The server: the pick is on top of the count; the far-off count waits for a supervisor.
    const supervisorPage = await (await browser.newContext()).newPage();
    const supervisor = new Handheld(supervisorPage, server.url);
    await supervisor.open('/');
    await supervisor.signIn('super1', '9999');
    await supervisorPage.getByRole('button', { name: 'Main distribution centre (MAIN)' }).click();
    await supervisor.waitForHome();
    expect(await stockShown(supervisorPage, picked.each.printed, scenario.pickBin)).toBe(String(picked.book - 2));
    expect(await stockShown(supervisorPage, scenario.farLines[0]!.each.printed, scenario.farBin)).toBe(scenario.farLines[0]!.book.toLocaleString('en-US'));

    await counter.page.goto(`${server.url}/sync`);
    await expect(counter.page.getByTestId('review-steps')).toContainText(`Counted bin ${scenario.farBin}`);

    // Both handhelds end showing the server's stock.
    for (const handheld of [counter, picker]) {
      await handheld.page.goto(`${server.url}/sync`);
      const asked = new Date().toISOString();
      await handheld.page.getByRole('button', { name: 'Sync now' }).click();
      await expect.poll(async () => ((await handheld.lastSyncAt()) ?? '') > asked, { timeout: 30_000 }).toBe(true);
      expect(await stockShown(handheld.page, picked.each.printed, scenario.pickBin)).toBe(String(picked.book - 2));
    }
    if (order === 'counter first') {
      // The same picker on another handheld sees the list is being worked elsewhere.
      const other = await device(browser, 'picker1', '1111');
      await other.page.getByRole('button', { name: /^Pick/ }).click();
      await expect(other.page.getByRole('button', { name: new RegExp(scenario.task.reference) })).toContainText('in progress on another device');
    }
    expect([...counter.problems, ...picker.problems, ...supervisor.problems]).toEqual([]);
  });
}

test('a step the server rejects shows with its reason until the worker settles it', async ({ browser }) => {
  // The picker takes an open list offline; a supervisor takes it online first.
  const picker = await device(browser, 'picker1', '1111');
  await picker.page.getByRole('button', { name: /^Pick/ }).click();
  await picker.page.getByRole('button', { name: new RegExp(openPickList.task.reference) }).click();
  await picker.page.getByRole('button', { name: 'Take this task' }).click();
  await expect(picker.page.getByTestId('expect')).toHaveText(`Scan bin ${openPickList.firstBin}`);

  const supervisorPage = await (await browser.newContext()).newPage();
  const supervisor = new Handheld(supervisorPage, server.url);
  await supervisor.open('/');
  await supervisor.signIn('super1', '9999');
  await supervisorPage.getByRole('button', { name: 'Main distribution centre (MAIN)' }).click();
  await supervisor.waitForHome();
  await supervisorPage.goto(`${server.url}/pick?task=${openPickList.task.id}`);
  await supervisorPage.getByRole('button', { name: 'Take this task' }).click();
  // The supervisor's take has reached the server (not merely: nothing waits yet).
  await expect.poll(async () => (await supervisor.outbox()).map((e) => (e as unknown as { status: string }).status), { timeout: 30_000 }).toEqual(['applied']);

  await picker.page.context().setOffline(false);
  await expect(picker.page.getByTestId('sync-warning')).toHaveText('⚠ 1 rejected', { timeout: 30_000 });
  await picker.page.getByTestId('sync-warning').click();
  const rejected = picker.page.getByTestId('rejected-steps');
  await expect(rejected).toContainText(`Took task ${openPickList.task.id}`);
  await expect(rejected).toContainText('This task was taken by Sam Supervisor. Choose another one.');
  await rejected.getByRole('button', { name: 'Dismiss' }).click();
  await rejected.getByRole('button', { name: 'Done again another way' }).click();
  await expect(picker.page.getByTestId('rejected-steps')).toHaveCount(0);
  await expect(picker.page.getByTestId('sync-warning')).toHaveCount(0);
  await expect(picker.status.waiting).toHaveText('0 waiting', { timeout: 30_000 });
  // The list is the supervisor's now, on the picker's device too.
  await picker.page.goto(`${server.url}/pick`);
  await expect(picker.page.getByRole('button', { name: new RegExp(openPickList.task.reference) })).toHaveCount(0);
  expect([...picker.problems, ...supervisor.problems]).toEqual([]);
});
