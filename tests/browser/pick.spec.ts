/**
 * A whole pick list, offline from start to end: a wrong bin and a wrong item are
 * refused, a case code counts its pack, a reload in the middle resumes, a line is
 * closed short, the list is finished, and the outbox holds exactly those steps.
 */
import { expect, test } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { openPickList, pickList, pickerListsByDue } from './demoCodes';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('a picker picks a whole list offline: wrong bin, wrong item, a case, a reload, a short line', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.signInAndGoOffline('picker1', '1111');

  await page.getByRole('button', { name: /^Pick/ }).click();
  // Each list says when it is due on the warehouse's clocks, the picker's own earliest due first.
  const references = page.locator('.task-open .task-title strong');
  await expect(references.first()).toBeVisible();
  expect((await references.allTextContents()).slice(0, pickerListsByDue.length)).toEqual(pickerListsByDue);
  await expect(page.getByRole('button', { name: new RegExp(pickList.task.reference) }).getByTestId('task-facts')).toContainText(/^due\u00a0.*\d\d:\d\d · /);
  await page.getByRole('button', { name: new RegExp(pickList.task.reference) }).click();
  const expectText = page.getByTestId('expect');
  const progress = page.getByTestId('pick-progress');
  const [first, second, third] = pickList.lines as [(typeof pickList.lines)[number], (typeof pickList.lines)[number], (typeof pickList.lines)[number]];
  const units = pickList.lines.reduce((sum, line) => sum + line.qty, 0);
  await expect(progress).toHaveText(`Lines 0 of 3 · units 0 of ${units}`);

  // Line 1: a wrong bin, the right bin, a wrong item, then the items.
  await expect(expectText).toHaveText(`Scan bin ${first.binCode}`);
  await handheld.scan(pickList.wrongBin);
  await expect(handheld.alert).toHaveText(`Wrong bin: this is ${pickList.wrongBin}. Go to bin ${first.binCode}.`);
  await handheld.scan(first.binCode);
  await expect(expectText).toHaveText(`Scan item ${first.product.name}`);
  await handheld.scan(pickList.wrongItem.printed);
  await expect(handheld.alert).toContainText('Wrong item');
  await handheld.scan(first.each.printed);
  await expect(page.getByRole('status').filter({ hasText: 'Saved: +1' })).toBeVisible();
  let casesScanned = 0;
  let firstRest = first.qty - 1;
  if (first.case && first.case.packQty <= firstRest) {
    await handheld.scan(first.case.printed);
    await expect(page.getByRole('status').filter({ hasText: `Saved: +${first.case.packQty}` })).toBeVisible();
    casesScanned += 1;
    firstRest -= first.case.packQty;
  }
  if (firstRest > 0) {
    await page.getByLabel('Quantity').fill(String(firstRest));
    await page.getByRole('button', { name: 'Confirm quantity' }).click();
  }
  await expect(progress).toHaveText(`Lines 1 of 3 · units ${first.qty} of ${units}`);

  // Line 2, then the page reloads in the middle; it resumes where it was, bin confirmed.
  await expect(expectText).toHaveText(`Scan bin ${second.binCode}`);
  await handheld.scan(second.binCode);
  await handheld.scan(second.each.printed);
  await expect(progress).toHaveText(`Lines ${second.qty === 1 ? 2 : 1} of 3 · units ${first.qty + 1} of ${units}`);
  await page.reload();
  await expect(progress).toHaveText(`Lines ${second.qty === 1 ? 2 : 1} of 3 · units ${first.qty + 1} of ${units}`);
  if (second.qty > 1) {
    // The reload resumed mid-step: the bin is still confirmed, the item is next.
    await expect(expectText).toHaveText(`Scan item ${second.product.name}`);
    const left = second.qty - 1;
    if (second.case && second.case.packQty <= left) {
      await handheld.scan(second.case.printed);
      await expect(page.getByRole('status').filter({ hasText: `Saved: +${second.case.packQty}` })).toBeVisible();
      casesScanned += 1;
    }
    const rest = second.qty - 1 - (second.case && second.case.packQty <= left ? second.case.packQty : 0);
    if (rest > 0) {
      await page.getByLabel('Quantity').fill(String(rest + 1));
      await page.getByRole('button', { name: 'Confirm quantity' }).click();
      await expect(handheld.alert).toHaveText(`${rest + 1} is more than needed: at most ${rest} here.`);
      await page.getByLabel('Quantity').fill(String(rest));
      await page.getByRole('button', { name: 'Confirm quantity' }).click();
    }
  }
  await expect(progress).toHaveText(`Lines 2 of 3 · units ${first.qty + second.qty} of ${units}`);

  // Line 3: a case code where one fits, then the line is closed short.
  await expect(expectText).toHaveText(`Scan bin ${third.binCode}`);
  await handheld.scan(third.binCode);
  const caseHere = third.case;
  if (caseHere) {
    await handheld.scan(caseHere.printed);
    await expect(page.getByRole('status').filter({ hasText: `Saved: +${caseHere.packQty}` })).toBeVisible();
    casesScanned += 1;
  }
  const picked = caseHere?.packQty ?? 0;
  await page.getByRole('button', { name: 'Short pick' }).click();
  await page.getByRole('button', { name: 'Not found' }).click();
  await expect(progress).toHaveText(`Lines 3 of 3 · units ${first.qty + second.qty + picked} of ${units}`);
  await expect(expectText).toHaveText('All lines done: finish the list');
  await page.getByRole('button', { name: 'Finish list' }).click();
  await expect(expectText).toHaveText('List picked');

  // The outbox holds exactly the steps, numbered without a gap.
  const ops = await handheld.outbox();
  expect(ops.map((op) => op.deviceSeq)).toEqual(ops.map((_, i) => i + 1));
  const picks = ops.filter((op) => op.type === 'pick');
  expect(picks.reduce((sum, op) => sum + (op.payload.qty as number), 0)).toBe(first.qty + second.qty + picked);
  expect(ops.filter((op) => op.type === 'pick-short').map((op) => [op.payload.lineNo, op.payload.shortQty, op.payload.reason])).toEqual([[third.lineNo, third.qty - picked, 'not-found']]);
  expect(ops.at(-1)?.type).toBe('task-finished');
  expect(casesScanned).toBeGreaterThan(0); // the demo list was chosen so a case code fits a line
  expect(ops.every((op) => op.payload.taskId === pickList.task.id)).toBe(true);
  expect(handheld.problems).toEqual([]);

  // The list shows as done on this device. (A tap on Back within a double tap of Finish would be the same gesture: the picker reads first.)
  await page.waitForTimeout(500);
  await page.getByRole('button', { name: 'Back to pick lists' }).click();
  await expect(page.getByRole('button', { name: new RegExp(pickList.task.reference) })).toContainText('done on this device');
});

