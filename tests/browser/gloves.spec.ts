/**
 * One-handed with gloves, and with a screen reader: on every screen a worker uses,
 * each control is at least 48 x 48 px and has a name a screen reader can say; the
 * prompt that says what comes next is announced (aria-live).
 */
import { expect, test, type Page } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { countTask, pickList, putawayTask } from './demoCodes';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

/** Every visible control on the page that is too small for a gloved thumb, or has no name. */
async function controlProblems(page: Page, screen: string): Promise<string[]> {
  return page.evaluate((screen) => {
    const problems: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('button, input, select, a[href]')) {
      if (element.offsetParent === null && element.getClientRects().length === 0) continue; // not shown
      const input = element instanceof HTMLInputElement ? element : null;
      // A check box is hit through its label, which is the target that must be big enough.
      const target = input?.type === 'checkbox' && input.closest('label') ? input.closest('label')! : element;
      const box = target.getBoundingClientRect();
      const what = `${screen}: <${element.tagName.toLowerCase()}${element.id ? ` id=${element.id}` : ''}> "${(element.textContent ?? '').trim().slice(0, 30)}"`;
      if (box.height < 48 || box.width < 48) problems.push(`${what} is ${Math.round(box.width)}x${Math.round(box.height)} px`);
      const labelled = element.getAttribute('aria-label') || (element.textContent ?? '').trim() || (input?.labels?.length ?? 0) > 0 || ((element as HTMLSelectElement).labels?.length ?? 0) > 0;
      if (!labelled) problems.push(`${what} has no name`);
    }
    return problems;
  }, screen);
}

test('every control on the worker\u2019s screens is big enough for gloves and has a name', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  const problems: string[] = [];
  await handheld.open('/');
  problems.push(...(await controlProblems(page, 'sign-in')));
  await handheld.signIn('super1', '9999');
  await page.getByRole('button', { name: 'Main distribution centre (MAIN)' }).click();
  await handheld.waitForHome();
  problems.push(...(await controlProblems(page, 'home')));

  const visit = async (path: string, screen: string, ready: () => Promise<void>) => {
    await page.goto(`${server.url}${path}`);
    await ready();
    problems.push(...(await controlProblems(page, screen)));
  };
  const prompt = page.getByTestId('expect');
  await visit('/find?code=4010000000012', 'find', () => expect(handheld.productResult).toBeVisible());
  await visit('/settings', 'settings', () => expect(page.getByTestId('storage-used')).toBeVisible());
  await visit('/scanner', 'scanner test', () => expect(page.getByLabel('Volume')).toBeVisible());
  // The supervisor opens workers' tasks: each is someone else's, so it is taken over explicitly first.
  const takeOver = async (screen: string) => {
    problems.push(...(await controlProblems(page, `${screen}, held by another`)));
    await page.getByRole('button', { name: 'Take over' }).click();
    problems.push(...(await controlProblems(page, `${screen}, take over?`)));
    await page.getByRole('button', { name: 'Yes, take it over' }).click();
    await expect(page.getByRole('button', { name: 'Take over' })).toHaveCount(0);
  };
  await visit(`/pick?task=${pickList.task.id}`, 'pick', () => expect(prompt).toBeVisible());
  await takeOver('pick');
  problems.push(...(await controlProblems(page, 'pick')));
  await page.getByRole('button', { name: 'Short pick' }).click();
  problems.push(...(await controlProblems(page, 'pick, short reasons')));
  await visit(`/count?task=${countTask.task.id}`, 'count', () => expect(prompt).toBeVisible());
  await takeOver('count');
  await handheld.scan(countTask.binCode);
  await expect(prompt).toContainText('scan each item');
  await handheld.scan(countTask.stock[0]!.each.printed);
  await expect(page.getByTestId('counted')).toBeVisible();
  problems.push(...(await controlProblems(page, 'count, in a bin')));
  await visit(`/putaway?task=${putawayTask.task.id}`, 'putaway', () => expect(prompt).toBeVisible());
  await takeOver('putaway');
  problems.push(...(await controlProblems(page, 'putaway')));
  await visit('/putaway?adhoc=1', 'ad hoc putaway', () => expect(prompt).toBeVisible());
  await handheld.scan(putawayTask.each.printed);
  await expect(page.getByLabel('Lot', { exact: true })).toBeVisible();
  problems.push(...(await controlProblems(page, 'putaway, lot entry')));

  expect(problems).toEqual([]);
  // What comes next is announced to a screen reader as it changes.
  await expect(prompt).toHaveAttribute('aria-live', 'polite');
  expect(handheld.problems).toEqual([]);
});
