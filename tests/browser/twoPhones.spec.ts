/**
 * The second device, in Chromium with two browser contexts: picker1 picks the same
 * line of the same list on two phones, both offline; after both sync the server has
 * both picks (the goods did leave the bin), flags the excess naming both devices, and
 * each phone shows the line's real progress and the over-pick. And a pick done before
 * a count but synced after it: the waiting count review is recomputed and settles.
 */
import { expect, test, type Browser } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { countWhilePicking, lotPickList, pickBeforeCount } from './demoCodes';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

async function phone(browser: Browser, user: string, pin: string): Promise<Handheld> {
  const page = await (await browser.newContext()).newPage();
  const handheld = new Handheld(page, server.url);
  await handheld.signInAndGoOffline(user, pin);
  return handheld;
}

/** Back online; waits until the steps are sent, then syncs once more to hear what others sent. */
async function online(handheld: Handheld) {
  await handheld.page.context().setOffline(false);
  await expect(handheld.status.waiting).toHaveText('0 waiting', { timeout: 30_000 });
}

async function syncNow(handheld: Handheld) {
  await handheld.page.goto(`${server.url}/sync`);
  const asked = new Date().toISOString();
  await handheld.page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(async () => ((await handheld.lastSyncAt()) ?? '') > asked, { timeout: 30_000 }).toBe(true);
}

