/**
 * Counting offline: a blind count of a task's bin that is far off asks for a recount
 * and keeps both counts; a reload in the middle resumes the running count; a spot
 * count records "bin is empty"; the outbox holds exactly those counts.
 */
import { expect, test } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { countTask, demo } from './demoCodes';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('a blind count far off asks for a recount, keeps both counts, and survives a reload; a spot count records an empty bin', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.signInAndGoOffline('counter1', '2222');

  await page.getByRole('button', { name: /^Count/ }).click();
  await page.getByRole('button').filter({ has: page.getByText(countTask.task.reference, { exact: true }) }).click();
  const prompt = page.getByTestId('expect');
  await expect(prompt).toHaveText(`Scan bin ${countTask.binCode}`);
  await handheld.scan(demo.bin.code === countTask.binCode ? 'Z-99-99-9' : demo.bin.code);
  await expect(handheld.alert).toContainText('Count bin');
  await handheld.scan(countTask.binCode);
  await expect(prompt).toHaveText(`Count bin ${countTask.binCode}: scan each item`);

  // Blind: nothing on the screen says how many are expected.
  const [first] = countTask.stock;
  await expect(page.getByText(String(first!.qty), { exact: true })).toHaveCount(0);
  await handheld.scan(first!.each.printed);
  const counted = page.getByTestId('counted');
  await expect(counted).toContainText(`${first!.product.name}1`);

  // A reload in the middle: the running count is still there.
  await page.reload();
  await expect(prompt).toHaveText(`Count bin ${countTask.binCode}: scan each item`);
  await expect(page.getByTestId('counted')).toContainText(`${first!.product.name}1`);

  // One unit of a bin that holds more is far off: the device asks for a recount.
  // Not a refusal: a deviation, in amber.
  await page.getByRole('button', { name: 'Submit bin' }).click();
  await expect(page.getByRole('status').filter({ hasText: /count (it|them) again/ })).toHaveAttribute('data-tone', 'deviation');
  await expect(prompt).toHaveText(`Recount bin ${countTask.binCode}: marked items`);

  // The recount finds what the book says: scan each item once, then type its count.
  for (const line of countTask.stock) {
    await handheld.scan(line.each.printed);
    await expect(page.getByTestId('counted')).toContainText(line.product.name);
    await page.getByLabel(/^Quantity/).fill(String(line.qty));
    await page.getByRole('button', { name: 'Set quantity' }).click();
    await expect(page.getByTestId('counted')).toContainText(`${line.product.name}${line.lot ? ` · lot ${line.lot}` : ''}${line.qty}`);
  }
  await page.getByRole('button', { name: 'Submit bin' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved: bin ${countTask.binCode} counted` })).toBeVisible();
  await expect(page.getByTestId('count-progress')).toHaveText(`Bins 1 of ${countTask.task.lines.length}`);

  // A spot count of another bin: it is empty.
  await page.goto(`${server.url}/count?spot=1`);
  await expect(prompt).toHaveText('Scan the bin to count');
  await handheld.scan(demo.bin.code);
  // The device believes the bin holds stock: "empty" is asked again, and saved as a deviation.
  await page.getByRole('button', { name: 'Bin is empty' }).click();
  await expect(page.getByTestId('deviation-question')).toContainText(`Bin ${demo.bin.code} should hold`);
  await page.getByRole('button', { name: 'Yes, save it' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved: bin ${demo.bin.code} is empty` })).toBeVisible();

  const ops = await handheld.outbox();
  expect(ops.map((op) => [op.deviceSeq, op.type, op.payload.binCode])).toEqual([
    [1, 'count', countTask.binCode],
    [2, 'count', demo.bin.code],
  ]);
  const taskCount = ops[0]!.payload as { lines: { productId: string; counted: number; firstCount: number | null }[]; bookAtStart: unknown[]; taskId: string };
  expect(taskCount.taskId).toBe(countTask.task.id);
  expect(taskCount.bookAtStart).toHaveLength(countTask.stock.length);
  expect(taskCount.lines.find((l) => l.productId === first!.productId)).toMatchObject({ counted: first!.qty, firstCount: 1 });
  expect((ops[1]!.payload as { lines: unknown[] }).lines).toEqual([]);
  expect((ops[1]!.payload as { deviations: unknown[] }).deviations).toEqual(['empty-bin-held-stock']);
  expect(handheld.problems).toEqual([]);
});
