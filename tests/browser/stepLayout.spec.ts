/**
 * The step screens as a gloved hand meets them on a phone (393 x 851): the primary
 * action, the - and + and the secondary row keep their place whatever the answer (OK,
 * error, a deviation's question), with the camera on too; - and + set what is saved;
 * a recount asks again only for the line that differs; and a double tap on the primary
 * that changes it (Confirm quantity becoming Finish list) does not press the new one.
 */
import { expect, test, type Page } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { Handheld } from './pages/handheld';
import { lotPickList, pickList, twoProductBin } from './demoCodes';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

// A phone's screen, and Chromium's own fake camera (a test pattern) for the viewfinder.
test.use({
  viewport: { width: 393, height: 851 },
  launchOptions: { executablePath: '/usr/bin/chromium', args: [...chromiumArgs, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] },
});

type Box = { x: number; y: number; width: number; height: number };

/** Where the controls of the dock are: the primary, the secondary row, - , the field and +. */
async function dock(page: Page): Promise<Record<string, Box | null>> {
  return {
    primary: await page.getByTestId('primary').boundingBox(),
    secondary: await page.getByTestId('secondary').boundingBox(),
    minus: await page.getByRole('button', { name: 'One less', exact: true }).boundingBox(),
    field: await page.locator('#qty').boundingBox(),
    plus: await page.getByRole('button', { name: 'One more', exact: true }).boundingBox(),
    feedback: await page.getByTestId('feedback').boundingBox(),
  };
}

const answer = (page: Page) => page.getByTestId('feedback');

/** A person's next tap, not the second tap of a double tap. */
const nextGesture = (page: Page) => page.waitForTimeout(450);

async function closeShort(page: Page, lines: number) {
  for (let i = 0; i < lines; i++) {
    await nextGesture(page);
    const before = await page.getByTestId('pick-progress').textContent();
    await page.getByRole('button', { name: 'Short pick' }).click();
    await page.getByRole('button', { name: 'Not found' }).click();
    await expect(page.getByTestId('pick-progress')).not.toHaveText(before!);
  }
}

