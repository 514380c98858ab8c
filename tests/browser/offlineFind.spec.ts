import { expect, test } from '@playwright/test';
import { Handheld } from './pages/handheld';
import { demo } from './demoCodes';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('a picker signs in, the warehouse downloads with progress, and Find works offline after a reload', async ({ page, context }) => {
  const handheld = new Handheld(page, server.url);
  // Bins wait until the progress has been seen: the demo downloads in about a second.
  const releaseBins = await handheld.holdDownloadOf('bins');
  await handheld.open('/');
  await handheld.signIn('picker1', '1111');

  // The download shows what and how much.
  const bar = page.getByRole('progressbar', { name: 'Download progress' });
  await expect(handheld.downloadRow('products')).toContainText(`${demo.productCount.toLocaleString('en-US')} of ${demo.productCount.toLocaleString('en-US')} ✓`);
  await expect(bar).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/);
  releaseBins();
  await handheld.waitForHome();
  await expect(handheld.status.lastSync).not.toContainText('never');

  // The network goes; the app still starts, deep link included, with the session.
  await handheld.waitForOfflineReady();
  await context.setOffline(true);
  await handheld.open('/find');
  await expect(handheld.status.connectivity).toHaveText('Offline');
  await expect(handheld.status.waiting).toHaveText('0 waiting');

  await handheld.find(demo.ean13.code.printed);
  await expect(handheld.productResult).toContainText(demo.ean13.product.name);
  await expect(handheld.productResult.getByTestId('total-qty')).toContainText('in stock');

  await handheld.find(demo.upcA.code.printed);
  await expect(handheld.productResult).toContainText(demo.upcA.product.name);

  await handheld.find(demo.caseCode.code.printed);
  await expect(handheld.productResult).toContainText(demo.caseCode.product.name);
  await expect(handheld.productResult.getByTestId('scanned-pack')).toHaveText(`Case of ${demo.caseCode.code.packQty} ${demo.caseCode.product.unit}`);

  // A GS1-128 string, as printed under the bars, carries lot and expiry too.
  await handheld.find(`(01)${demo.ean13.code.gtin}(17)271231(10)LOT-42`);
  await expect(handheld.productResult).toContainText(demo.ean13.product.name);
  await expect(handheld.productResult.getByTestId('from-code')).toHaveText('Lot' + 'LOT-42' + 'Expiry' + '31 Dec 2027');

  await handheld.find(demo.bin.code);
  await expect(handheld.binResult).toContainText(`Bin ${demo.bin.code}`);

  await handheld.find('Z-99-99-9');
  await expect(handheld.alert).toHaveText('Unknown bin: there is no bin Z-99-99-9 in this warehouse. Check the label.');

  const ean = demo.ean13.code.printed;
  await handheld.find(`${ean.slice(0, 12)}${(Number(ean[12]) + 1) % 10}`);
  await expect(handheld.alert).toContainText('wrong check digit');

  // A name that holds markup is shown as the text it is.
  await handheld.find(demo.markupName.codes[0]!.printed);
  await expect(handheld.productResult.getByRole('heading', { level: 2 })).toHaveText(demo.markupName.name);
  await expect(handheld.productResult.locator('h2 b')).toHaveCount(0);

  expect(handheld.problems.filter((p) => /Content Security Policy|Refused to/.test(p))).toEqual([]);
});
