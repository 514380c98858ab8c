/**
 * Time from an EAN-13 appearing in the camera feed to the scan event, in Chromium
 * with its fake camera playing a video in which the code comes and goes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';
import type { RunningServer } from '../tests/browser/server';
import { demo } from '../tests/browser/demoCodes';
import { CAMERA_FPS, CAMERA_HEIGHT, CAMERA_WIDTH, appearToScanTimes, fakeCameraArgs, watchCamera, writeFakeCameraVideo } from '../tests/browser/fakeCamera';

export interface CameraTiming {
  /** One per appearance; null: the appearance went by with no scan. */
  readonly ms: (number | null)[];
  readonly video: string;
}

export async function measureCameraToScan(server: RunningServer, runs: number): Promise<CameraTiming> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-camera-'));
  const video = join(dir, 'ean13.y4m');
  // 1.5 s without the code, 1.5 s with it: each loop of the video is one run.
  await writeFakeCameraVideo(video, [
    { code: null, seconds: 1.5 },
    { code: { text: demo.ean13.code.printed, format: 'EAN13', module: 3 }, seconds: 1.5, timed: true },
  ]);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumArgs, ...fakeCameraArgs(video)] });
  try {
    const page = await browser.newPage({ viewport: { width: 412, height: 860 } });
    await watchCamera(page);
    await page.goto(server.url);
    await page.getByLabel('User').fill('picker1');
    await page.getByLabel('PIN').fill('1111');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: /^Find/ }).click({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Camera' }).click();
    const deadline = Date.now() + (runs + 3) * 3000 + 10_000;
    let ms: (number | null)[] = [];
    // The first appearance may be cut short by the camera starting: it is not counted.
    while (ms.length < runs + 1 && Date.now() < deadline) {
      await page.waitForTimeout(500);
      ms = await appearToScanTimes(page, demo.ean13.code.printed);
    }
    return { ms: ms.slice(1, runs + 1), video: `${CAMERA_WIDTH}x${CAMERA_HEIGHT} at ${CAMERA_FPS} fps` };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
