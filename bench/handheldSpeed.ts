/**
 * Issue 14's speed figures, each with the CPU as it is and throttled 4x (CDP
 * `Emulation.setCPUThrottlingRate`, Lighthouse's mobile profile):
 * - scan to screen on the Pick screen (bench/scanToScreen.ts), the two rates taking
 *   turns task by task so both see the same machine;
 * - main-thread long tasks (PerformanceObserver 'longtask') on Find and on Pick while a
 *   pull of many changes runs and the worker scans every 200 ms;
 * - the first download (sign-in click to Home).
 *
 * CDP throttles a page's main thread only: Chromium refuses it for workers ("Operation
 * is only supported for pages, not workers", measured). Work a page hands to a Web
 * Worker runs at the machine's speed; the figures say so where it matters.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import type { RunningServer } from '../tests/browser/server';
import { generateWarehouse, type WarehouseShape } from '../src/server/seed/demoWarehouse';
import { SCAN_TIMES, benchScan, installScanTimes, measureScanToScreen, pickScans } from './scanToScreen';
import { median, percentile } from './stats';
import { sampleCpu, type ThreadKind } from './threadTimes';

export const THROTTLED = 4;

/** Throttles the page's main thread `rate` times (1: not throttled). */
export async function cpuThrottle(page: Page, rate: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

export interface Spread {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

export const spread = (values: readonly number[]): Spread => ({ n: values.length, median: median(values), p95: percentile(values, 95), max: values.length ? Math.max(...values) : NaN });

export async function signIn(page: Page, url: string, user = 'picker1', pin = '1111'): Promise<void> {
  await page.goto(url);
  await page.getByLabel('User').fill(user);
  await page.getByLabel('PIN').fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /^Find/ }).waitFor({ timeout: 600_000 });
}

/** One first download: sign-in click to Home, and the CPU each kind of Chromium thread spent on it. */
export interface DownloadRun {
  readonly ms: number;
  readonly cpu: Record<ThreadKind, number>;
}

/** Sign-in click to Home in a fresh context, the page throttled `rate` times (its workers are not: CDP cannot). */
export async function timeDownloadAt(browser: Browser, server: RunningServer, rate: number): Promise<DownloadRun> {
  const context = await browser.newContext({ viewport: { width: 412, height: 860 } });
  const page = await context.newPage();
  await cpuThrottle(page, rate);
  await page.goto(server.url);
  await page.getByLabel('User').fill('picker1');
  await page.getByLabel('PIN').fill('1111');
  const stopSampling = sampleCpu();
  const start = Date.now();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /^Find/ }).waitFor({ timeout: 600_000 });
  const ms = Date.now() - start;
  const cpu = stopSampling();
  await context.close();
  return { ms, cpu };
}

