/**
 * A putaway offline: a wrong item is refused, the suggested bin is shown, part of the
 * quantity goes into another bin (an override, recorded as such), a reload resumes
 * with the rest on the line, the rest goes to the suggested bin, and the outbox holds
 * exactly those steps.
 */
import { expect, test } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { pickList, putawayTask } from './demoCodes';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('a putaway offline: the suggested bin, an override for part, a reload, the rest, finished', async ({ page }) => {
  const { task, line, product, each, lotLabel, suggestion, otherBin } = putawayTask;
  const qty = line.qty!;
  const handheld = new Handheld(page, server.url);
  await handheld.signInAndGoOffline('picker1', '1111');

  await page.getByRole('button', { name: /^Putaway/ }).click();
  await page.getByRole('button').filter({ has: page.getByText(task.reference, { exact: true }) }).click();
  const prompt = page.getByTestId('expect');
  const progress = page.getByTestId('putaway-progress');
  await expect(prompt).toHaveText(`Scan item ${product.name}`);
  await handheld.scan(pickList.wrongItem.printed === each.printed ? pickList.lines[0]!.each.printed : pickList.wrongItem.printed);
  await expect(handheld.alert).toContainText('Wrong item');
  await handheld.scan(lotLabel ?? each.printed);
  await expect(prompt).toHaveText(`Scan bin ${suggestion.binCode}`);
  await expect(page.getByLabel('Quantity to put away')).toHaveValue(String(qty));

  // Part of it goes into another bin than the suggested one.
  await page.getByLabel('Quantity to put away').fill(String(qty - 1));
  await page.getByTestId('expect').click(); // the field lets go of the focus, as a worker's thumb would
  await handheld.scan(otherBin);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(`Saved: ${qty - 1} ${product.unit} in ${otherBin} (instead of ${suggestion.binCode})`);
  await expect(progress).toHaveText(`Lines 0 of 1 · units ${qty - 1} of ${qty}`);

  // Undo takes that step back (an operation of its own); then it is done again.
  await page.getByRole('button', { name: 'Undo last' }).click();
  await expect(progress).toHaveText(`Lines 0 of 1 · units 0 of ${qty}`);
  await handheld.scan(lotLabel ?? each.printed);
  await page.getByLabel('Quantity to put away').fill(String(qty - 1));
  await page.getByTestId('expect').click();
  await handheld.scan(otherBin);
  await expect(progress).toHaveText(`Lines 0 of 1 · units ${qty - 1} of ${qty}`);

  // A reload: the rest is still on the line.
  await page.reload();
  await expect(progress).toHaveText(`Lines 0 of 1 · units ${qty - 1} of ${qty}`);
  await expect(prompt).toHaveText(`Scan item ${product.name}`);
  await handheld.scan(lotLabel ?? each.printed);
  await expect(page.getByLabel('Quantity to put away')).toHaveValue('1');
  const secondBin = (await prompt.textContent())!.replace('Scan bin ', '');
  await handheld.scan(secondBin);
  await expect(progress).toHaveText(`Lines 1 of 1 · units ${qty} of ${qty}`);
  await page.getByRole('button', { name: 'Finish task' }).click();
  await expect(prompt).toHaveText('Task put away');

  const ops = await handheld.outbox();
  expect(ops.map((op) => [op.deviceSeq, op.type, op.payload.binCode, op.payload.suggestedBinCode, op.payload.qty])).toEqual([
    [1, 'putaway', otherBin, suggestion.binCode, qty - 1],
    [2, 'undo', undefined, undefined, undefined],
    [3, 'putaway', otherBin, suggestion.binCode, qty - 1],
    [4, 'putaway', secondBin, secondBin, 1],
    [5, 'task-finished', undefined, undefined, undefined],
  ]);
  expect(handheld.problems).toEqual([]);
});
