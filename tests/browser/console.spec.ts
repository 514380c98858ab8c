/**
 * The supervisor's console, with handhelds working beside it: a device's steps appear
 * on the console without a reload; a count variance approved on the console reaches the
 * counter's stock at its next sync; a product file with bad rows is reported row by row
 * and imports nothing until the supervisor explicitly imports the good rows; in Chinese,
 * a handheld is named and the warehouse's settings changed, and the handheld has them
 * after its next sync.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { countWhilePicking, demo, pickList } from './demoCodes';
import { startServer, type RunningServer } from './server';
import { withCheckDigit } from '../../src/domain/codes/gtin';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

/** The supervisor on a desktop-sized screen, in the console. */
async function openConsole(browser: Browser): Promise<Handheld> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const supervisor = new Handheld(page, server.url);
  await supervisor.open('/');
  await supervisor.signIn('super1', '9999');
  await page.getByRole('button', { name: 'Main distribution centre (MAIN)' }).click();
  await supervisor.waitForHome();
  await page.getByRole('button', { name: /^Supervisor console/ }).click();
  await expect(page.getByTestId('device-list')).toBeVisible();
  return supervisor;
}

async function device(browser: Browser, user: string, pin: string): Promise<Handheld> {
  const handheld = new Handheld(await (await browser.newContext()).newPage(), server.url);
  await handheld.signInAndGoOffline(user, pin);
  return handheld;
}

async function syncNow(handheld: Handheld) {
  await handheld.page.goto(`${server.url}/sync`);
  const asked = new Date().toISOString();
  await handheld.page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(async () => ((await handheld.lastSyncAt()) ?? '') > asked, { timeout: 30_000 }).toBe(true);
}

async function stockShown(page: Page, productCode: string, bin: string): Promise<string> {
  await page.goto(`${server.url}/find?code=${productCode}`);
  const row = page.getByTestId('product-result').locator('tr', { has: page.getByRole('cell', { name: bin, exact: true }) });
  return (await row.locator('td').nth(1).textContent()) ?? '';
}

