/**
 * The supervisor's console through the HTTP surface, on PGlite and PostgreSQL: every
 * console route refuses a picker; CSV imports are all or nothing (or explicitly only
 * the valid rows); tasks made by hand and from CSV reach devices; rejected operations
 * are resolved and the device hears of it; the activity log, device detail, chart,
 * exceptions and bulk review decisions answer from what devices pushed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../src/protocol/paths';
import { activityListSchema, createdTasksSchema, deviceDetailSchema, floorExceptionsSchema, importReportSchema, shiftChartSchema, taskSummaryListSchema } from '../../src/protocol/console';
import { countReviewListSchema } from '../../src/protocol/countReviews';
import { readCsv } from '../../src/domain/csv/csvTable';
import { withCheckDigit } from '../../src/domain/codes/gtin';
import { appOn, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type SignedIn, type TestDatabase } from './testServer';
import { STATUS, DeviceOps, balanceOf, countOf, floorOfSmallMain, manifestCursor, pickOf, pullAll, push, putawayOf } from './syncHelpers';

const floor = floorOfSmallMain();
const W = 'wh-main';
const url = (rest: string) => apiPaths.console(W, rest);

describe.each(databaseKinds)('supervisor console on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let supervisor: SignedIn;
  let picker: SignedIn;
  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    app = await appOn(test.db, { signInRatePerMinute: 1000 });
    supervisor = await signIn(app, 'super1', '9999');
    picker = await signIn(app, 'picker1', '1111');
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const as = (who: SignedIn, method: 'GET' | 'POST', path: string, payload?: unknown) => app.inject({ method, url: path, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('refuses a picker on every console route, and a supervisor on a warehouse they do not work in', async () => {
    const patterns = [apiPaths.supervisorDevices, ...Object.values(apiPaths.routes).filter((p) => p.startsWith('/api/supervisor'))];
    const registered = patterns.flatMap((pattern) => (['GET', 'POST'] as const).filter((method) => app.hasRoute({ method, url: pattern })).map((method) => ({ method, pattern })));
    expect(registered.length).toBeGreaterThanOrEqual(17);
    const filled = (pattern: string) => pattern.replace(':warehouseId', W).replace(':opId', '00000000-0000-4000-8000-000000000000').replace(':deviceId', picker.deviceId).replace(':taskId', 'X').replace(':flagId', '1');
    for (const { method, pattern } of registered) {
      const answer = await as(picker, method, filled(pattern), method === 'POST' ? {} : undefined);
      expect(answer.statusCode, `${method} ${pattern}`).toBe(403);
      expect(answer.json().error.reason).toBe('forbidden');
      const anonymous = await app.inject({ method, url: filled(pattern) });
      expect(anonymous.statusCode, `${method} ${pattern} without a session`).toBe(401);
    }
    const elsewhere = await as(supervisor, 'GET', apiPaths.console('wh-nowhere', 'tasks'));
    expect(elsewhere.statusCode).toBe(403);
  });

  it('answers a bad request to every console route with 400 and what is wrong, and an unknown thing with 404', async () => {
    const op = '00000000-0000-4000-8000-000000000000';
    const bad: [method: 'GET' | 'POST', path: string, body?: unknown][] = [
      ['POST', url(`rejected/${op}/resolve`), {}],
      ['POST', url('rejected/not-a-uuid/resolve'), { note: 'x' }],
      ['POST', url('flags/1/resolve'), { note: '' }],
      ['POST', url('flags/abc/resolve'), { note: 'x' }],
      ['POST', url('count-reviews-bulk'), { opIds: [], decision: 'approve' }],
      ['POST', url(`count-reviews/${op}`), { decision: 'maybe' }],
      ['POST', url('tasks'), { kind: 'pick', reference: '', assignedTo: null, lines: [] }],
      ['POST', url('tasks-csv'), { kind: 'count', csv: 'x', assignedTo: null, mode: 'all' }],
      ['POST', url('tasks/X/assign'), {}],
      ['POST', url('import'), { kind: 'products', csv: '', mode: 'all' }],
      ['GET', `${url('activity')}?limit=0`],
      ['GET', `${url('activity')}?from=yesterday`],
      ['GET', `${url('chart')}?hours=1000`],
      ['GET', `${url('export/ledger.csv')}?from=monday`],
    ];
    for (const [method, path, body] of bad) {
      const answer = await as(supervisor, method, path, body);
      expect(answer.statusCode, `${method} ${path}`).toBe(400);
      expect(answer.json().error, `${method} ${path}`).toMatchObject({ reason: 'bad-request', message: expect.stringMatching(/is not valid: .+/) });
    }
    const unknown: [method: 'GET' | 'POST', path: string, body?: unknown][] = [
      ['GET', apiPaths.deviceDetail('no-such-device')],
      ['POST', url(`rejected/${op}/resolve`), { note: 'x' }],
      ['POST', url('flags/999999/resolve'), { note: 'x' }],
      ['POST', url(`count-reviews/${op}`), { decision: 'approve' }],
      ['POST', url('tasks/NO-SUCH-TASK/assign'), { assignedTo: null }],
    ];
    for (const [method, path, body] of unknown) {
      const answer = await as(supervisor, method, path, body);
      expect(answer.statusCode, `${method} ${path}`).toBe(404);
      expect(answer.json().error.message.length, `${method} ${path}`).toBeGreaterThan(10);
    }
  });

  it('imports nothing from a product file with bad rows, reports each by line and column, and imports the valid rows only when asked', async () => {
    const good = withCheckDigit('590000000001');
    const csv = ['sku,name,zone,each_code,case_code,case_qty,unit_cost', `NEW-A,Apple juice,A,${good},,,1.25`, `NEW-B,Bad code,A,${good.slice(0, 12)}9,,,`, 'NEW-C,No zone,Q,,,,'].join('\n');
    const count = async () => (await test.db.query<{ n: number }>(`select count(*)::int as n from products where warehouse_id = $1 and sku like 'NEW-%'`, [W]))[0]!.n;

    const all = await as(supervisor, 'POST', url('import'), { kind: 'products', csv, mode: 'all' });
    expect(all.statusCode).toBe(200);
    const report = importReportSchema.parse(all.json());
    expect(report).toMatchObject({ rows: 3, valid: 1, imported: 0 });
    expect(report.problems.map((p) => [p.line, p.column])).toEqual([[3, 'each_code'], [4, 'zone'], [4, 'each_code']]);
    expect(await count()).toBe(0);

    const checked = importReportSchema.parse((await as(supervisor, 'POST', url('import'), { kind: 'products', csv, mode: 'check' })).json());
    expect(checked.imported).toBe(0);
    expect(await count()).toBe(0);

    const cursor = await manifestCursor(app, picker);
    const validOnly = importReportSchema.parse((await as(supervisor, 'POST', url('import'), { kind: 'products', csv, mode: 'valid-only' })).json());
    expect(validOnly).toMatchObject({ imported: 1, valid: 1 });
    expect(await count()).toBe(1);
    // Devices pull the new product on their next sync.
    const pulled = await pullAll(app, picker, cursor);
    expect(pulled.products.map((p) => p.sku)).toContain('NEW-A');
  });

  it('answers a file that is not CSV, or misses a column, with the reason', async () => {
    const unclosed = importReportSchema.parse((await as(supervisor, 'POST', url('import'), { kind: 'bins', csv: 'code,zone,walk_seq\n"A-1,A,1\n', mode: 'all' })).json());
    expect(unclosed.problems[0]!.message).toContain('never closed');
    const missing = importReportSchema.parse((await as(supervisor, 'POST', url('import'), { kind: 'stock', csv: 'bin,sku\nA,B\n', mode: 'all' })).json());
    expect(missing.problems).toEqual([{ line: 1, column: 'qty', message: expect.stringContaining('required') }]);
    const bad = await as(supervisor, 'POST', url('import'), { kind: 'pallets', csv: 'x', mode: 'all' });
    expect(bad.statusCode).toBe(400);
  });

  it('imports bins (making their zone) and opening stock into the ledger, and exports both', async () => {
    const bins = importReportSchema.parse((await as(supervisor, 'POST', url('import'), { kind: 'bins', csv: 'code,zone,walk_seq\nN-01-01-1,N,90001\nN-01-01-2,N,90002\n', mode: 'all' })).json());
    expect(bins).toMatchObject({ imported: 2, problems: [] });
    const product = floor.data.products.find((p) => !p.lotTracked && !p.expiryTracked)!;
    const stock = importReportSchema.parse((await as(supervisor, 'POST', url('import'), { kind: 'stock', csv: `bin,sku,qty\nN-01-01-1,${product.sku},40\n`, mode: 'all' })).json());
    expect(stock).toMatchObject({ imported: 1, problems: [] });
    expect(await balanceOf(test.db, 'N-01-01-1', product.id)).toBe(40);
    // Setting it again posts only the difference.
    await as(supervisor, 'POST', url('import'), { kind: 'stock', csv: `bin,sku,qty\nN-01-01-1,${product.sku},35\n`, mode: 'all' });
    const moves = await test.db.query<{ delta: number }>(`select qty_delta as delta from stock_movements where warehouse_id = $1 and bin_code = 'N-01-01-1' order by occurred_at`, [W]);
    expect(moves.map((m) => m.delta)).toEqual([40, -5]);

    const exported = await as(supervisor, 'GET', url('export/stock.csv'));
    expect(exported.headers['content-type']).toContain('text/csv');
    const rows = readCsv(exported.body);
    expect(rows.ok && rows.rows.find((r) => r.cells.bin === 'N-01-01-1')?.cells).toMatchObject({ sku: product.sku, qty: '35', zone: 'N' });
    const ledger = readCsv((await as(supervisor, 'GET', url('export/ledger.csv'))).body);
    expect(ledger.ok && ledger.rows.filter((r) => r.cells.bin === 'N-01-01-1').map((r) => [r.cells.kind, r.cells.qty_change])).toEqual([['import', '40'], ['import', '-5']]);
  });

  it('makes pick lists from order lines on the bins holding the stock, nothing when a row is bad, and counts by zone and by days not counted', async () => {
    const line = floor.line;
    const sku = floor.data.products.find((p) => p.id === line.productId)!.sku;
    const byHand = await as(supervisor, 'POST', url('tasks'), { kind: 'pick', reference: 'SO-HAND-1', assignedTo: 'picker1', lines: [{ sku, qty: 2 }] });
    expect(byHand.statusCode, byHand.body).toBe(201);
    const [made] = await test.db.query<{ bin: string; qty: number; assigned: string }>(
      `select l.bin_code as bin, l.qty, t.assigned_to as assigned from task_lines l join tasks t on t.warehouse_id = l.warehouse_id and t.id = l.task_id where t.reference = 'SO-HAND-1'`,
    );
    expect(made).toMatchObject({ qty: 2, assigned: 'u-picker1' });
    expect(await balanceOf(test.db, made!.bin, line.productId)).toBeGreaterThanOrEqual(2);

    const tooMany = await as(supervisor, 'POST', url('tasks'), { kind: 'pick', reference: 'SO-HAND-2', assignedTo: null, lines: [{ sku, qty: 900_000 }] });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error.message).toContain('in stock');
    const wrongJob = await as(supervisor, 'POST', url('tasks'), { kind: 'pick', reference: 'SO-HAND-3', assignedTo: 'counter1', lines: [{ sku, qty: 1 }] });
    expect(wrongJob.json().error.message).toContain('does not do pick work');

    const csv = `order,sku,qty\nSO-CSV-1,${sku},1\nSO-CSV-2,${sku},1\nSO-CSV-2,NOPE,1\n`;
    const refused = await as(supervisor, 'POST', url('tasks-csv'), { kind: 'pick', csv, assignedTo: null, mode: 'all' });
    expect(refused.statusCode).toBe(200);
    expect(createdTasksSchema.parse(refused.json()).problems).toEqual([{ line: 4, column: 'sku', message: expect.stringContaining('NOPE') }]);
    expect(await test.db.query(`select 1 from tasks where reference like 'SO-CSV-%'`)).toEqual([]);
    const accepted = createdTasksSchema.parse((await as(supervisor, 'POST', url('tasks-csv'), { kind: 'pick', csv: csv.split('\n').slice(0, 3).join('\n'), assignedTo: null, mode: 'all' })).json());
    expect(accepted.tasks.map((t) => t.reference)).toEqual(['SO-CSV-1', 'SO-CSV-2']);

    const receipt = createdTasksSchema.parse((await as(supervisor, 'POST', url('tasks-csv'), { kind: 'putaway', csv: `receipt,sku,qty\nPO-CSV-1,${sku},12\n`, assignedTo: 'picker1', mode: 'all' })).json());
    expect(receipt.tasks).toMatchObject([{ reference: 'PO-CSV-1', lines: 1 }]);

    const zone = floor.data.bins[0]!.zone;
    const byZone = await as(supervisor, 'POST', url('tasks'), { kind: 'count', reference: 'Count zone', assignedTo: null, zone });
    expect(byZone.json().lines).toBe(floor.data.bins.filter((b) => b.zone === zone).length);
    const stale = await as(supervisor, 'POST', url('tasks'), { kind: 'count', reference: 'Not counted', assignedTo: 'counter1', notCountedForDays: 30 });
    expect(stale.statusCode).toBe(201);
    const twoWays = await as(supervisor, 'POST', url('tasks'), { kind: 'count', reference: 'x', assignedTo: null, zone, notCountedForDays: 3 });
    expect(twoWays.statusCode).toBe(400);

    // An open task is given to someone; devices pull it; the console lists it.
    const cursor = await manifestCursor(app, picker);
    const assign = await as(supervisor, 'POST', url(`tasks/${accepted.tasks[0]!.id}/assign`), { assignedTo: 'picker1' });
    expect(assign.statusCode).toBe(204);
    const pulled = await pullAll(app, picker, cursor);
    expect(pulled.tasks.find((t) => t.id === accepted.tasks[0]!.id)?.assignedTo).toBe('u-picker1');
    const list = taskSummaryListSchema.parse((await as(supervisor, 'GET', url('tasks'))).json());
    expect(list.tasks.find((t) => t.reference === 'SO-CSV-1')).toMatchObject({ assignedTo: 'picker1', status: 'open', lines: 1, linesDone: 0 });
  });

  it('shows what a device did: activity by bin and product, its detail with sync history, the chart, exceptions; a rejection resolved reaches the device', async () => {
    const device = await signIn(app, 'picker1', '1111');
    const ops = new DeviceOps(device.body.user.id);
    const cursor = await manifestCursor(app, device);
    const list = floor.pickLists[1]!;
    const line = list.lines[0]!;
    const batch = [
      ops.next({ type: 'task-taken', taskId: list.id }),
      ops.next(pickOf(list, line.lineNo, 1)),
      ops.next(putawayOf('NO-SUCH-BIN', line.productId!, 1)),
      ops.next({ type: 'pick-short', taskId: list.id, lineNo: line.lineNo, binCode: line.binCode!, productId: line.productId!, shortQty: 1, reason: 'damaged' }),
    ];
    const pushed = await push(app, device, batch);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected', 'applied']);
    // Two syncs' statuses: the second tells how the first run went.
    await app.inject({ method: 'POST', url: '/api/sync/pull', headers: device.headers, payload: { warehouseId: W, cursor, status: STATUS } });
    await app.inject({ method: 'POST', url: '/api/sync/pull', headers: device.headers, payload: { warehouseId: W, cursor, status: { ...STATUS, previousRun: { startedAt: new Date().toISOString(), durationMs: 420, pushed: 4, pulledPages: 1, error: null } } } });

    const byBin = activityListSchema.parse((await as(supervisor, 'GET', `${url('activity')}?bin=${line.binCode}&user=picker1`)).json());
    expect(byBin.entries.map((e) => e.opId)).toEqual(expect.arrayContaining([batch[1]!.opId, batch[3]!.opId]));
    const product = floor.data.products.find((p) => p.id === line.productId)!;
    const byCode = activityListSchema.parse((await as(supervisor, 'GET', `${url('activity')}?product=${product.codes[0]!.printed}&device=${device.deviceId.slice(0, 8)}`)).json());
    expect(byCode.entries.every((e) => e.deviceId === device.deviceId)).toBe(true);
    expect(byCode.entries.find((e) => e.opId === batch[1]!.opId)).toMatchObject({ type: 'pick', qty: 1, productName: product.name, username: 'picker1' });
    expect((await as(supervisor, 'GET', `${url('activity')}?product=NOTHING`)).statusCode).toBe(404);

    const detail = deviceDetailSchema.parse((await as(supervisor, 'GET', apiPaths.deviceDetail(device.deviceId))).json());
    expect(detail.operations.map((o) => o.deviceSeq)).toEqual([4, 3, 2, 1]);
    expect(detail.rejected.map((o) => o.opId)).toEqual([batch[2]!.opId]);
    expect(detail.syncs[0]!.run).toMatchObject({ durationMs: 420, pushed: 4 });
    expect(detail.syncs.at(-1)!.pushed).toBe(0);

    const chart = shiftChartSchema.parse((await as(supervisor, 'GET', url('chart'))).json());
    expect(chart.hours.filter((h) => h.deviceId === device.deviceId).reduce((n, h) => n + h.operations, 0)).toBe(4);

    const exceptions = floorExceptionsSchema.parse((await as(supervisor, 'GET', url('exceptions'))).json());
    expect(exceptions.shortPicks.find((s) => s.opId === batch[3]!.opId)).toMatchObject({ qty: 1, reason: 'damaged', username: 'picker1' });
    const flag = exceptions.flags.find((f) => f.opId === batch[3]!.opId && f.kind === 'count-requested')!;
    expect(flag.binCode).toBe(line.binCode);
    expect((await as(supervisor, 'POST', url(`flags/${flag.id}/resolve`), { note: 'Counted, all there' })).statusCode).toBe(204);
    expect((await as(supervisor, 'POST', url(`flags/${flag.id}/resolve`), { note: 'again' })).statusCode).toBe(404);

    const rejected = activityListSchema.parse((await as(supervisor, 'GET', url('rejected'))).json());
    expect(rejected.entries.map((e) => e.opId)).toContain(batch[2]!.opId);
    expect((await as(supervisor, 'POST', url(`rejected/${batch[2]!.opId}/resolve`), { note: '' })).statusCode).toBe(400);
    expect((await as(supervisor, 'POST', url(`rejected/${batch[2]!.opId}/resolve`), { note: 'Bin label was wrong; relabelled' })).statusCode).toBe(204);
    expect((await as(supervisor, 'POST', url(`rejected/${batch[1]!.opId}/resolve`), { note: 'x' })).statusCode).toBe(409);
    const after = activityListSchema.parse((await as(supervisor, 'GET', url('rejected'))).json());
    expect(after.entries.map((e) => e.opId)).not.toContain(batch[2]!.opId);
    const fates = await pullAll(app, device, cursor);
    expect(fates.operations.find((o) => o.opId === batch[2]!.opId)).toMatchObject({ status: 'rejected', settled: true });
  });

  it('approves a selection of counts waiting for review at once, reporting any decided already', async () => {
    const counter = await signIn(app, 'counter1', '2222');
    const ops = new DeviceOps(counter.body.user.id);
    const bins = floor.data.bins.filter((b) => floor.data.stock.some((s) => s.binCode === b.code && !floor.data.products.find((p) => p.id === s.productId)!.lotTracked)).slice(2, 4);
    const counts = bins.map((b) => {
      const stock = floor.data.stock.find((s) => s.binCode === b.code && !floor.data.products.find((p) => p.id === s.productId)!.lotTracked)!;
      return { bin: b.code, productId: stock.productId, op: ops.next(countOf(b.code, new Date(), [{ productId: stock.productId, counted: 500 }])) };
    });
    const answer = await push(app, counter, counts.map((c) => c.op));
    expect(answer.results.map((r) => r.status)).toEqual(['review', 'review']);
    const reviews = countReviewListSchema.parse((await as(supervisor, 'GET', url('count-reviews'))).json());
    const mine = reviews.reviews.filter((r) => counts.some((c) => c.op.opId === r.opId));
    expect(mine[0]!.lines.find((l) => l.counted === 500)).toMatchObject({ sku: expect.any(String), productName: expect.any(String) });
    const bulk = await as(supervisor, 'POST', url('count-reviews-bulk'), { opIds: [...counts.map((c) => c.op.opId), counts[0]!.op.opId], decision: 'approve' });
    expect(bulk.json()).toEqual({ decided: counts.map((c) => c.op.opId), failed: [] });
    for (const c of counts) expect(await balanceOf(test.db, c.bin, c.productId)).toBe(500);
    const again = await as(supervisor, 'POST', url('count-reviews-bulk'), { opIds: [counts[0]!.op.opId], decision: 'approve' });
    expect(again.json()).toMatchObject({ decided: [], failed: [{ opId: counts[0]!.op.opId, message: expect.stringContaining('decided already') }] });
  });
});
