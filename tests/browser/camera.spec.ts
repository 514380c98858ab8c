/**
 * The camera path for real: Chromium's fake camera plays a video in which an EAN-13
 * and a GS1-128 label come and go; the app reads them in its decoding worker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, chromium, type Browser } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { Handheld } from './pages/handheld';
import { demo } from './demoCodes';
import { startServer, type RunningServer } from './server';
import { appearToScanTimes, fakeCameraArgs, watchCamera, writeFakeCameraVideo } from './fakeCamera';

let server: RunningServer;
let browser: Browser;
let videoDir: string;
const gs1 = `(01)${demo.caseCode.code.gtin}(17)271231(10)LOT7`;

test.beforeAll(async () => {
  videoDir = mkdtempSync(join(tmpdir(), 'fake-camera-'));
  const video = join(videoDir, 'codes.y4m');
  await writeFakeCameraVideo(video, [
    { code: null, seconds: 1 },
    { code: { text: demo.ean13.code.printed, format: 'EAN13', module: 3 }, seconds: 2, timed: true },
    { code: null, seconds: 1 },
    { code: { text: gs1, format: 'Code128', module: 2 }, seconds: 2 },
  ]);
  server = await startServer();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumArgs, ...fakeCameraArgs(video)] });
});
test.afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(videoDir, { recursive: true, force: true });
});

test('on Find, an EAN-13 shown to the camera is found within 2 seconds of appearing, and a GS1-128 label fills lot and expiry', async () => {
  const context = await browser.newContext({ viewport: { width: 412, height: 860 } });
  const page = await context.newPage();
  await watchCamera(page);
  const handheld = new Handheld(page, server.url);
  await handheld.open('/');
  await handheld.signIn('picker1', '1111');
  await handheld.waitForHome();
  await handheld.waitForOfflineReady();
  // The decoder's WebAssembly comes from our server and the service worker has it:
  // the camera reads codes with no network.
  await context.setOffline(true);
  await page.getByRole('button', { name: /^Find/ }).click();
  await page.getByRole('button', { name: 'Camera' }).click();
  await expect(page.getByTestId('camera-state')).toContainText('zxing-wasm', { timeout: 10_000 });

  await expect(handheld.productResult).toContainText(demo.ean13.product.name, { timeout: 10_000 });
  await expect(page.getByTestId('scanned')).toHaveText(`Scanned ${demo.ean13.code.printed} (camera)`);
  const [latency] = await appearToScanTimes(page, demo.ean13.code.printed);
  expect(latency).not.toBeNull();
  expect(latency).toBeLessThan(2000);
  test.info().annotations.push({ type: 'camera to scan', description: `${latency!.toFixed(0)} ms` });

  await expect(handheld.productResult.getByTestId('from-code')).toHaveText('LotLOT7Expiry2027-12-31', { timeout: 10_000 });
  await expect(handheld.productResult).toContainText(demo.caseCode.product.name);
  expect(handheld.problems).toEqual([]);

  // Closing the camera stops it: no picture, no more scans.
  await page.getByRole('button', { name: 'Close camera' }).click();
  await expect(page.locator('.viewfinder video')).toHaveCount(0);
  await context.close();
});

test('where the WebAssembly decoder cannot load the camera still reads, with the fallback engine', async () => {
  // The .wasm is refused, as by a proxy or a policy that blocks WebAssembly; no service
  // worker has it either. (V8's flag to hide WebAssembly no longer exists in this Chromium.)
  const context = await browser.newContext({ viewport: { width: 412, height: 860 }, serviceWorkers: 'block' });
  await context.route('**/*.wasm', (route) => route.abort('blockedbyclient'));
  try {
    const page = await context.newPage();
    const handheld = new Handheld(page, server.url);
    await handheld.open('/');
    await handheld.signIn('picker1', '1111');
    await handheld.waitForHome();
    await page.getByRole('button', { name: /^Find/ }).click();
    await page.getByRole('button', { name: 'Camera' }).click();
    await expect(page.getByTestId('camera-state')).toContainText('zxing-js (The WebAssembly decoder did not load', { timeout: 10_000 });
    await expect(handheld.productResult).toContainText(demo.ean13.product.name, { timeout: 15_000 });
    await expect(page.getByTestId('scanned')).toHaveText(`Scanned ${demo.ean13.code.printed} (camera)`);
  } finally {
    await context.close();
  }
});