test('one line picked on two phones offline: both picks are kept, the excess is flagged with both devices, both phones show the real progress', async ({ browser }) => {
  const scenario = countWhilePicking[0]!;
  const picked = scenario.pickLines.find((l) => l.product.id === scenario.pickedProductId)!;
  const line = scenario.task.lines.find((l) => l.binCode === scenario.pickBin)!;
  const phones = [await phone(browser, 'picker1', '1111'), await phone(browser, 'picker1', '1111')];
  for (const handheld of phones) {
    const page = handheld.page;
    await page.getByRole('button', { name: /^Pick/ }).click();
    await page.getByRole('button', { name: new RegExp(scenario.task.reference) }).click();
    await handheld.scan(scenario.pickBin);
    await page.getByLabel(`Quantity of ${picked.product.name}`).fill(String(line.qty));
    await page.getByRole('button', { name: 'Confirm quantity' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Saved: +${line.qty}` })).toBeVisible();
  }
  await online(phones[0]!);
  await online(phones[1]!);
  await syncNow(phones[0]!);
  for (const handheld of phones) {
    const page = handheld.page;
    await page.goto(`${server.url}/pick`);
    const listButton = page.getByRole('listitem').filter({ hasText: scenario.task.reference });
    // The over-pick, naming both phones (each by its short id), not a silent 2 of 1.
    await expect(listButton.getByTestId('task-conflicts')).toContainText(`${line.qty} picked too many`);
    await expect(listButton.getByTestId('task-conflicts')).toContainText(' + ');
  }
  // What left the bin is what both phones took: the server's stock shows both picks.
  await phones[1]!.page.goto(`${server.url}/find?code=${picked.each.printed}`);
  const row = phones[1]!.page.getByTestId('product-result').locator('tr', { has: phones[1]!.page.getByRole('cell', { name: scenario.pickBin, exact: true }) });
  await expect(row.locator('td').nth(1)).toHaveText(String(picked.book - 2 * line.qty!));
  expect(phones.flatMap((p) => p.problems)).toEqual([]);
});

test('a pick made before a count but synced after it: the waiting review is recomputed and settles by itself', async ({ browser }) => {
  const scenario = pickBeforeCount;
  const picked = scenario.lines.find((l) => l.product.id === scenario.productId)!;
  const picker = await phone(browser, 'picker1', '1111');
  const counter = await phone(browser, 'counter1', '2222');
  // The picker takes 3 offline.
  await picker.page.getByRole('button', { name: /^Pick/ }).click();
  await picker.page.getByRole('button', { name: new RegExp(scenario.task.reference) }).click();
  await picker.scan(scenario.bin);
  await picker.page.getByLabel(`Quantity of ${picked.product.name}`).fill('3');
  await picker.page.getByRole('button', { name: 'Confirm quantity' }).click();
  await expect(picker.page.getByRole('status').filter({ hasText: 'Saved: +3' })).toBeVisible();
  // Later the counter counts the true stock (its book less the 3), offline: far off what its device knows, so counted twice.
  await counter.page.goto(`${server.url}/count?spot=1`);
  await expect(counter.page.getByTestId('expect')).toHaveText('Scan the bin to count');
  await counter.scan(scenario.bin);
  for (let attempt = 0; attempt < 2; attempt++) {
    for (const l of scenario.lines) {
      const truth = l.product.id === picked.product.id ? l.book - 3 : l.book;
      await counter.scan(l.each.printed);
      await expect(counter.page.getByTestId('counted')).toContainText(l.product.name);
      await counter.page.getByLabel(/^Quantity/).fill(String(truth));
      await counter.page.getByRole('button', { name: 'Set quantity' }).click();
      await expect(counter.page.getByTestId('counted').locator('li', { hasText: l.product.name })).toContainText(String(truth));
    }
    await counter.page.getByRole('button', { name: 'Submit bin' }).click();
    if (attempt === 0) await expect(counter.page.getByRole('status').filter({ hasText: /count (it|them) again/ })).toBeVisible();
  }
  await expect(counter.page.getByRole('status').filter({ hasText: `Saved: bin ${scenario.bin} counted` })).toBeVisible();
  // The counter syncs first: the server's book at the count's moment lacks the pick, so the count waits for review…
  await online(counter);
  await expect.poll(async () => (await counter.outbox()).find((op) => op.type === 'count')?.status, { timeout: 30_000 }).toBe('review');
  // …then the earlier pick arrives: the book at the count's moment now includes it, and the review settles by itself.
  await online(picker);
  await syncNow(counter);
  await expect.poll(async () => (await counter.outbox()).find((op) => op.type === 'count')?.status, { timeout: 30_000 }).toBe('applied');
  expect([...picker.problems, ...counter.problems]).toEqual([]);
});

test('a supervisor puts a list back to open while its picker works it offline: the late steps are kept, the list stays open, both see the conflict', async ({ browser }) => {
  const { task } = lotPickList;
  const picker = await phone(browser, 'picker1', '1111');
  await picker.page.getByRole('button', { name: /^Pick/ }).click();
  await picker.page.getByRole('button', { name: new RegExp(task.reference) }).click();
  await picker.page.getByRole('button', { name: 'Short pick' }).click();
  await picker.page.getByRole('button', { name: 'Not found' }).click();
  await expect(picker.page.getByRole('status').filter({ hasText: 'Saved: line closed' })).toBeVisible();

  // Meanwhile, on the console, the supervisor gives the list back to anyone.
  const consolePage = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const supervisor = new Handheld(consolePage, server.url);
  await supervisor.open('/');
  await supervisor.signIn('super1', '9999');
  await consolePage.getByRole('button', { name: 'Main distribution centre (MAIN)' }).click();
  await supervisor.waitForHome();
  await consolePage.getByRole('button', { name: /^Supervisor console/ }).click();
  await consolePage.getByRole('button', { name: 'Tasks', exact: true }).click();
  await consolePage.getByLabel(`Assign ${task.reference}`).selectOption('');
  await expect(consolePage.getByLabel(`Assign ${task.reference}`)).toHaveValue('');

  // The picker comes back online: the step is kept, the list stays open, and the picker is told.
  await online(picker);
  await syncNow(picker);
  await picker.page.goto(`${server.url}/pick`);
  const item = picker.page.getByRole('listitem').filter({ hasText: task.reference });
  await expect(item.getByTestId('task-conflicts')).toContainText('after a supervisor put it back to open');
  await expect(item).toContainText('open');
  // The supervisor sees it among the exceptions.
  await consolePage.getByRole('button', { name: 'Short picks & flags' }).click();
  await expect(consolePage.getByTestId('task-conflicts')).toContainText(task.reference);
  expect([...picker.problems, ...supervisor.problems]).toEqual([]);
});