test('Pick: nothing moves through OK, error and deviation, nor with the camera on; + and - set what Confirm saves; a double tap across Finish does not finish', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.signInAndGoOffline('picker1', '1111');
  await page.goto(`${server.url}/pick?task=${pickList.task.id}`);
  const [first] = pickList.lines;
  const prompt = page.getByTestId('expect');
  await expect(prompt).toHaveText(`Scan bin ${first!.binCode}`);
  const fresh = await dock(page);
  // In the thumb zone, on the screen, big enough for a glove.
  expect(fresh.primary!.y + fresh.primary!.height).toBeLessThanOrEqual(851);
  expect(fresh.primary!.y).toBeGreaterThan(851 * 0.75);
  expect(fresh.primary!.height).toBeGreaterThanOrEqual(64);
  for (const control of [fresh.minus!, fresh.plus!, fresh.field!]) expect(Math.min(control.width, control.height)).toBeGreaterThanOrEqual(64);

  // An error, then OK: the same places.
  await handheld.scan(pickList.wrongBin);
  await expect(answer(page)).toHaveAttribute('data-tone', 'error');
  expect(await dock(page)).toEqual(fresh);
  await handheld.scan(first!.binCode);
  await expect(answer(page)).toHaveAttribute('data-tone', 'ok');
  expect(await dock(page)).toEqual(fresh);

  // + + + - : 2 to confirm; + stops at what is left; Confirm saves 2.
  const plus = page.getByRole('button', { name: 'One more', exact: true });
  const minus = page.getByRole('button', { name: 'One less', exact: true });
  await plus.click();
  await plus.click();
  await plus.click();
  await minus.click();
  await expect(page.getByLabel(`Quantity of ${first!.product.name}`)).toHaveValue('2');
  await page.getByRole('button', { name: 'Confirm quantity' }).click();
  await expect(answer(page)).toHaveText(`Saved: +2 ${first!.product.unit}`);
  await expect(page.getByTestId('pick-counter')).toContainText(`2 / ${first!.qty}`);
  expect((await handheld.outbox()).filter((op) => op.type === 'pick').map((op) => op.payload.qty)).toEqual([2]);
  expect(await dock(page)).toEqual(fresh);
  // + stops at what is left on the line.
  await page.getByLabel(`Quantity of ${first!.product.name}`).fill(String(first!.qty - 2));
  await expect(plus).toBeDisabled();
  await page.getByLabel(`Quantity of ${first!.product.name}`).fill('');

  // The camera's viewfinder opens in the body: the dock stays where it was, on the screen.
  await page.getByRole('button', { name: 'Camera', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Camera' }).locator('video')).toBeVisible();
  expect(await dock(page)).toEqual(fresh);
  await expect(page.getByTestId('primary')).toBeInViewport({ ratio: 1 });
  await page.getByRole('button', { name: 'Camera', exact: true }).click();
  await expect(page.locator('.viewfinder video')).toHaveCount(0);

  // The last line's quantity confirmed by a double tap: its second tap lands on Finish list and does nothing.
  await closeShort(page, pickList.lines.length - 1);
  const last = pickList.lines.at(-1)!;
  await handheld.scan(last.binCode);
  await expect(prompt).toHaveText(`Scan item ${last.product.name}`);
  await page.getByLabel(`Quantity of ${last.product.name}`).fill(String(last.qty));
  await nextGesture(page);
  const gap = await page.getByTestId('primary').evaluate(
    (button) =>
      new Promise<number>((resolve) => {
        const box = button.getBoundingClientRect();
        const tap = () => button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }));
        const started = performance.now();
        // The second tap as soon as the button says Finish list: a thumb's double tap, as fast as it can be.
        new MutationObserver((_, observer) => {
          if (button.textContent !== 'Finish list') return;
          observer.disconnect();
          tap();
          resolve(performance.now() - started);
        }).observe(button, { childList: true, characterData: true, subtree: true });
        tap();
      }),
  );
  expect(gap).toBeLessThan(400);
  await page.waitForTimeout(600);
  await expect(prompt).toHaveText('All lines done: finish the list');
  expect((await handheld.outbox()).filter((op) => op.type === 'task-finished')).toEqual([]);
  // A tap of its own finishes the list; then Next pick list is in the same place.
  await page.getByRole('button', { name: 'Finish list' }).click();
  await expect(prompt).toHaveText('List picked');
  await expect(page.getByTestId('primary')).toHaveText('Next pick list');
  expect(await page.getByTestId('primary').boundingBox()).toEqual(fresh.primary);

  // Another list, with a deviation's question: Yes and No in the places of the primary and the secondary row.
  await page.goto(`${server.url}/pick?task=${lotPickList.task.id}`);
  await closeShort(page, lotPickList.before);
  await handheld.scan(lotPickList.line.binCode!);
  await handheld.scan(`(01)${lotPickList.each.gtin}(10)NOT-HERE`);
  await expect(page.getByTestId('deviation-question')).toBeVisible();
  await expect(answer(page)).toHaveAttribute('data-tone', 'deviation');
  await expect(page.getByTestId('primary')).toHaveText('Yes, save it');
  expect(await dock(page)).toEqual(fresh);
  await page.getByRole('button', { name: 'No, cancel' }).click();
  await expect(page.getByTestId('deviation-question')).toHaveCount(0);
  expect(await dock(page)).toEqual(fresh);
  expect(handheld.problems).toEqual([]);
});

