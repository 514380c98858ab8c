/**
 * Every screen of the tour photographed at 393 x 851 (a phone), in English and in
 * Chinese: screens/en/NN-name.png and screens/zh/NN-name.png, numbered in the tour's
 * order, plus screens/index.html to look at them side by side.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { startServer, type RunningServer } from '../browser/server';
import { walkTour } from '../browser/tour/screenTour';

const OUT = join(process.cwd(), 'screens');
const taken: Record<string, string[]> = {};

let server: RunningServer;
test.beforeEach(async () => {
  server = await startServer();
});
test.afterEach(async () => {
  await server.stop();
});
test.afterAll(async () => {
  const names = taken.en ?? taken.zh ?? [];
  const rows = names.map((file) => `<tr><th>${file}</th>${['en', 'zh'].map((l) => `<td><img src="${l}/${file}" width="393" loading="lazy"></td>`).join('')}</tr>`);
  await writeFile(join(OUT, 'index.html'), `<!doctype html><meta charset="utf-8"><title>Screens</title><table><tr><th></th><th>English</th><th>中文</th></tr>${rows.join('')}</table>`);
});

for (const language of ['en', 'zh'] as const) {
  test(`every screen in ${language === 'en' ? 'English' : 'Chinese'} at 393 x 851`, async ({ browser }) => {
    const dir = join(OUT, language);
    await mkdir(dir, { recursive: true });
    const files: string[] = (taken[language] = []);
    await walkTour({ browser, baseUrl: server.url, language, context: { viewport: { width: 393, height: 851 }, deviceScaleFactor: 1 } }, async ({ name, page }) => {
      const file = `${String(files.length + 1).padStart(2, '0')}-${name}.png`;
      await page.screenshot({ path: join(dir, file) });
      files.push(file);
    });
  });
}
