/**
 * Bad input the fuzz run found, or that was reported, each answered with a clear 4xx
 * (or a report naming the row) and nothing written; body limits per route; and a big
 * import checked without keeping /api/health waiting.
 */
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appOn, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type SignedIn, type TestDatabase } from './testServer';
import { DeviceOps, floorOfSmallMain, putawayOf } from './syncHelpers';
import { databaseChecksum } from './fuzz/databaseChecksum';
import { apiPaths } from '../../src/protocol/paths';
import { MAX_STEP_QTY } from '../../src/domain/floor/quantityLimits';

const W = 'wh-main';
const url = (rest: string) => apiPaths.console(W, rest);

describe.each(databaseKinds)('bad input is refused with a reason, never a 5xx (%s)', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let supervisor: SignedIn;
  let picker: SignedIn;
  const floor = floorOfSmallMain();
  const product = floor.data.products.find((p) => !p.lotTracked && !p.expiryTracked)!;
  const lotted = floor.data.products.find((p) => p.lotTracked && !p.expiryTracked)!;
  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    app = await appOn(test.db, { bodyLimitBytes: 64 * 1024, importBodyLimitBytes: 8 * 1024 * 1024 });
    supervisor = await signIn(app, 'super1', '9999');
    picker = await signIn(app, 'picker1', '1111');
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const as = (who: SignedIn, method: 'GET' | 'POST', path: string, payload?: unknown) => app.inject({ method, url: path, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  /** The answer to a request, and whether it changed the database. */
  const answerOf = async (request: () => ReturnType<typeof as>) => {
    const before = await databaseChecksum(test.db);
    const answer = await request();
    return { answer, changed: (await databaseChecksum(test.db)) !== before };
  };

  it('refuses times the database cannot hold (year 0, offsets of 16 hours) and device counts past 32 bits, with a reason, wherever they come', async () => {
    const ops = new DeviceOps(picker.body.user.id);
    const step = ops.next(putawayOf(floor.emptyBin, product.id, 1));
    for (const createdAt of ['2026-12-02T01:00:00+16:00', '2026-12-02T01:00:00-23:59', '0000-01-01T00:00:00Z']) {
      const pushed = await answerOf(() => as(picker, 'POST', apiPaths.syncPush, { warehouseId: W, sentAt: new Date().toISOString(), operations: [{ ...step, createdAt }] }));
      expect(pushed.answer.statusCode, pushed.answer.body).toBe(400);
      expect(pushed.answer.json().error.message).toMatch(/createdAt: must be a time from year 1 to 9999/);
      expect(pushed.changed).toBe(false);
    }
    const status = { appVersion: 'x', pending: 0, oldestPendingAt: null, rejected: 0, lastSyncAt: null, persisted: true, usageBytes: 0, quotaBytes: 0, lastError: null };
    for (const bad of [{ pending: 2 ** 31 }, { lastSyncAt: '0000-01-01T00:00:00Z' }, { oldestPendingAt: '2026-12-01T01:00:00+20:00' }, { previousRun: { startedAt: new Date().toISOString(), durationMs: 2 ** 31, pushed: 0, pulledPages: 0, error: null } }]) {
      const pulled = await answerOf(() => as(picker, 'POST', apiPaths.syncPull, { warehouseId: W, cursor: null, limit: 1, status: { ...status, ...bad } }));
      expect(pulled.answer.statusCode, pulled.answer.body).toBe(400);
      expect(pulled.changed).toBe(false);
    }
    for (const query of ['activity?from=0000-01-01T00:00:00Z', 'activity?to=2026-12-01T01:00:00%2B20:00', 'export/ledger.csv?from=0000-01-01T00:00:00Z', 'user-changes?from=0000-01-01T00:00:00Z']) {
      const answer = await as(supervisor, 'GET', url(query));
      expect(answer.statusCode, `${query}: ${answer.body}`).toBe(400);
      expect(answer.json().error.message).toMatch(/year 1 to 9999/);
    }
    const lower = await app.inject({ method: 'GET', url: apiPaths.supervisorDevices, headers: { ...supervisor.headers, authorization: `bearer ${supervisor.token}` } });
    expect(lower.statusCode).toBe(200);
  });

  it('lists the first 1,000 problems of a file wrong throughout, and counts the rest', async () => {
    const csv = ['bin,sku,qty', ...Array.from({ length: 1_500 }, (_, n) => `NO-SUCH-${n},${product.sku},1`)].join('\n');
    const answer = await as(supervisor, 'POST', url('import'), { kind: 'stock', csv, mode: 'check' });
    expect(answer.statusCode).toBe(200);
    const report = answer.json();
    expect(report).toMatchObject({ rows: 1_500, valid: 0, problemsNotListed: 500 });
    expect(report.problems).toHaveLength(1_000);
    expect(report.problems[0].line).toBe(2);
  });

  it('refuses a NUL character in a lot, a download cursor and an activity search, saying where', async () => {
    const lot = await answerOf(() => as(supervisor, 'POST', url('import'), { kind: 'stock', csv: `bin,sku,lot,qty\n${floor.emptyBin},${lotted.sku},L\u00001,5\n`, mode: 'all' }));
    expect(lot.answer.statusCode).toBe(400);
    expect(lot.answer.json().error).toMatchObject({ reason: 'bad-request', message: expect.stringMatching(/csv: holds a NUL character/) });
    expect(lot.changed).toBe(false);
    const ops = new DeviceOps(picker.body.user.id);
    // In a pushed step, the step alone is refused (the batch and the device's queue go on); outside a payload, the batch.
    const pushed = await as(picker, 'POST', apiPaths.syncPush, { warehouseId: W, sentAt: new Date().toISOString(), operations: [ops.next({ ...putawayOf(floor.emptyBin, lotted.id, 2), lot: 'A\u0000' }), ops.next(putawayOf(floor.emptyBin, lotted.id, 2))] });
    expect(pushed.statusCode).toBe(200);
    expect(pushed.json().results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'applied']);
    expect(pushed.json().results[0].why).toMatchObject({ code: 'op-bad-payload', detail: expect.stringContaining('lot: must not contain control characters') });
    const batch = await answerOf(() => as(picker, 'POST', apiPaths.syncPush, { warehouseId: 'wh-\u0000', sentAt: new Date().toISOString(), operations: [ops.next(putawayOf(floor.emptyBin, lotted.id, 2))] }));
    expect(batch.answer.statusCode).toBe(400);
    expect(batch.answer.json().error.message).toMatch(/warehouseId: holds a NUL character/);
    expect(batch.changed).toBe(false);
    const cursor = await as(picker, 'GET', `${apiPaths.downloadPage(W, 'products')}?after=P%00x`);
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.message).toMatch(/download page query is not valid: after: holds a NUL character/);
    const search = await as(supervisor, 'GET', `${url('activity')}?product=%00&user=a%00`);
    expect(search.statusCode).toBe(400);
    expect(search.json().error.message).toMatch(/search query is not valid: .*NUL character/);
  });

  it('answers a step done in year 9999 with a reason for that step, not a 5xx', async () => {
    const ops = new DeviceOps(picker.body.user.id);
    const answer = await as(picker, 'POST', apiPaths.syncPush, { warehouseId: W, sentAt: new Date().toISOString(), operations: [ops.next(putawayOf(floor.emptyBin, product.id, 1), new Date('9999-12-31T23:59:59Z'))] });
    expect(answer.statusCode, answer.body).toBeLessThan(500);
  });

  it('refuses task file quantities over the most one step may move, and a putaway quantity of 1 and 400 zeros, naming the row', async () => {
    for (const qty of ['99999999999', `1${'0'.repeat(400)}`, String(MAX_STEP_QTY + 1)]) {
      for (const [kindOfTask, csv] of [
        ['pick', `order,sku,qty\nO-1,${product.sku},${qty}\n`],
        ['putaway', `receipt,sku,qty,lot\nR-1,${product.sku},${qty},\n`],
      ] as const) {
        const { answer, changed } = await answerOf(() => as(supervisor, 'POST', url('tasks-csv'), { kind: kindOfTask, csv, assignedTo: null, mode: 'all' }));
        expect(answer.statusCode, answer.body).toBe(200);
        expect(answer.json()).toMatchObject({ tasks: [], problems: [{ line: 2, column: 'qty', message: expect.stringContaining(`from 1 to ${MAX_STEP_QTY.toLocaleString('en')}`) }] });
        expect(changed).toBe(false);
      }
    }
    const byHand = await as(supervisor, 'POST', url('tasks'), { kind: 'putaway', reference: 'R-2', assignedTo: null, lines: [{ sku: product.sku, qty: MAX_STEP_QTY + 1 }] });
    expect(byHand.statusCode).toBe(400);
    expect(byHand.json().error.message).toMatch(/lines\.0\.qty/);
  });

  it('refuses a product row naming one code twice, and a unit cost of 1e20, naming the row', async () => {
    const code = '4006381333931';
    const twice = await answerOf(() => as(supervisor, 'POST', url('import'), { kind: 'products', csv: `sku,name,zone,each_code,case_code,case_qty\nNEW-1,New,A,${code},${code},12\n`, mode: 'all' }));
    expect(twice.answer.statusCode).toBe(200);
    expect(twice.answer.json().problems).toContainEqual({ line: 2, column: 'case_code', message: expect.stringContaining("this row's each code already") });
    expect(twice.changed).toBe(false);
    const dear = await answerOf(() => as(supervisor, 'POST', url('import'), { kind: 'products', csv: `sku,name,zone,each_code,unit_cost\nNEW-2,New,A,${code},1e20\n`, mode: 'all' }));
    expect(dear.answer.json().problems).toContainEqual({ line: 2, column: 'unit_cost', message: expect.stringContaining('is not a cost') });
    expect(dear.changed).toBe(false);
  });

  it('holds each route to its body limit: BODY_LIMIT_BYTES, and IMPORT_BODY_LIMIT_BYTES for CSV imports', async () => {
    const big = 'x'.repeat(100 * 1024);
    const pushTooBig = await as(picker, 'POST', apiPaths.syncPush, { warehouseId: W, sentAt: new Date().toISOString(), operations: [], pad: big });
    expect(pushTooBig.statusCode).toBe(413);
    expect(pushTooBig.json().error.reason).toBe('payload-too-large');
    const importFits = await as(supervisor, 'POST', url('import'), { kind: 'bins', csv: `code,zone,walk_seq\n${big}`, mode: 'check' });
    expect(importFits.statusCode).toBe(200);
    const importTooBig = await as(supervisor, 'POST', url('import'), { kind: 'bins', csv: 'x'.repeat(9 * 1024 * 1024), mode: 'check' });
    expect(importTooBig.statusCode).toBe(413);
  });

  it('answers /api/health quickly while a big import is checked', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `BIG-${i},Product ${i} with a longer name,A,yes,no,4.95,${String(400_000_000_000 + i).padStart(12, '0')}0,,,,`);
    const csv = ['sku,name,zone,lot_tracked,expiry_tracked,unit_cost,each_code,inner_code,inner_qty,case_code,case_qty', ...rows].join('\n');
    let importing = true;
    const started = performance.now();
    const imported = as(supervisor, 'POST', url('import'), { kind: 'products', csv, mode: 'check' }).finally(() => (importing = false));
    const waits: number[] = [];
    while (importing) {
      const asked = performance.now();
      const health = await app.inject({ method: 'GET', url: apiPaths.health });
      expect(health.statusCode).toBe(200);
      if (importing) waits.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const report = (await imported).json();
    expect(report.rows).toBe(40_000);
    // The check took a while, and health was asked many times meanwhile, each answered soon.
    expect(performance.now() - started).toBeGreaterThan(300);
    expect(waits.length).toBeGreaterThan(3);
    expect(Math.max(...waits)).toBeLessThan(500);
  }, 120_000);
});
