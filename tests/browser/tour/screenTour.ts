/**
 * Every screen a worker and a supervisor reach, in an order a person could walk them:
 * the stops of a tour. The accessibility test checks each stop with axe-core at a
 * phone's and a desktop's size; `npm run screens` photographs each one in English and
 * Chinese. One tour for both, so a new screen added here is checked and photographed.
 *
 * The tour finds its way by test ids, URLs and the catalogue's own words in the
 * language it runs in, never by English text, so it walks the Chinese screens as well.
 */
import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { LANGUAGES, type Language } from '../../../src/ui/i18n/language';
import { consoleEn, consoleZh } from '../../../src/ui/i18n/consoleWords';
import { Handheld } from '../pages/handheld';
import { countTask, demo, pickList, putawayTask } from '../demoCodes';
import { MAIN_WAREHOUSE } from '../../../src/server/seed/demoWarehouse';

/** One screen reached: its name (a file name) and the page showing it. */
export interface Stop {
  readonly name: string;
  readonly page: Page;
}

type Word = string | ((...args: never[]) => string);
/** The words of the catalogue in one language: the floor's and the console's. */
function wordsOf(language: Language) {
  const all = { ...LANGUAGES[language], ...(language === 'zh' ? consoleZh : consoleEn) } as Record<string, Word>;
  return (key: string, ...args: unknown[]): string => {
    const word = all[key];
    if (word === undefined) throw new Error(`no word "${key}" in the catalogue`);
    return typeof word === 'function' ? (word as (...a: unknown[]) => string)(...args) : word;
  };
}

export const CONSOLE_TABS = ['devices', 'counts', 'rejected', 'exceptions', 'tasks', 'data', 'activity', 'users', 'settings'] as const;

export interface TourOptions {
  readonly browser: Browser;
  readonly baseUrl: string;
  readonly language: Language;
  readonly context: BrowserContextOptions;
}

/**
 * Walks the tour, calling `visit` at each stop (and waiting for it before going on).
 * Each person signs in on a device of their own (a fresh browser context).
 */
