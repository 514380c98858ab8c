/**
 * The camera path for real: Chromium's fake camera plays a video in which an EAN-13
 * and a GS1-128 label come and go; the app reads them in its decoding worker. The
 * panel shows the aim box and the camera's name, and drives the torch and the zoom
 * (given to the fake camera's track, which has neither).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, chromium, type Browser } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { Handheld } from './pages/handheld';
import { demo } from './demoCodes';
import { startServer, type RunningServer } from './server';
import { appearToScanTimes, cameraAsked, fakeCameraArgs, fakeTorchAndZoom, watchCamera, writeFakeCameraVideo } from './fakeCamera';

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
  // A phone's screen (393 x 851 CSS pixels).
  const context = await browser.newContext({ viewport: { width: 393, height: 851 } });
  const page = await context.newPage();
  await watchCamera(page);
  await fakeTorchAndZoom(page);
  const handheld = new Handheld(page, server.url);
  await handheld.open('/');
  await handheld.signIn('picker1', '1111');
  await handheld.waitForHome();
  await handheld.waitForOfflineReady();
  // The TypeScript fallback engine is not precached: the service worker caches it the
  // first time it loads (vite.config.ts), as a browser without WebAssembly loads it.
  const fallbackEngine = `/assets/${readdirSync('dist/assets').find((f) => /^zxing-fallback-[\w-]+\.js$/.test(f))}`;
  const cached = (url: string) => page.evaluate(async (u) => (await caches.match(u, { ignoreSearch: true })) !== undefined, url);
  expect(await cached(fallbackEngine)).toBe(false);
  expect(await page.evaluate(async (u) => (await fetch(u)).ok, fallbackEngine)).toBe(true);
  await expect.poll(() => cached(fallbackEngine)).toBe(true);
  // The decoder's WebAssembly comes from our server and the service worker has it:
  // the camera reads codes with no network.
  await context.setOffline(true);
  expect(await page.evaluate(async (u) => (await fetch(u)).ok, fallbackEngine)).toBe(true);
  await page.getByRole('button', { name: /^Find/ }).click();
  await page.getByRole('button', { name: 'Camera' }).click();
  await expect(page.getByTestId('camera-state')).toContainText('zxing-wasm', { timeout: 10_000 });
  // The one camera, by name (the fake camera is named after its file).
  await expect(page.getByTestId('camera-name')).toHaveText(/^Camera: .*codes\.y4m$/);
  // The aim box over the picture: the middle 80 % x 50 % of the frame (aimRegion.ts),
  // the viewfinder taking the frame's shape.
  const picture = (await page.getByRole('region', { name: 'Camera' }).locator('video').boundingBox())!;
  const aim = (await page.getByTestId('aim-box').boundingBox())!;
  expect(picture.width / picture.height).toBeCloseTo(640 / 360, 1);
  expect((aim.x - picture.x) / picture.width).toBeCloseTo(0.1, 1);
  expect(aim.width / picture.width).toBeCloseTo(0.8, 1);
  expect((aim.y - picture.y) / picture.height).toBeCloseTo(0.25, 1);
  expect(aim.height / picture.height).toBeCloseTo(0.5, 1);

  await expect(handheld.productResult).toContainText(demo.ean13.product.name, { timeout: 10_000 });
  await expect(page.getByTestId('scanned')).toHaveText(`Scanned ${demo.ean13.code.printed} (camera)`);
  const [latency] = await appearToScanTimes(page, demo.ean13.code.printed);
  expect(latency).not.toBeNull();
  expect(latency).toBeLessThan(2000);
  test.info().annotations.push({ type: 'camera to scan', description: `${latency!.toFixed(0)} ms` });

  await expect(handheld.productResult.getByTestId('from-code')).toHaveText('LotLOT7Expiry31 Dec 2027', { timeout: 10_000 });
  await expect(handheld.productResult).toContainText(demo.caseCode.product.name);
  expect(handheld.problems).toEqual([]);

  // Torch and zoom, in big buttons: + goes 1x, 1.5x, 2x; the camera is asked for each.
  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  const zoomOut = page.getByRole('button', { name: 'Zoom out' });
  await expect(zoomOut).toBeDisabled();
  await zoomIn.click();
  await expect(page.getByTestId('zoom')).toHaveText('1.5×');
  await zoomIn.click();
  await expect(page.getByTestId('zoom')).toHaveText('2×');
  const torch = page.getByRole('button', { name: 'Torch' });
  await torch.click();
  await expect(torch).toHaveAttribute('aria-pressed', 'true');
  expect(await cameraAsked(page)).toEqual([{ zoom: 1.5 }, { zoom: 2 }, { torch: true }]);
  for (const control of [zoomIn, zoomOut, torch, page.getByRole('button', { name: 'Close camera' })]) {
    const size = (await control.boundingBox())!;
    expect(Math.min(size.width, size.height), 'gloved hands: 64 px controls').toBeGreaterThanOrEqual(64);
  }
  await page.getByRole('region', { name: 'Camera' }).scrollIntoViewIfNeeded();
  const screenshot = test.info().outputPath('camera-panel-393x851.png');
  await page.screenshot({ path: screenshot });
  await test.info().attach('camera panel open, 393 x 851', { path: screenshot, contentType: 'image/png' });

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
