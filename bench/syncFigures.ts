/**
 * The sync figures of `npm run bench`:
 * - 10,000 operations queued on a handheld with no network, then the network back:
 *   time until the server acknowledged all of them (Chromium, the real server, on
 *   PGlite and on PostgreSQL);
 * - the server's ingest rate on PostgreSQL (operations per second through the push
 *   route, four devices at once) against the same machine's raw multi-row insert rate
 *   into a table of the same shape, in the same run;
 * - the full first pull of a big catalog (measured in runBenchmarks on its page).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Browser, Page } from '@playwright/test';
import type { RunningServer } from '../tests/browser/server';
import { buildApp } from '../src/server/app';
import { readConfig } from '../src/server/config';
import { openPostgres } from '../src/server/storage/postgres';
import type { Database } from '../src/server/storage/database';
import { migrate } from '../src/server/storage/migrate';
import { seedDemoIfEmpty } from '../src/server/seed/seedDemo';
import { generateWarehouse, MAIN_WAREHOUSE } from '../src/server/seed/demoWarehouse';
import { APP_VERSION } from '../src/protocol/version';

type Probe = {
  queueOperations(count: number, binCode: string, productId: string): Promise<number>;
  pendingCount(): Promise<number>;
  fullPull(): Promise<{ ms: number; products: number; bins: number }>;
};

const PROBE = '/bench/syncProbe.js';

/** The probe's functions, run in the page (on the app's origin, the app not running there). Functions, not strings: the CSP forbids evaluating strings. */
export const probe = {
  queueOperations: (page: Page, count: number, binCode: string, productId: string) =>
    page.evaluate(async ([url, n, bin, product]) => ((await import(/* @vite-ignore */ url)) as Probe).queueOperations(n, bin, product), [PROBE, count, binCode, productId] as const),
  pendingCount: (page: Page) => page.evaluate(async (url) => ((await import(/* @vite-ignore */ url)) as Probe).pendingCount(), PROBE),
  fullPull: (page: Page) => page.evaluate(async (url) => ((await import(/* @vite-ignore */ url)) as Probe).fullPull(), PROBE),
};

/** Empty bins of the demo warehouse and untracked products to put away into them; the n-th place for the n-th device. */
function demoPlace(n = 0): { binCode: string; productId: string } {
  const data = generateWarehouse(MAIN_WAREHOUSE);
  const bin = data.bins.filter((b) => !data.stock.some((s) => s.binCode === b.code))[n]!;
  const product = data.products.filter((p) => !p.lotTracked && !p.expiryTracked)[n]!;
  return { binCode: bin.code, productId: product.id };
}

/** One run: sign in, download, queue `count` steps with the app closed, open it offline, then bring the network back. */
export async function timeQueuedSync(browser: Browser, server: RunningServer, count: number): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByLabel('User').fill('picker1');
  await page.getByLabel('PIN').fill('1111');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /^Find/ }).waitFor({ timeout: 120_000 });
  await page.evaluate(async () => navigator.serviceWorker.ready);
  await page.goto(`${server.url}/api/health`); // the app is not running here: nothing syncs meanwhile
  const place = demoPlace();
  const queued = await probe.queueOperations(page, count, place.binCode, place.productId);
  if (queued !== count) throw new Error(`queued ${queued} of ${count}`);
  await context.setOffline(true);
  await page.goto(server.url);
  await page.getByRole('button', { name: /^Find/ }).waitFor({ timeout: 60_000 });
  const start = Date.now();
  await context.setOffline(false);
  await page.waitForFunction(() => document.querySelector('[data-testid="waiting"]')?.textContent === '0 waiting', null, { timeout: 600_000, polling: 20 });
  const elapsed = Date.now() - start;
  await page.goto(`${server.url}/api/health`);
  const left = await probe.pendingCount(page);
  if (left !== 0) throw new Error(`${left} operations were not acknowledged`);
  await context.close();
  return elapsed;
}