/** Scan to screen at each rate, on alternate tasks of the plan (a task is picked once). */
export async function scanToScreenAtRates(page: Page, url: string, plan: readonly { taskId: string; codes: readonly string[] }[], rates: readonly number[], toDom?: Map<number, number[]>): Promise<Map<number, number[]>> {
  const times = new Map(rates.map((rate) => [rate, [] as number[]]));
  for (const rate of rates) if (toDom && !toDom.has(rate)) toDom.set(rate, []);
  const cdp = await page.context().newCDPSession(page);
  for (const [i, task] of plan.entries()) {
    const rate = rates[i % rates.length]!;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    times.get(rate)!.push(...(await measureScanToScreen(page, url, [task], toDom?.get(rate))));
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  return times;
}

/** Plain script (the CSP forbids evaluating strings; tsx's helpers must not reach the page): every long task with the screen it fell on. */
const LONG_TASKS = `
(() => {
  window.longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push({ at: entry.startTime, ms: entry.duration, path: location.pathname });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();
`;

export interface ServerChanges {
  readonly bins: number;
  readonly products: number;
}

/**
 * Changes for the device to pull, made on the server by a supervisor's CSV imports: the
 * stock of `bins` bins set anew (each bin pulled with its stock) and `products` products
 * renamed (each pulled and stored in its block of 50).
 */
export async function makeServerChanges(server: RunningServer, shape: WarehouseShape, wanted: ServerChanges, round: number): Promise<ServerChanges> {
  const data = generateWarehouse(shape);
  const deviceId = crypto.randomUUID();
  const signIn = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'super1', pin: '9999', deviceId, appVersion: 'bench' }) });
  if (!signIn.ok) throw new Error(`supervisor sign-in: ${signIn.status} ${await signIn.text()}`);
  const { token } = (await signIn.json()) as { token: string };
  const importCsv = async (kind: 'stock' | 'products', csv: string) => {
    const response = await fetch(`${server.url}/api/supervisor/warehouses/${shape.warehouse.id}/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-device-id': deviceId },
      body: JSON.stringify({ kind, csv, mode: 'all' }),
    });
    const report = (await response.json()) as { imported?: number; problems?: unknown[] };
    if (!response.ok || !report.imported) throw new Error(`${kind} import: ${response.status} ${JSON.stringify(report).slice(0, 500)}`);
    return report.imported;
  };
  const skuOf = new Map(data.products.map((p) => [p.id, p.sku]));
  const seen = new Set<string>();
  const stockRows: string[] = [];
  for (const line of data.stock) {
    if (stockRows.length >= wanted.bins) break;
    if (seen.has(line.binCode)) continue;
    seen.add(line.binCode);
    stockRows.push([line.binCode, skuOf.get(line.productId), line.lot, line.expiry ?? '', line.qty + round + 1].join(','));
  }
  const bins = await importCsv('stock', ['bin,sku,lot,expiry,qty', ...stockRows].join('\n'));
  const code = (p: (typeof data.products)[number], level: string) => p.codes.find((c) => c.packLevel === level);
  const productRows = data.products.slice(0, wanted.products).map((p) => {
    const inner = code(p, 'inner');
    const kase = code(p, 'case');
    return [p.sku, `${p.name} r${round}`, p.unit, p.zone, p.lotTracked, p.expiryTracked, '', code(p, 'each')?.printed ?? '', inner?.printed ?? '', inner?.packQty ?? '', kase?.printed ?? '', kase?.packQty ?? ''].join(',');
  });
  const products = wanted.products > 0 ? await importCsv('products', ['sku,name,unit,zone,lot_tracked,expiry_tracked,unit_cost,each_code,inner_code,inner_qty,case_code,case_qty', ...productRows].join('\n')) : 0;
  return { bins, products };
}

export interface PullUnderScans {
  readonly screen: string;
  readonly pullMs: number;
  readonly scans: number;
  /** Main-thread tasks over 50 ms from the sync's start to its end, in ms. */
  readonly longTasks: readonly number[];
  /** Scan to screen on that screen while the pull ran. */
  readonly scanToScreen: readonly number[];
}

/**
 * On `path` (Find, or a Pick list), throttled `rate` times: the app syncs (the 'online'
 * event, as when the network comes back) and pulls what `makeChanges` made on the
 * server, while a scan arrives every 200 ms; the long tasks of the main thread meanwhile.
 */
export async function longTasksDuringPull(context: BrowserContext, url: string, path: string, codes: readonly string[], rate: number, makeChanges: () => Promise<unknown>): Promise<PullUnderScans> {
  const page = await context.newPage();
  await page.addInitScript({ content: LONG_TASKS });
  await page.addInitScript({ content: SCAN_TIMES });
  await page.goto(`${url}${path}`);
  await page.getByTestId('last-sync').waitFor();
  // The start-up sync done, nothing left to push: the next sync pulls only what is made now.
  await page.waitForFunction(() => document.querySelector('[data-testid="syncing"]') === null && document.querySelector('[data-testid="waiting"]')?.textContent === '0 waiting', null, { timeout: 120_000 });
  await makeChanges();
  const cdp = await cpuThrottle(page, rate);
  // BENCH_PROFILE=/path/prefix writes the main thread's CPU profile of each pull (open it in DevTools' Performance panel).
  const profiling = process.env.BENCH_PROFILE;
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await page.waitForTimeout(500);
  const startedAt = await page.evaluate(() => {
    (window as unknown as { longTasks: unknown[] }).longTasks.length = 0;
    (window as unknown as { scanToScreen: unknown[] }).scanToScreen.length = 0;
    window.dispatchEvent(new Event('online'));
    return performance.now();
  });
  const start = Date.now();
  let scans = 0;
  let sawSyncing = false;
  for (;;) {
    const code = codes[scans % codes.length]!;
    await benchScan(page, code);
    scans++;
    await page.waitForTimeout(200);
    const syncing = await page.evaluate(() => document.querySelector('[data-testid="syncing"]') !== null);
    sawSyncing ||= syncing;
    if ((sawSyncing && !syncing) || Date.now() - start > 600_000) break;
  }
  const pullMs = Date.now() - start;
  await page.waitForTimeout(1000);
  const { longTasks, scanToScreen } = await page.evaluate((from) => {
    const w = window as unknown as { longTasks: { at: number; ms: number }[]; scanToScreen: number[] };
    return { longTasks: w.longTasks.filter((t) => t.at >= from).map((t) => t.ms), scanToScreen: [...w.scanToScreen] };
  }, startedAt);
  if (profiling) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(`${profiling}-${path.startsWith('/pick') ? 'pick' : 'find'}.cpuprofile`, JSON.stringify(profile));
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  await page.close();
  return { screen: path, pullMs, scans, longTasks, scanToScreen };
}


export interface SpeedFigures {
  /** Sign-in click to Home, ms, with the CPU of Chromium's threads, per rate. */
  readonly download: Record<number, DownloadRun[]>;
  /** Scan to screen on Pick, ms, per rate. */
  readonly scanToScreen: Record<number, Spread>;
  /** Scan to the screen's DOM changing (the app's work, before the next frame), ms, per rate. */
  readonly scanToDom: Record<number, Spread>;
  readonly pulls: readonly (PullUnderScans & { readonly changes: ServerChanges; readonly rate: number })[];
}

export interface SpeedOptions {
  readonly downloadRuns: number;
  readonly scans: number;
  readonly pull: boolean;
  readonly changes?: ServerChanges;
  readonly log?: (...args: unknown[]) => void;
}

/** Product codes and bin labels of the catalog, for scans on Find. */
function findCodes(shape: WarehouseShape, count: number): string[] {
  const data = generateWarehouse(shape);
  return Array.from({ length: count }, (_, i) => (i % 3 === 2 ? data.bins[(i * 7919) % data.bins.length]!.code : data.products[(i * 104_729) % data.products.length]!.codes[0]!.printed));
}

export async function measureSpeed(browser: Browser, server: RunningServer, shape: WarehouseShape, options: SpeedOptions): Promise<SpeedFigures> {
  const log = options.log ?? (() => undefined);
  const download: Record<number, DownloadRun[]> = { 1: [], [THROTTLED]: [] };
  for (let run = 0; run < options.downloadRuns; run++) {
    for (const rate of [1, THROTTLED]) {
      download[rate]!.push(await timeDownloadAt(browser, server, rate));
      log('download', rate, download[rate]);
    }
  }
  const context = await browser.newContext({ viewport: { width: 412, height: 860 } });
  const page = await context.newPage();
  await installScanTimes(page);
  await signIn(page, server.url);
  const plan = pickScans(shape, 'u-picker1', Number.MAX_SAFE_INTEGER);
  // The last list is kept for scanning on Pick during a pull.
  const forPull = plan.pop()!;
  const scanToScreen: Record<number, Spread> = {};
  const scanToDom: Record<number, Spread> = {};
  if (options.scans > 0) {
    let total = 0;
    const used = plan.filter((task) => (total += task.codes.length) - task.codes.length < options.scans);
    const toDom = new Map<number, number[]>();
    const times = await scanToScreenAtRates(page, server.url, used, [1, THROTTLED], toDom);
    for (const [rate, values] of times) scanToScreen[rate] = spread(values);
    for (const [rate, values] of toDom) scanToDom[rate] = spread(values);
    log('scan to screen', scanToScreen, 'scan to DOM', scanToDom);
  }
  await page.close();
  const pulls: SpeedFigures['pulls'][number][] = [];
  if (options.pull) {
    const changes = options.changes ?? { bins: 10_000, products: 10_000 };
    let round = 0;
    for (const [path, codes] of [
      ['/find', findCodes(shape, 40)],
      [`/pick?task=${encodeURIComponent(forPull.taskId)}`, forPull.codes],
    ] as const) {
      let made: ServerChanges = { bins: 0, products: 0 };
      const result = await longTasksDuringPull(context, server.url, path, codes, THROTTLED, async () => {
        made = await makeServerChanges(server, shape, changes, round++);
      });
      pulls.push({ ...result, changes: made, rate: THROTTLED });
      log('pull', path, { pullMs: result.pullMs, scans: result.scans, longTasks: spread(result.longTasks), over50: result.longTasks.length, scanToScreen: spread(result.scanToScreen) });
    }
  }
  await context.close();
  return { download, scanToScreen, scanToDom, pulls };
}
