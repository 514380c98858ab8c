import { defineConfig } from '@playwright/test';

/**
 * Browser tests: user stories in a real Chromium (Debian's, at /usr/bin/chromium;
 * Playwright's own browser download is not used). Each test file starts its own
 * server on the built app with a fresh embedded database (tests/browser/server.ts),
 * so tests never share device or server state by accident.
 */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'tests/browser',
  globalSetup: './tests/browser/seededTemplate.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // Two test files at a time, each with its own server and browser; the tests of a file
  // run in order. One at a time took 18 min on this 2-core machine, mostly waiting
  // (sign-in, a download, sync timers, the service worker's install).
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    serviceWorkers: 'allow',
    viewport: { width: 412, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