export async function withFreshPostgres<T>(adminUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `handheld_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  }
}

export interface IngestFigures {
  readonly operations: number;
  readonly devices: number;
  readonly batch: number;
  readonly ingestPerSecond: number;
  readonly rawPerSecond: number;
}

/** Ingest through the push route (app.inject, no network) against raw multi-row inserts, on one fresh PostgreSQL database. */
export async function measureIngest(url: string, devices = 4, perDevice = 5000, batch = 500): Promise<IngestFigures> {
  const db = await openPostgres(url, 8);
  await migrate(db);
  await seedDemoIfEmpty(db);
  const app = await buildApp({ config: { ...readConfig({ LOG_LEVEL: 'silent' }), staticDir: null, signInRatePerMinute: 1000 }, db, logger: false });
  await app.ready();
  const signedIn = await Promise.all(
    Array.from({ length: devices }, async () => {
      const deviceId = randomUUID();
      const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'picker1', pin: '1111', deviceId, appVersion: APP_VERSION } });
      const body = response.json<{ token: string; user: { id: string } }>();
      return { headers: { authorization: `Bearer ${body.token}`, 'x-device-id': deviceId }, userId: body.user.id };
    }),
  );
  // Each device works its own bin, as pickers and putaway workers spread over a warehouse do.
  const demoPlaces = signedIn.map((_, d) => demoPlace(d));
  const batches = signedIn.map((device, d) =>
    Array.from({ length: perDevice / batch }, (_, b) =>
      Array.from({ length: batch }, (__, i) => ({
        opId: randomUUID(),
        deviceSeq: b * batch + i + 1,
        userId: device.userId,
        createdAt: new Date().toISOString(),
        payload: { type: 'putaway', taskId: null, lineNo: null, ...demoPlaces[d]!, lot: '', expiry: null, qty: 1, suggestedBinCode: null },
      })),
    ),
  );
  // Raw inserts just before and just after the ingest, averaged: PostgreSQL's own pace drifts within a run (checkpoints).
  const rawBefore = await rawInsertRate(db, 'ingest_raw_before', batches);
  const start = performance.now();
  await Promise.all(
    signedIn.map(async (device, d) => {
      for (const operations of batches[d]!) {
        const response = await app.inject({ method: 'POST', url: '/api/sync/push', headers: device.headers, payload: { warehouseId: 'wh-main', sentAt: new Date().toISOString(), operations } });
        if (response.statusCode !== 200) throw new Error(`push failed: ${response.body}`);
      }
    }),
  );
  const ingestMs = performance.now() - start;
  const total = devices * perDevice;
  const rawAfter = await rawInsertRate(db, 'ingest_raw_after', batches);

  await app.close();
  await db.close();
  return { operations: total, devices, batch, ingestPerSecond: (total / ingestMs) * 1000, rawPerSecond: (rawBefore + rawAfter) / 2 };
}

/**
 * Raw: the same number of rows of the operations table's shape (its indexes included),
 * multi-row VALUES of `batch`, each batch its own transaction, as many at once as there
 * are devices. Returns rows per second.
 */
async function rawInsertRate(db: Database, table: string, batches: readonly (readonly { opId: string; deviceSeq: number; userId: string; createdAt: string; payload: unknown }[])[][]): Promise<number> {
  await db.execScript(`create table ${table} (like operations including all)`);
  const columns = ['op_id', 'warehouse_id', 'device_id', 'device_seq', 'user_id', 'type', 'payload', 'created_at', 'occurred_at', 'status'];
  const start = performance.now();
  await Promise.all(
    batches.map(async (deviceBatches, d) => {
      for (const operations of deviceBatches) {
        const params: unknown[] = [];
        const rows = operations.map((op) => {
          const values = [randomUUID(), 'wh-main', `raw-${d}`, op.deviceSeq, op.userId, 'putaway', JSON.stringify(op.payload), op.createdAt, op.createdAt, 'applied'];
          const first = params.length;
          params.push(...values);
          return `(${values.map((_, i) => `$${first + i + 1}`).join(', ')})`;
        });
        await db.transaction((tx) => tx.query(`insert into ${table} (${columns.join(', ')}) values ${rows.join(', ')}`, params as never));
      }
    }),
  );
  return (batches.flat().reduce((n, b) => n + b.length, 0) / (performance.now() - start)) * 1000;
}
