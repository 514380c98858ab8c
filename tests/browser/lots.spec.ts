/**
 * Lots typed by hand, offline: a lot- and expiry-tracked item whose label has no GS1
 * code is put away without a task (its lot and expiry typed, a bin suggested for the
 * new lot) and counted in a spot count (its lot typed); the operations carry what was
 * typed.
 */
import { expect, test } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { lotProduct } from './demoCodes';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

const nextYear = new Date().getUTCFullYear() + 1;

test('an ad hoc putaway and a spot count of a lot-tracked item without a GS1 label ask for its lot and expiry', async ({ page, browser }) => {
  const { product, each, suggestion, emptyBin } = lotProduct;
  const handheld = new Handheld(page, server.url);
  await handheld.signInAndGoOffline('picker1', '1111');

  await page.getByRole('button', { name: /^Putaway/ }).click();
  await page.getByRole('button', { name: 'Put away without a task' }).click();
  const prompt = page.getByTestId('expect');
  await expect(prompt).toHaveText('Scan the item to put away');
  await handheld.scan(each.printed);
  await expect(prompt).toHaveText(`Lot of ${product.name}?`);
  // A bin is refused until the lot is known.
  await handheld.scan(suggestion.binCode);
  await expect(handheld.alert).toHaveText(`Lot of ${product.name}?`);
  await page.getByLabel('Lot', { exact: true }).fill('typed 1');
  await page.getByRole('button', { name: 'Confirm lot' }).click();
  await expect(handheld.alert).toContainText('holds a character a lot cannot have');
  await page.getByLabel('Lot', { exact: true }).fill('typed-1');
  await handheld.typeExpiry(`${nextYear}-06-30`);
  await page.getByRole('button', { name: 'Confirm lot' }).click();
  await expect(prompt).toHaveText(`Scan bin ${suggestion.binCode}`);
  await expect(page.getByTestId('current-line')).toContainText('lot TYPED-1');
  await page.getByLabel('Quantity to put away').fill('5');
  await prompt.click();
  await handheld.scan(suggestion.binCode);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(`Saved: 5 ${product.unit} in ${suggestion.binCode}`);
  await expect(prompt).toHaveText('Scan the item to put away');

  const [putaway] = await handheld.outbox();
  expect(putaway).toMatchObject({ type: 'putaway', payload: { taskId: null, lineNo: null, productId: product.id, lot: 'TYPED-1', expiry: `${nextYear}-06-30`, qty: 5, binCode: suggestion.binCode, suggestedBinCode: suggestion.binCode } });
  expect(handheld.problems).toEqual([]);

  // A counter on another device counts an empty bin and finds one of the item there.
  const counterPage = await (await browser.newContext()).newPage();
  const counter = new Handheld(counterPage, server.url);
  await counter.signInAndGoOffline('counter1', '2222');
  await counterPage.getByRole('button', { name: /^Count/ }).click();
  await counterPage.getByRole('button', { name: 'Spot count a bin' }).click();
  await counter.scan(emptyBin);
  await counter.scan(each.printed);
  await expect(counterPage.getByTestId('expect')).toHaveText(`Lot of ${product.name}?`);
  await counterPage.getByLabel('Lot', { exact: true }).fill('L-77');
  await counter.typeExpiry(`${nextYear}-01-31`);
  await counterPage.getByRole('button', { name: 'Confirm lot' }).click();
  await expect(counterPage.getByTestId('counted')).toContainText(`${product.name} · lot L-77 · not expected here1`);
  // Submit bin takes the place of Confirm lot: a person's next tap, not the second tap of a double tap (which it ignores).
  await counterPage.waitForTimeout(450);
  await counterPage.getByRole('button', { name: 'Submit bin' }).click();
  await expect(counterPage.getByRole('status').filter({ hasText: `Saved: bin ${emptyBin} counted` })).toBeVisible();
  const [count] = await counter.outbox();
  expect(count!.payload).toMatchObject({ binCode: emptyBin, lines: [{ productId: product.id, lot: 'L-77', expiry: `${nextYear}-01-31`, counted: 1, unexpected: true }] });
  expect(counter.problems).toEqual([]);
});