test('Count: nothing moves through OK, error and deviation; + - and -1 change the count that is saved; the recount asks again only for the line that differs', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.signInAndGoOffline('counter1', '2222');
  const { a, b, binCode } = twoProductBin;
  await page.goto(`${server.url}/count?spot=1`);
  const prompt = page.getByTestId('expect');
  await expect(prompt).toHaveText('Scan the bin to count');
  const fresh = await dock(page);
  expect(fresh.primary!.height).toBeGreaterThanOrEqual(64);

  await handheld.scan(binCode);
  await expect(answer(page)).toHaveAttribute('data-tone', 'ok');
  expect(await dock(page)).toEqual(fresh);
  await handheld.scan('4010000000011'); // a wrong check digit
  await expect(answer(page)).toHaveAttribute('data-tone', 'error');
  expect(await dock(page)).toEqual(fresh);

  // A: scanned once, + then -, then its real count typed and set.
  const counter = page.getByTestId('count-counter');
  const name = (item: typeof a) => `${item.product.name}${item.lot ? ` · lot ${item.lot}` : ''}`;
  await handheld.scan(a.each.printed);
  await expect(counter).toContainText(`1${name(a)}`);
  await page.getByRole('button', { name: 'One more', exact: true }).click();
  await expect(counter).toContainText(`2${name(a)}`);
  await page.getByRole('button', { name: 'One less', exact: true }).click();
  await expect(counter).toContainText(`1${name(a)}`);
  await page.getByLabel(/^Quantity/).fill(String(a.qty));
  await page.getByRole('button', { name: 'Set quantity' }).click();
  await expect(page.getByTestId('counted')).toContainText(`${name(a)}${a.qty}`);
  // B: scanned, then stepped down on its own line to 0: far off what the bin should hold.
  await handheld.scan(b.each.printed);
  await expect(page.getByTestId('counted')).toContainText(`${name(b)}1`);
  await page.getByRole('button', { name: `One less of ${name(b)}` }).click();
  await expect(page.getByTestId('counted')).toContainText(`${name(b)}0`);
  expect(await dock(page)).toEqual(fresh);

  // "Bin is empty" for a bin holding stock: a question, in amber, in the same layout.
  await page.getByRole('button', { name: 'Bin is empty' }).click();
  await expect(page.getByTestId('deviation-question')).toBeVisible();
  await expect(answer(page)).toHaveAttribute('data-tone', 'deviation');
  expect(await dock(page)).toEqual(fresh);
  await page.getByRole('button', { name: 'No, cancel' }).click();

  // Submitted: B is asked again, A keeps its count.
  await nextGesture(page);
  await page.getByRole('button', { name: 'Submit bin' }).click();
  await expect(prompt).toHaveText(`Recount bin ${binCode}: marked items`);
  await expect(answer(page)).toHaveText('1 item differs from what was expected: count it again. The other counts are kept.');
  await expect(page.getByTestId('to-recount')).toHaveText(`count again${name(b)}0`);
  // Only A's line, with its −1 (its said-only name names the item).
  await expect(page.getByTestId('counted').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('counted')).toHaveText(`${name(a)}${a.qty}−1 one less of ${name(a)}`);
  expect(await dock(page)).toEqual(fresh);
  // B recounted; A chosen on the list and stepped up and down again.
  await handheld.scan(b.each.printed);
  await page.getByLabel(/^Quantity/).fill(String(b.qty));
  await page.getByRole('button', { name: 'Set quantity' }).click();
  await expect(page.getByTestId('counted')).toContainText(`count again${name(b)}${b.qty}`);
  await page.getByTestId('counted').getByRole('button', { name: new RegExp(`^${a.product.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
  await expect(counter).toContainText(`${a.qty}${name(a)}`);
  await page.getByRole('button', { name: 'One more', exact: true }).click();
  await page.getByRole('button', { name: 'One less', exact: true }).click();
  await expect(counter).toContainText(`${a.qty}${name(a)}`);
  await nextGesture(page);
  await page.getByRole('button', { name: 'Submit bin' }).click();
  await expect(answer(page)).toHaveText(`Saved: bin ${binCode} counted`);

  const [count] = (await handheld.outbox()).filter((op) => op.type === 'count');
  const lines = (count!.payload as { lines: { productId: string; counted: number; firstCount: number | null }[] }).lines;
  expect(Object.fromEntries(lines.map((l) => [l.productId, [l.counted, l.firstCount]]))).toEqual({ [a.productId]: [a.qty, a.qty], [b.productId]: [b.qty, 0] });
  expect(handheld.problems).toEqual([]);
});
