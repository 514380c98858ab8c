/**
 * Every screen of the tour (tour/screenTour.ts: what a worker and a supervisor reach)
 * checked by axe-core at a phone's size and at a desktop's: WCAG 2.2 A and AA and
 * axe's best practices, 0 violations. Each screen is checked at both sizes where it
 * stands (the window is resized between the two), so the tour is walked once. A
 * violation is reported with the screen, the size, the rule and the elements. And no
 * page is wider than the screen it is on.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from './server';
import { walkTour } from './tour/screenTour';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

const PHONE = { width: 393, height: 851 };
const DESKTOP = { width: 1280, height: 800 };
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

test('every screen a worker and a supervisor reach passes axe-core at phone and desktop size', async ({ browser }) => {
  test.setTimeout(300_000);
  const found: string[] = [];
  const visited: string[] = [];
  await walkTour({ browser, baseUrl: server.url, language: 'en', context: { viewport: PHONE } }, async ({ name, page }) => {
    visited.push(name);
    for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      await page.setViewportSize(viewport);
      const result = await new AxeBuilder({ page }).withTags(RULES).analyze();
      for (const v of result.violations) found.push(`${name} at ${size} size: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      // Nothing wider than the screen: a wide table scrolls inside its own box, the page never sideways.
      const wider = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (wider > 0) found.push(`${name} at ${size} size: the page is ${wider} px wider than the screen`);
    }
    await page.setViewportSize(PHONE);
  });
  expect(visited.length).toBeGreaterThanOrEqual(30);
  expect(found).toEqual([]);
});
