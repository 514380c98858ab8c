import { expect, test } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { startServer, type RunningServer } from './server';
import { pickList } from './demoCodes';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('a worker switches the interface to Chinese; the device keeps the choice', async ({ page }) => {
  const handheld = new Handheld(page, server.url);
  await handheld.open('/');
  await handheld.signIn('picker1', '1111');
  await handheld.waitForHome();
  await page.getByRole('button', { name: 'Settings and device' }).click();
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await page.getByRole('button', { name: '返回首页' }).click();
  await expect(page.getByRole('navigation', { name: '作业' })).toContainText('拣货');
  await expect(handheld.status.waiting).toHaveText('0 条待上传');

  await page.reload();
  await expect(page.getByRole('navigation', { name: '作业' })).toContainText('上架');

  // The floor flows speak Chinese too.
  await page.getByRole('button', { name: /^拣货/ }).click();
  await expect(page.getByRole('heading', { name: '拣货单' })).toBeVisible();
  await page.getByRole('button').filter({ has: page.getByText(pickList.task.reference, { exact: true }) }).click();
  await expect(page.getByTestId('expect')).toHaveText(`扫描库位 ${pickList.lines[0]!.binCode}`);
  await expect(page.getByRole('button', { name: '缺货' })).toBeVisible();
  // A refusal made by the floor rules is worded in Chinese too.
  await handheld.scan(pickList.wrongBin);
  await expect(handheld.alert).toHaveText(`库位错误：这是 ${pickList.wrongBin}。请前往库位 ${pickList.lines[0]!.binCode}。`);
  await page.getByRole('button', { name: '返回首页' }).click();
  await page.getByRole('button', { name: /^查询/ }).click();
  await handheld.find('4010000000011', { label: '条码', button: '查询' });
  await expect(handheld.alert).toHaveText('EAN-13 4010000000011 的校验位错误：末位是 1，应为 2。请重新扫描或重新输入。');
  await page.getByRole('button', { name: '返回首页' }).click();
  await page.getByRole('button', { name: '设置与设备' }).click();
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});