test('a step done offline appears on the supervisor’s console, without a reload, once the device syncs', async ({ browser }) => {
  const supervisor = await openConsole(browser);
  const consolePage = supervisor.page;
  await consolePage.evaluate(() => ((window as unknown as { stillThisPage: boolean }).stillThisPage = true));

  const picker = await device(browser, 'picker1', '1111');
  const pickerDevice = (await picker.syncRecord('deviceId')) as string;
  // The picker's device shows up in the list by itself (it signed in and synced once).
  const row = consolePage.getByTestId(`device-${pickerDevice}`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('picker1');
  await row.getByRole('button', { name: /details/ }).click();
  const recent = consolePage.getByTestId('activity');
  await expect(recent).toBeVisible();
  await expect(recent).not.toContainText('putaway');

  // Offline, the picker puts three away where the device suggests.
  await picker.page.getByRole('button', { name: /^Putaway/ }).click();
  await picker.page.getByRole('button', { name: 'Put away without a task' }).click();
  const prompt = picker.page.getByTestId('expect');
  await picker.scan(demo.ean13.code.printed);
  await expect(prompt).toHaveText(/^Scan bin /);
  const bin = ((await prompt.textContent()) ?? '').replace('Scan bin ', '');
  await picker.page.getByLabel('Quantity to put away').fill('3');
  await prompt.click();
  await picker.scan(bin);
  await expect(picker.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(picker.status.waiting).toHaveText('1 waiting');

  await picker.page.context().setOffline(false);
  await expect(picker.status.waiting).toHaveText('0 waiting', { timeout: 30_000 });
  // The console's device detail polls: the step appears with its bin and product.
  const step = recent.locator('tr', { hasText: 'putaway' });
  await expect(step).toContainText(bin, { timeout: 20_000 });
  await expect(step).toContainText(demo.ean13.product.name);
  await expect(step).toContainText('applied');
  await expect(consolePage.getByTestId('sync-history').locator('tbody tr').first()).toBeVisible();
  expect(await consolePage.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  expect([...picker.problems, ...supervisor.problems]).toEqual([]);
});

test('a count variance approved on the console becomes the counter’s stock after its next sync', async ({ browser }) => {
  const { farBin, farLines } = countWhilePicking[0]!;
  const counter = await device(browser, 'counter1', '2222');
  const page = counter.page;
  await page.getByRole('button', { name: /^Count/ }).click();
  await page.getByRole('button', { name: 'Spot count a bin' }).click();
  await counter.scan(farBin);
  const countAll = async () => {
    for (const line of farLines) {
      await counter.scan(line.each.printed);
      await expect(page.getByTestId('counted')).toContainText(line.product.name);
      await page.getByLabel(/^Quantity/).fill(String(line.book + 10));
      await page.getByRole('button', { name: 'Set quantity' }).click();
      await expect(page.getByTestId('counted').locator('li', { hasText: line.product.name })).toContainText(String(line.book + 10));
    }
    await page.getByRole('button', { name: 'Submit bin' }).click();
  };
  await countAll();
  // Far off: a deviation (amber), asking for the recount.
  await expect(page.getByRole('status').filter({ hasText: /count (it|them) again/ })).toHaveAttribute('data-tone', 'deviation');
  await countAll();
  await expect(page.getByRole('status').filter({ hasText: `Saved: bin ${farBin} counted` })).toBeVisible();
  await page.context().setOffline(false);
  await expect(counter.status.waiting).toHaveText('0 waiting', { timeout: 30_000 });
  // Until a supervisor decides, the stock is what the book said.
  await syncNow(counter);
  expect(await stockShown(page, farLines[0]!.each.printed, farBin)).toBe(farLines[0]!.book.toLocaleString('en-US'));

  const supervisor = await openConsole(browser);
  await supervisor.page.getByRole('button', { name: 'Count variances' }).click();
  const review = supervisor.page.getByTestId(`review-${farBin}`).first();
  await expect(review).toContainText(`${farLines[0]!.book + 10}`);
  await expect(review).toContainText('counter1');
  await review.getByRole('button', { name: 'Approve' }).click();
  await expect(supervisor.page.getByRole('status').filter({ hasText: `Approved: count of ${farBin}` })).toBeVisible();
  await expect(supervisor.page.getByTestId(`review-${farBin}`)).toHaveCount(0);

  await syncNow(counter);
  expect(await stockShown(page, farLines[0]!.each.printed, farBin)).toBe((farLines[0]!.book + 10).toLocaleString('en-US'));
  expect([...counter.problems, ...supervisor.problems]).toEqual([]);
});

test('a product file with bad rows is reported row by row and imports nothing, until the good rows are imported on purpose', async ({ browser }) => {
  const supervisor = await openConsole(browser);
  const page = supervisor.page;
  const good = withCheckDigit('200000777001');
  const badCheck = `${withCheckDigit('200000777002').slice(0, 12)}${(Number(withCheckDigit('200000777002')[12]) + 1) % 10}`;
  const zone = demo.ean13.product.zone;
  const csv = ['sku,name,zone,each_code,unit_cost', `IMP-1,Imported tea,${zone},${good},3.10`, `IMP-2,Bad code,${zone},${badCheck},`, `IMP-3,No such zone,NOPE,${withCheckDigit('200000777003')},`].join('\n');

  await page.getByRole('button', { name: 'Import & export' }).click();
  await page.getByLabel('What the file holds').selectOption('products');
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('3 rows, 1 good. Nothing was imported');
  const problems = page.getByTestId('row-problems').locator('tbody tr');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('3each_code');
  await expect(problems.nth(0)).toContainText('check digit');
  await expect(problems.nth(1)).toContainText('4zone');

  // Nothing reached the devices: the good row's product is unknown after a sync.
  await syncNow(supervisor);
  await page.goto(`${server.url}/find?code=${good}`);
  await expect(supervisor.alert).toBeVisible();
  await expect(supervisor.productResult).toHaveCount(0);

  await page.goto(`${server.url}/console?tab=data`);
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Import only the 1 good rows' }).click();
  await expect(report).toContainText('Imported 1 rows; 2 left out');
  await syncNow(supervisor);
  await page.goto(`${server.url}/find?code=${good}`);
  await expect(supervisor.productResult).toContainText('Imported tea');
  expect(supervisor.problems).toEqual([]);
});

test('the console in Chinese: a supervisor names a handheld and sets the warehouse’s time zone, which the handheld has after its next sync', async ({ browser }) => {
  const handheld = new Handheld(await (await browser.newContext()).newPage(), server.url);
  await handheld.open('/');
  await handheld.signIn('picker1', '1111');
  await handheld.waitForHome();
  await handheld.waitForFirstSync();
  const handheldId = (await handheld.syncRecord('deviceId')) as string;

  const supervisor = await openConsole(browser);
  const page = supervisor.page;
  // The console's own language switch; the choice is the device's, as on the floor.
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('heading', { name: '主管 · Main distribution centre' })).toBeVisible();
  const sections = page.getByRole('navigation', { name: '控制台栏目' });
  for (const tab of ['设备', '盘点差异', '被拒步骤', '短拣与标记', '任务', '导入与导出', '操作记录', '用户', '仓库设置']) await expect(sections.getByRole('button', { name: tab, exact: true })).toBeVisible();
  await expect(page.getByTestId('device-list').locator('thead')).toContainText('最近在线');
  await expect(page.getByTestId('devices-updated')).toContainText('每 5 秒自动更新');

  // Naming the handheld: listed by its name with its user, its id beside it.
  const row = page.getByTestId(`device-${handheldId}`);
  await expect(row).toContainText('picker1');
  await row.getByRole('button', { name: /^为设备 .* ?命名$/ }).click();
  await row.getByLabel(/的名称$/).fill('冷库 2 号');
  await row.getByRole('button', { name: '保存名称' }).click();
  // Named by its visible words (6d4c132): the name, the id's first characters, then "，详情".
  await expect(row.getByRole('button', { name: /^冷库 2 号 .{8} ，详情$/ })).toBeVisible();
  await expect(row).toContainText(handheldId.slice(0, 8));

  // The warehouse's settings, checked before they are sent, in Chinese.
  await sections.getByRole('button', { name: '仓库设置' }).click();
  const stepLimit = page.getByLabel(/一步超过多少个单位时/);
  await stepLimit.fill('0');
  await expect(page.getByTestId('setting-problems')).toHaveText('每步数量上限：请输入 1 到 1,000,000 之间的整数（不是“0”）。');
  await expect(page.getByRole('button', { name: '保存设置' })).toBeDisabled();
  await stepLimit.fill('400');
  await page.getByLabel(/仓库所在时区/).fill('Asia/Shanghai');
  await expect(page.getByTestId('floor-today')).toContainText('作业现场今天：');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存。设备在下次同步时获得新设置。' })).toBeVisible();
  const changes = page.getByTestId('settings-changes');
  await expect(changes).toContainText('super1');
  await expect(changes).toContainText('→ Asia/Shanghai');
  await expect(changes).toContainText('每步数量上限：1,000 → 400');

  // Tasks with when each is due, on the warehouse's clocks (Shanghai's now): a seeded pick
  // list's time, and one made here for tomorrow 14:30 there (bad due times: tests/server/taskDue.test.ts).
  await sections.getByRole('button', { name: '任务', exact: true }).click();
  const taskTable = page.getByTestId('task-table');
  await expect(taskTable.locator('thead')).toContainText('截止时间');
  await expect(taskTable.locator('tr', { hasText: pickList.task.reference }).locator('td').nth(3)).toHaveText(/^(\d{4}年\d{1,2}月\d{1,2}日 )?\d\d:\d\d$/);
  await page.getByText('创建任务', { exact: true }).first().click();
  await page.locator('#task-reference').fill('SO-DUE-E2E');
  await page.locator('#task-text').fill(`${demo.ean13.product.sku} 1`);
  const tomorrowThere = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + 86_400_000));
  await expect(page.getByText('截止时间（仓库时间，Asia/Shanghai）；不填表示无截止时间')).toBeVisible();
  await page.locator('#task-due').fill(`${tomorrowThere}T14:30`);
  await page.getByRole('button', { name: '创建任务', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '已创建：SO-DUE-E2E' })).toBeVisible();
  const [year, month, day] = tomorrowThere.split('-').map(Number);
  await expect(taskTable.locator('tr', { hasText: 'SO-DUE-E2E' }).locator('td').nth(3)).toHaveText(`${year}年${month}月${day}日 14:30`);

  // The activity log lists both changes, in Chinese.
  await sections.getByRole('button', { name: '操作记录' }).click();
  await expect(page.getByTestId('warehouse-changes')).toContainText(`设备 ${handheldId.slice(0, 8)}的名称：（无名称） → 冷库 2 号`);

  // The handheld has the zone after its next sync: "today" there is Shanghai's date.
  await handheld.page.goto(`${server.url}/sync`);
  const asked = new Date().toISOString();
  await handheld.page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(async () => ((await handheld.lastSyncAt()) ?? '') > asked, { timeout: 30_000 }).toBe(true);
  await handheld.page.goto(`${server.url}/settings`);
  const shanghaiToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  await expect(handheld.page.getByTestId('floor-time-zone')).toHaveText(`Asia/Shanghai · today is ${shanghaiToday} here`);
  await expect.poll(async () => ((await handheld.syncRecord('warehouseSettings')) as { stepLimit: number }).stepLimit).toBe(400);

  // And back: every word of the console follows the switch.
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Supervisor · Main distribution centre' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Warehouse settings' })).toBeVisible();
  expect([...handheld.problems, ...supervisor.problems]).toEqual([]);
});

test('the console, never opened on this device, opened offline says it needs the network, and opens once it is back', async ({ browser }) => {
  // The console's code is not precached (vite.config.ts): it is cached when it first loads.
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const supervisor = new Handheld(page, server.url);
  await supervisor.open('/');
  await supervisor.signIn('super1', '9999');
  await page.getByRole('button', { name: 'Main distribution centre (MAIN)' }).click();
  await supervisor.waitForHome();
  await supervisor.waitForOfflineReady();
  await page.context().setOffline(true);
  await page.getByRole('button', { name: /^Supervisor console/ }).click();
  await expect(supervisor.alert).toHaveText('The supervisor console needs the network the first time it opens on this device. Connect, then try again.');
  await page.context().setOffline(false);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('device-list')).toBeVisible();
  // Opened once, it opens offline too.
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Count variances' })).toBeVisible();
  await expect(supervisor.alert.filter({ hasText: 'needs the network the first time' })).toHaveCount(0);
  await page.context().close();
});