export async function walkTour(options: TourOptions, visitStop: (stop: Stop) => Promise<void>): Promise<void> {
  // A stop is looked at once the screen has settled: a wrong scan flashes the page red for
  // 0.7 s, and grey words over that flash are not the screen a person reads (axe measured
  // the contrast of .line-facts over the flash on a fast run).
  const visit = async (stop: Stop) => {
    await stop.page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    await visitStop(stop);
  };
  const t = wordsOf(options.language);
  const locale = options.language === 'zh' ? 'zh-CN' : 'en-GB';
  const device = async () => {
    const context = await options.browser.newContext({ ...options.context, locale });
    const page = await context.newPage();
    return { context, page, handheld: new Handheld(page, options.baseUrl) };
  };
  const go = (page: Page, path: string) => page.goto(`${options.baseUrl}${path}`);
  const signIn = async (page: Page, username: string, pin: string) => {
    await page.getByLabel(t('signIn.user')).fill(username);
    await page.getByLabel(t('signIn.pin')).fill(pin);
    await page.getByRole('button', { name: t('signIn.submit') }).click();
  };
  const settled = (page: Page) => page.waitForLoadState('networkidle').catch(() => undefined);

  // The picker: sign-in, home, Find, settings, pick and putaway, sync, scanner set-up.
  {
    const { context, page, handheld } = await device();
    await go(page, '/');
    await expect(page.getByLabel(t('signIn.user'))).toBeVisible();
    await visit({ name: 'sign-in', page });
    await signIn(page, 'picker1', '1111');
    await expect(page.getByRole('button', { name: new RegExp(`^${t('home.find')}`) })).toBeVisible({ timeout: 90_000 });
    await handheld.waitForFirstSync();
    await visit({ name: 'home', page });

    await go(page, '/find');
    await expect(page.getByLabel(t('common.code'), { exact: true })).toBeVisible();
    await visit({ name: 'find', page });
    await go(page, `/find?code=${demo.ean13.code.printed}`);
    await expect(handheld.productResult).toBeVisible();
    await visit({ name: 'find-product', page });
    await go(page, `/find?code=${encodeURIComponent(demo.bin.code)}`);
    await expect(handheld.binResult).toBeVisible();
    await visit({ name: 'find-bin', page });
    await go(page, '/find?code=4010000000011');
    await expect(handheld.alert).toBeVisible();
    await visit({ name: 'find-refused', page });

    await go(page, '/settings');
    await expect(page.getByLabel(t('settings.language'))).toBeVisible();
    await visit({ name: 'settings', page });
    await go(page, '/scanner');
    await expect(page.getByRole('heading').first()).toBeVisible();
    await settled(page);
    await visit({ name: 'scanner-setup', page });

    await go(page, '/pick');
    await expect(page.getByText(pickList.task.reference, { exact: true })).toBeVisible();
    await visit({ name: 'pick-list', page });
    await go(page, `/pick?task=${pickList.task.id}`);
    const [first] = pickList.lines;
    await expect(page.getByTestId('expect')).toHaveText(t('pick.scanBin', first!.binCode));
    await visit({ name: 'pick-scan-bin', page });
    await handheld.scan(pickList.wrongBin);
    await expect(page.getByTestId('feedback')).toHaveAttribute('data-tone', 'error');
    await visit({ name: 'pick-wrong-bin', page });
    await handheld.scan(first!.binCode);
    await expect(page.getByTestId('expect')).toHaveText(t('pick.scanItem', first!.product.name));
    await visit({ name: 'pick-scan-item', page });
    await handheld.scan(first!.each.printed);
    await expect(page.getByTestId('feedback')).toHaveAttribute('data-tone', 'ok');
    await visit({ name: 'pick-item-saved', page });
    await page.waitForTimeout(450); // the next tap is a new gesture
    await page.getByRole('button', { name: t('pick.short'), exact: true }).click();
    await expect(page.getByRole('button', { name: t('short.not-found') })).toBeVisible();
    await visit({ name: 'pick-short-sheet', page });

    await go(page, '/putaway');
    await expect(page.getByText(putawayTask.task.reference, { exact: true })).toBeVisible();
    await visit({ name: 'putaway-list', page });
    await go(page, `/putaway?task=${putawayTask.task.id}`);
    await expect(page.getByTestId('expect')).toBeVisible();
    await visit({ name: 'putaway-step', page });

    await go(page, '/sync');
    await expect(page.getByRole('heading', { name: t('sync.title') })).toBeVisible();
    await visit({ name: 'sync', page });
    await context.close();
  }

  // The counter: a blind count that asks for a recount.
  {
    const { context, page, handheld } = await device();
    await go(page, '/');
    await signIn(page, 'counter1', '2222');
    await expect(page.getByRole('button', { name: new RegExp(`^${t('home.count')}`) })).toBeVisible({ timeout: 90_000 });
    await handheld.waitForFirstSync();
    await go(page, '/count');
    await expect(page.getByText(countTask.task.reference, { exact: true })).toBeVisible();
    await visit({ name: 'count-list', page });
    await go(page, `/count?task=${countTask.task.id}`);
    await expect(page.getByTestId('expect')).toBeVisible();
    await visit({ name: 'count-scan-bin', page });
    await handheld.scan(countTask.binCode);
    await handheld.scan(countTask.stock[0]!.each.printed);
    await expect(page.getByTestId('counted')).toContainText(countTask.stock[0]!.product.name);
    await visit({ name: 'count-sheet', page });
    await page.waitForTimeout(450);
    await page.getByRole('button', { name: t('count.submitBin'), exact: true }).click();
    await expect(page.getByTestId('feedback')).toHaveAttribute('data-tone', 'deviation');
    await visit({ name: 'count-recount', page });
    await context.close();
  }

  // The supervisor: two warehouses to choose from, then every tab of the console.
  {
    const { context, page, handheld } = await device();
    await go(page, '/');
    await signIn(page, 'super1', '9999');
    await expect(page.getByRole('button', { name: new RegExp(MAIN_WAREHOUSE.warehouse.name) })).toBeVisible();
    await visit({ name: 'choose-warehouse', page });
    await page.getByRole('button', { name: new RegExp(MAIN_WAREHOUSE.warehouse.name) }).click();
    await expect(page.getByRole('button', { name: new RegExp(`^${t('home.console')}`) })).toBeVisible({ timeout: 90_000 });
    await handheld.waitForFirstSync();
    await visit({ name: 'home-supervisor', page });
    for (const tab of CONSOLE_TABS) {
      await go(page, `/console?tab=${tab}`);
      await expect(page.getByRole('button', { name: t(`console.tab.${tab}`), exact: true })).toHaveAttribute('aria-current', 'page');
      await settled(page);
      await visit({ name: `console-${tab}`, page });
      if (tab === 'devices') {
        await page.getByRole('button', { name: t('console.device.details') }).first().click();
        await expect(page).toHaveURL(/device=/);
        await settled(page);
        await visit({ name: 'console-device-detail', page });
      }
    }
    await context.close();
  }
}