test('an open pick list is taken before it is worked; the take is an operation and the list becomes the picker\u2019s', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.signInAndGoOffline('picker1', '1111');
  await page.getByRole('button', { name: /^Pick/ }).click();
  const listButton = page.getByRole('button', { name: new RegExp(openPickList.task.reference) });
  await expect(listButton).toContainText('open');
  await listButton.click();
  await expect(page.getByTestId('expect')).toHaveText('This task is open: take it to start');
  await handheld.scan(openPickList.firstBin);
  await expect(handheld.alert).toHaveText('This task is open: take it to start');
  await page.getByRole('button', { name: 'Take this task' }).click();
  await expect(page.getByTestId('expect')).toHaveText(`Scan bin ${openPickList.firstBin}`);
  await page.reload();
  await expect(page.getByTestId('expect')).toHaveText(`Scan bin ${openPickList.firstBin}`);
  expect((await handheld.outbox()).map((op) => [op.type, op.payload.taskId])).toEqual([['task-taken', openPickList.task.id]]);
  await page.getByRole('button', { name: 'Back to home' }).click();
  await page.getByRole('button', { name: /^Pick/ }).click();
  await expect(page.getByRole('button', { name: new RegExp(openPickList.task.reference) })).toContainText('in progress on this device');
  expect(handheld.problems).toEqual([]);
});
