/**
 * What is stored is safe to read (issue 12), on PGlite and PostgreSQL: a database holding
 * every kind of poisoned step (fractional, textual and huge quantities, NUL characters,
 * nesting, a missing payload, a device whose sequence starts past 2^31) answers every
 * console route, and a step stored as sent by an older server is made opaque by the
 * migration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../src/protocol/paths';
import { hasControlCharacter } from '../../src/protocol/wireText';
import { migrate } from '../../src/server/storage/migrate';
import { migrations } from '../../src/server/storage/migrations';
import { appOn, createTestDatabase, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type SignedIn, type TestDatabase } from './testServer';
import { DeviceOps, floorOfSmallMain, push, putawayOf } from './syncHelpers';

const floor = floorOfSmallMain();

describe.each(databaseKinds)('poisoned steps on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let supervisor: SignedIn;
  let poisoner: SignedIn;
  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    app = await appOn(test.db, { signInRatePerMinute: 1000 });
    supervisor = await signIn(app, 'super1', '9999');
    poisoner = await signIn(app, 'picker1', '1111');
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it('rejects each poisoned step with a reason, stores it opaque, and every console route still answers', async () => {
    const ops = new DeviceOps(poisoner.body.user.id);
    const put = putawayOf(floor.emptyBin, floor.line.productId, 1);
    let deep: unknown = 1;
    for (let i = 0; i < 1_000; i += 1) deep = [deep];
    const poisons: unknown[] = [
      { ...put, qty: 0.5 },
      { ...put, qty: 'abc' },
      { ...put, qty: 1e308 },
      { ...put, lot: 'A\u0000B' },
      { ...put, binCode: '\u0000' },
      { ...put, productId: 'x'.repeat(10_000) },
      { type: 'pick-short', shortQty: '7', taskId: '\u0000' },
      { type: 'rejection-settled', rejectedOpId: 'not-a-uuid', note: '\u0000' },
      'a string with \u0000 in it',
      deep,
      null,
    ];
    const answer = await push(app, poisoner, poisons.map((payload) => ops.next(payload)));
    expect(answer.results).toHaveLength(poisons.length);
    for (const result of answer.results) {
      expect(result.status).toBe('rejected');
      expect(result.why?.code).toBe('op-bad-payload');
      expect(hasControlCharacter(result.message ?? '')).toBe(false);
    }
    expect(answer.nextSeq).toBe(poisons.length + 1);
    const stored = await test.db.query<{ payload: unknown; raw: string | null; type: string }>(`select payload, raw_payload as raw, type from operations where device_id = $1`, [poisoner.deviceId]);
    expect(stored).toHaveLength(poisons.length);
    expect(stored.every((row) => row.payload === null && typeof row.raw === 'string' && row.type === 'unreadable')).toBe(true);
    // Sent again, each gets its first answer; nothing is stored twice.
    const again = await push(app, poisoner, answer.results.map((r, i) => ({ opId: r.opId, deviceSeq: r.deviceSeq, userId: ops.userId, createdAt: new Date(Date.now()).toISOString(), payload: poisons[i] })));
    expect(again.results.every((r) => r.status === 'rejected' || r.status === 'conflict')).toBe(true);

    // A valid step from a device whose numbering starts past 2^31, and one a worker undoes whose target is unreadable.
    const late = await signIn(app, 'picker1', '1111');
    const lateOps = new DeviceOps(late.body.user.id);
    const start = 2 ** 31 + 5;
    const step = { ...lateOps.next(putawayOf(floor.emptyBin, floor.line.productId, 2)), deviceSeq: start };
    const undoUnreadable = { ...lateOps.next({ type: 'undo', undoesOpId: answer.results[0]!.opId }), deviceSeq: start + 1 };
    const settleUnreadable = { ...lateOps.next({ type: 'rejection-settled', rejectedOpId: answer.results[1]!.opId, how: 'dismissed', note: 'test', fixedByOpId: null }), deviceSeq: start + 2 };
    const lateAnswer = await app.inject({ method: 'POST', url: apiPaths.syncPush, headers: late.headers, payload: { warehouseId: 'wh-main', sentAt: new Date().toISOString(), operations: [step, undoUnreadable, settleUnreadable], sequenceStartsAt: start } });
    expect(lateAnswer.statusCode, lateAnswer.body).toBe(200);
    expect(lateAnswer.json<{ results: { status: string; why: { code: string } | null }[] }>().results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected']);

    const url = (rest: string) => apiPaths.console('wh-main', rest);
    const routes = [
      url('activity'),
      url(`activity?device=${poisoner.deviceId.slice(0, 8)}`),
      url('activity?user=picker1'),
      url(`activity?bin=${floor.emptyBin}`),
      url(`activity?product=${floor.line.productId}`),
      url('chart'),
      url('rejected'),
      url('exceptions'),
      url('deviations'),
      url('tasks'),
      url('people'),
      url('count-reviews'),
      url('count-reviews-history'),
      url('export/stock.csv'),
      url('export/ledger.csv'),
      apiPaths.supervisorDevices,
      apiPaths.deviceDetail(poisoner.deviceId),
      apiPaths.deviceDetail(late.deviceId),
    ];
    for (const route of routes) {
      const response = await app.inject({ method: 'GET', url: route, headers: supervisor.headers });
      expect(response.statusCode, `${route}: ${response.body.slice(0, 300)}`).toBe(200);
    }
    const rejected = (await app.inject({ method: 'GET', url: url('rejected'), headers: supervisor.headers })).json<{ entries: { opId: string; qty: number | null; binCode: string | null }[] }>();
    const poisoned = rejected.entries.filter((e) => answer.results.some((r) => r.opId === e.opId));
    expect(poisoned.length).toBeGreaterThan(0);
    expect(poisoned.every((e) => e.qty === null && e.binCode === null)).toBe(true);
    const detail = (await app.inject({ method: 'GET', url: apiPaths.deviceDetail(late.deviceId), headers: supervisor.headers })).json<{ operations: { deviceSeq: number }[] }>();
    expect(detail.operations.map((r) => r.deviceSeq)).toContain(start);
  });
});

describe('a step stored as sent by an older server', () => {
  it('is made opaque by migration 7, so no query reads its payload', async () => {
    const test = await createTestDatabase('pglite');
    try {
      await test.db.transaction(async (tx) => {
        await tx.execScript('create table schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())');
        for (const m of migrations.filter((m) => m.version < 7)) await tx.execScript(m.sql);
        await tx.query(`insert into schema_migrations (version, name) select v, 'old' from generate_series(1, 6) as v`);
        await tx.query(`insert into warehouses (id, code, name) values ('wh-old', 'OLD', 'Old')`);
        await tx.query(`insert into users (id, username, display_name, role, pin_hash) values ('u-x', 'x', 'X', 'worker', 'none')`);
        await tx.query(`insert into devices (device_id) values ('dev-old')`);
        await tx.query(
          `insert into operations (op_id, warehouse_id, device_id, device_seq, user_id, type, payload, created_at, occurred_at, status, why, message)
           values (gen_random_uuid(), 'wh-old', 'dev-old', 1, 'u-x', 'putaway', $1::json, now(), now(), 'rejected', '{"code":"op-bad-payload","detail":"qty"}', 'bad'),
                  (gen_random_uuid(), 'wh-old', 'dev-old', 2, 'u-x', 'putaway', $2::json, now(), now(), 'rejected', '{"code":"op-unknown-bin","bin":"x"}', 'bad')`,
          ['{"type":"putaway","qty":"abc"}', '{"type":"putaway","lot":"\\u0000","qty":1}'],
        );
      });
      expect(await migrate(test.db)).toContain(7);
      const rows = await test.db.query<{ payload: unknown; raw: string; type: string }>(`select payload, raw_payload as raw, type from operations order by device_seq`);
      expect(rows).toEqual([
        { payload: null, raw: '{"type":"putaway","qty":"abc"}', type: 'unreadable' },
        { payload: null, raw: '{"type":"putaway","lot":"\\u0000","qty":1}', type: 'unreadable' },
      ]);
      // The activity log's reads of the payload do not fail on them.
      await test.db.query(`select (payload ->> 'qty')::float8, payload ->> 'lot' from operations`);
    } finally {
      await test.drop();
    }
  });
});
