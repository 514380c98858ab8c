/**
 * Lighthouse's accessibility audit (12.2.3, mobile) on the three screens every worker
 * sees first: sign-in, Home and Find. Each must score 100. Lighthouse drives a Chromium
 * of our own through its debugging port, with the device's storage kept between pages
 * (`disableStorageReset`), so Home and Find are audited signed in, as a worker sees them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import lighthouse from 'lighthouse';
import { chromiumArgs } from '../../playwright.config';
import { Handheld } from './pages/handheld';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

/** The audits that failed, by id and title, and the score: 100 with none failed. */
async function accessibilityOf(url: string, port: number) {
  const result = await lighthouse(url, {
    port,
    logLevel: 'error',
    onlyCategories: ['accessibility'],
    disableStorageReset: true,
    formFactor: 'mobile',
    screenEmulation: { mobile: true, width: 393, height: 851, deviceScaleFactor: 2.75, disabled: false },
    throttlingMethod: 'provided',
  });
  const lhr = result!.lhr;
  const failed = Object.values(lhr.audits)
    .filter((a) => a.scoreDisplayMode === 'binary' && a.score !== 1)
    .map((a) => `${a.id}: ${a.title}`);
  return { score: Math.round((lhr.categories.accessibility!.score ?? 0) * 100), failed };
}

test('Lighthouse accessibility is 100 on sign-in, Home and Find', async () => {
  test.setTimeout(240_000);
  const port = 9300 + Math.floor(Math.random() * 500);
  const profile = await mkdtemp(join(tmpdir(), 'lighthouse-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: [...chromiumArgs, `--remote-debugging-port=${port}`],
    viewport: { width: 393, height: 851 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const signIn = await accessibilityOf(`${server.url}/`, port);
    const handheld = new Handheld(page, server.url);
    await handheld.open('/');
    await handheld.signIn('picker1', '1111');
    await handheld.waitForHome();
    await handheld.waitForFirstSync();
    const home = await accessibilityOf(`${server.url}/`, port);
    const find = await accessibilityOf(`${server.url}/find`, port);
    expect({ signIn, home, find }).toEqual({ signIn: { score: 100, failed: [] }, home: { score: 100, failed: [] }, find: { score: 100, failed: [] } });
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});
