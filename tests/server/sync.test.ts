/**
 * Push and pull through the HTTP surface, on PGlite and PostgreSQL: each operation
 * applied once whatever retries, duplicates and races arrive; gaps refused; a poison
 * operation rejected with a reason while those behind it apply; counts as snapshots;
 * pulls in commit order that never skip a late commit.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { countReviewListSchema } from '../../src/protocol/countReviews';
import { deviceListSchema } from '../../src/protocol/devices';
import { appOn, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type SignedIn, type TestDatabase } from './testServer';
import { STATUS, DeviceOps, balanceOf, countOf, floorOfSmallMain, manifestCursor, pickOf, pull, pullAll, push, putawayOf } from './syncHelpers';

const floor = floorOfSmallMain();
const { pickList, openList, emptyBin } = floor;
const firstLine = pickList.lines[0]!;

describe.each(databaseKinds)('sync on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    // Many devices sign in here; the per-address brake on sign-ins is tested elsewhere.
    app = await appOn(test.db, { signInRatePerMinute: 1000 });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  async function device(username = 'picker1', pin = '1111'): Promise<{ signedIn: SignedIn; ops: DeviceOps }> {
    const signedIn = await signIn(app, username, pin);
    return { signedIn, ops: new DeviceOps(signedIn.body.user.id) };
  }

  it('applies each operation once and answers a retry with the stored fate', async () => {
    const { signedIn, ops } = await device();
    const before = await balanceOf(test.db, firstLine.binCode!, firstLine.productId!, firstLine.lot ?? '');
    const batch = [ops.next(pickOf(pickList, firstLine.lineNo, 1)), ops.next(putawayOf(emptyBin, firstLine.productId!, 3, firstLine.lot ?? ''))];
    const first = await push(app, signedIn, batch);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(first.nextSeq).toBe(3);
    const retry = await push(app, signedIn, batch);
    expect(retry.results).toEqual(first.results);
    expect(await balanceOf(test.db, firstLine.binCode!, firstLine.productId!, firstLine.lot ?? '')).toBe(before - 1);
    expect(await balanceOf(test.db, emptyBin, firstLine.productId!, firstLine.lot ?? '')).toBe(3);
  });

  it('refuses the same id with another payload, recording nothing', async () => {
    const { signedIn, ops } = await device();
    const op = ops.next(putawayOf(emptyBin, firstLine.productId!, 1, firstLine.lot ?? ''));
    await push(app, signedIn, [op]);
    const changed = { ...op, payload: putawayOf(emptyBin, firstLine.productId!, 50, firstLine.lot ?? '') };
    const answer = await push(app, signedIn, [changed]);
    expect(answer.results).toMatchObject([{ opId: op.opId, status: 'conflict', why: { code: 'op-id-reused' } }]);
    const [row] = await test.db.query<{ qty: number }>(`select (payload->>'qty')::int as qty from operations where op_id = $1`, [op.opId]);
    expect(row?.qty).toBe(1);
  });

  it('refuses a gap in the sequence and takes the batch again from where it stopped', async () => {
    const { signedIn, ops } = await device();
    const [a, b, c] = [ops.next(putawayOf(emptyBin, firstLine.productId!, 1, firstLine.lot ?? '')), ops.next(putawayOf(emptyBin, firstLine.productId!, 1, firstLine.lot ?? '')), ops.next(putawayOf(emptyBin, firstLine.productId!, 1, firstLine.lot ?? ''))];
    const gap = await push(app, signedIn, [b!, c!]);
    expect(gap).toMatchObject({ results: [], nextSeq: 1 });
    const healed = await push(app, signedIn, [a!, b!, c!]);
    expect(healed.results.map((r) => [r.deviceSeq, r.status])).toEqual([[1, 'applied'], [2, 'applied'], [3, 'applied']]);
    // A reorder inside a batch stops at the first operation out of order.
    const [d, e] = [ops.next(putawayOf(emptyBin, firstLine.productId!, 1, firstLine.lot ?? '')), ops.next(putawayOf(emptyBin, firstLine.productId!, 1, firstLine.lot ?? ''))];
    const reordered = await push(app, signedIn, [e!, d!]);
    expect(reordered).toMatchObject({ results: [], nextSeq: 4 });
  });

  it('rejects a poison operation with a reason and applies those behind it', async () => {
    const { signedIn, ops } = await device();
    const batch = [
      ops.next(putawayOf(emptyBin, firstLine.productId!, 2, firstLine.lot ?? '')),
      ops.next(putawayOf('Z-99-99-9', firstLine.productId!, 2)),
      ops.next({ type: 'putaway', qty: 'lots' }),
      ops.next(putawayOf(emptyBin, firstLine.productId!, 2, firstLine.lot ?? '')),
    ];
    const before = await balanceOf(test.db, emptyBin, firstLine.productId!, firstLine.lot ?? '');
    const answer = await push(app, signedIn, batch);
    expect(answer.results.map((r) => [r.status, r.why?.code ?? null])).toEqual([
      ['applied', null],
      ['rejected', 'op-unknown-bin'],
      ['rejected', 'op-bad-payload'],
      ['applied', null],
    ]);
    expect(answer.results[1]!.message).toContain('Z-99-99-9');
    expect(answer.nextSeq).toBe(5);
    expect(await balanceOf(test.db, emptyBin, firstLine.productId!, firstLine.lot ?? '')).toBe(before + 4);
  });

  it('pulls what changed after the download: bins with their stock, tasks, and the fate of its own operations', async () => {
    const { signedIn, ops } = await device();
    const cursor = await manifestCursor(app, signedIn);
    const list = floor.pickLists[1]!;
    const line = list.lines[0]!;
    const answer = await push(app, signedIn, [ops.next(pickOf(list, line.lineNo, 1))]);
    const changes = await pullAll(app, signedIn, cursor);
    const bin = changes.bins.find((b) => b.code === line.binCode)!;
    expect(bin.stock.find((s) => s.productId === line.productId && s.lot === (line.lot ?? ''))?.qty).toBe(await balanceOf(test.db, line.binCode!, line.productId!, line.lot ?? ''));
    expect(changes.tasks.find((t) => t.id === list.id)).toMatchObject({ status: 'in-progress', workedOnDevice: signedIn.deviceId });
    // The push's answer told the device its step's fate; a pull tells only later changes of it.
    expect(changes.operations.find((o) => o.opId === answer.results[0]!.opId)).toBeUndefined();
    // Every page says how far it reaches; the last reaches the clock of the push.
    expect(BigInt(changes.pages.at(-1)!.clock)).toBeGreaterThanOrEqual(BigInt(answer.results[0]!.clock!));
    const again = await pullAll(app, signedIn, changes.cursor);
    expect([again.bins, again.tasks, again.operations, again.products].map((l) => l.length)).toEqual([0, 0, 0, 0]);
    // Undone by a later step: that change of fate comes with the next pull.
    await push(app, signedIn, [ops.next({ type: 'undo', undoesOpId: answer.results[0]!.opId })]);
    const later = await pullAll(app, signedIn, again.cursor);
    expect(later.operations).toContainEqual(expect.objectContaining({ opId: answer.results[0]!.opId, status: 'undone' }));
    // Other devices' operations are theirs alone.
    const other = await device('super1', '9999');
    const theirs = await pullAll(app, other.signedIn, cursor);
    expect(theirs.operations.find((o) => o.opId === answer.results[0]!.opId)).toBeUndefined();
  });

  it('pages in commit order and resumes exactly where a page ended', async () => {
    const { signedIn } = await device();
    const small = await pullAll(app, signedIn, null, 37);
    const whole = await pullAll(app, signedIn, null);
    expect(small.pages.length).toBeGreaterThan(3);
    expect(small.products.map((p) => p.id).sort()).toEqual(whole.products.map((p) => p.id).sort());
    expect(new Set(small.bins.map((b) => b.code)).size).toBe(small.bins.length);
    expect(small.bins.length).toBe(whole.bins.length);
  });

  it('keeps a count as a snapshot: a pick done before it but sent after it does not change the balance', async () => {
    const counter = await device('counter1', '2222');
    const picker = await device();
    // A list and bin no other test here touches: the book at the count's moment is what the database holds now.
    const list = floor.pickLists[2]!;
    const line = list.lines.at(-1)!;
    const key = [line.binCode!, line.productId!, line.lot ?? ''] as const;
    const t0 = Date.now();
    const pickedAt = new Date(t0 - 60_000); // picked a minute ago, offline
    const countedAt = new Date(t0 - 30_000); // counted after that: the count saw the pick
    const book = await balanceOf(test.db, ...key);
    const counted = Math.max(0, book - 1);
    await push(app, counter.signedIn, [counter.ops.next(countOf(line.binCode!, countedAt, [{ productId: line.productId!, lot: line.lot ?? '', counted }]), countedAt)]);
    expect(await balanceOf(test.db, ...key)).toBe(counted);
    await push(app, picker.signedIn, [picker.ops.next(pickOf(list, line.lineNo, 2), pickedAt)]);
    expect(await balanceOf(test.db, ...key)).toBe(counted);
    // Work after the count is kept on top of it.
    await push(app, picker.signedIn, [picker.ops.next(putawayOf(line.binCode!, line.productId!, 5, line.lot ?? ''))]);
    expect(await balanceOf(test.db, ...key)).toBe(counted + 5);
  });

  it('sends a count far off to review instead of posting it', async () => {
    const counter = await device('counter1', '2222');
    const bin = floor.line.binCode;
    const before = await balanceOf(test.db, bin, floor.line.productId);
    const answer = await push(app, counter.signedIn, [counter.ops.next(countOf(bin, new Date(), [{ productId: floor.line.productId, counted: before + 40 }]))]);
    expect(answer.results[0]).toMatchObject({ status: 'review', why: null });
    expect(await balanceOf(test.db, bin, floor.line.productId)).toBe(before);
    const [review] = await test.db.query<{ status: string; lines: { counted: number; qty: number }[] }>('select status, lines from count_reviews where op_id = $1', [answer.results[0]!.opId]);
    expect(review).toMatchObject({ status: 'waiting', lines: [{ counted: before + 40, qty: before }] });
  });

  it('lets a supervisor approve a count in review (posted as of its moment, later work kept) or reject one; never a picker', async () => {
    const counter = await device('counter1', '2222');
    const picker = await device();
    const supervisor = await signIn(app, 'super1', '9999');
    const list = floor.pickLists[0]!;
    const line = list.lines.at(-1)!;
    const key = [line.binCode!, line.productId!, line.lot ?? ''] as const;
    const book = await balanceOf(test.db, ...key);
    const countedAt = new Date();
    const counted = book + 30;
    const answer = await push(app, counter.signedIn, [counter.ops.next(countOf(line.binCode!, countedAt, [{ productId: line.productId!, lot: line.lot ?? '', counted }]), countedAt)]);
    expect(answer.results[0]!.status).toBe('review');
    // Work after the count arrives while it waits.
    await push(app, picker.signedIn, [picker.ops.next(pickOf(list, line.lineNo, 1), new Date(Date.now() + 1000))]);
    const url = `/api/supervisor/warehouses/wh-main/count-reviews`;
    expect((await app.inject({ method: 'GET', url, headers: picker.signedIn.headers })).statusCode).toBe(403);
    const listed = countReviewListSchema.parse((await app.inject({ method: 'GET', url, headers: supervisor.headers })).json());
    expect(listed.reviews.find((r) => r.opId === answer.results[0]!.opId)).toMatchObject({ binCode: line.binCode, lines: expect.arrayContaining([expect.objectContaining({ qty: book, counted })]) });
    const decide = (headers: Record<string, string>, decision: string) => app.inject({ method: 'POST', url: `${url}/${answer.results[0]!.opId}`, headers, payload: { decision } });
    expect((await decide(picker.signedIn.headers, 'approve')).statusCode).toBe(403);
    expect((await decide(supervisor.headers, 'approve')).statusCode).toBe(204);
    expect(await balanceOf(test.db, ...key)).toBe(counted - 1);
    expect((await decide(supervisor.headers, 'approve')).statusCode).toBe(404); // decided already
    // The counting device learns the fate on its next pull.
    const changes = await pullAll(app, counter.signedIn, null);
    expect(changes.operations.find((o) => o.opId === answer.results[0]!.opId)?.status).toBe('applied');

    // A rejected count leaves the stock and tells the device why.
    const far = await push(app, counter.signedIn, [counter.ops.next(countOf(line.binCode!, new Date(), [{ productId: line.productId!, lot: line.lot ?? '', counted: 1000 }]))]);
    expect(far.results[0]!.status).toBe('review');
    await app.inject({ method: 'POST', url: `${url}/${far.results[0]!.opId}`, headers: supervisor.headers, payload: { decision: 'reject', note: 'scanned the wrong shelf' } });
    expect(await balanceOf(test.db, ...key)).toBe(counted - 1);
    const after = await pullAll(app, counter.signedIn, null);
    expect(after.operations.find((o) => o.opId === far.results[0]!.opId)).toMatchObject({ status: 'rejected', why: { code: 'op-count-rejected', note: 'scanned the wrong shelf' } });

    // Sent for recount: the stock stays, an open count task for the bin reaches the devices.
    const again = await push(app, counter.signedIn, [counter.ops.next(countOf(line.binCode!, new Date(), [{ productId: line.productId!, lot: line.lot ?? '', counted: 2000 }]))]);
    const recount = await app.inject({ method: 'POST', url: `${url}/${again.results[0]!.opId}`, headers: supervisor.headers, payload: { decision: 'recount' } });
    expect(recount.statusCode).toBe(201);
    const { recountTaskId } = recount.json<{ recountTaskId: string }>();
    expect(await balanceOf(test.db, ...key)).toBe(counted - 1);
    const pulled = await pullAll(app, counter.signedIn, after.cursor);
    expect(pulled.tasks.find((t) => t.id === recountTaskId)).toMatchObject({ kind: 'count', status: 'open', assignedTo: null, lines: [{ lineNo: 1, binCode: line.binCode }] });
    expect(pulled.operations.find((o) => o.opId === again.results[0]!.opId)).toMatchObject({ status: 'rejected', why: { code: 'op-count-recount', bin: line.binCode } });
  });

  it('gives an open task to the first who takes it and refuses the next, naming who has it', async () => {
    const first = await device();
    const second = await device('super1', '9999');
    const taken = await push(app, first.signedIn, [first.ops.next({ type: 'task-taken', taskId: openList.id })]);
    expect(taken.results[0]!.status).toBe('applied');
    const late = await push(app, second.signedIn, [second.ops.next({ type: 'task-taken', taskId: openList.id })]);
    expect(late.results[0]).toMatchObject({ status: 'rejected', why: { code: 'task-taken', by: 'Pat Picker' } });
  });

  it('applies once when two tabs push the same operations at the same time, many times over', async () => {
    const { signedIn, ops } = await device();
    const batch = Array.from({ length: 20 }, () => ops.next(putawayOf(emptyBin, firstLine.productId!, 1, firstLine.lot ?? '')));
    const before = await balanceOf(test.db, emptyBin, firstLine.productId!, firstLine.lot ?? '');
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => push(app, signedIn, i % 2 === 0 ? batch : batch.slice(0, 10))));
    for (const answer of answers) expect(answer.results.every((r) => r.status === 'applied')).toBe(true);
    expect(await balanceOf(test.db, emptyBin, firstLine.productId!, firstLine.lot ?? '')).toBe(before + 20);
    const [row] = await test.db.query<{ n: number }>('select count(*)::int as n from operations where device_id = $1', [signedIn.deviceId]);
    expect(row?.n).toBe(20);
  });

  it('applies once when the device switches between two servers on one database mid-sync', async () => {
    const other = await appOn(await test.openAnother());
    try {
      const { signedIn, ops } = await device();
      const batch = Array.from({ length: 30 }, () => ops.next(putawayOf(emptyBin, firstLine.productId!, 1, firstLine.lot ?? '')));
      const before = await balanceOf(test.db, emptyBin, firstLine.productId!, firstLine.lot ?? '');
      await push(app, signedIn, batch.slice(0, 20));
      // The answer was lost; the device retries on the other server, overlapping.
      const answer = await push(other, signedIn, batch.slice(10));
      expect(answer.results.map((r) => r.deviceSeq)).toEqual(batch.slice(10).map((op) => op.deviceSeq));
      await push(app, signedIn, batch);
      expect(await balanceOf(test.db, emptyBin, firstLine.productId!, firstLine.lot ?? '')).toBe(before + 30);
    } finally {
      await other.close();
    }
  });

  it('refuses operations of another user on this device', async () => {
    const { signedIn } = await device();
    const response = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: signedIn.headers,
      payload: { warehouseId: 'wh-main', sentAt: new Date().toISOString(), operations: [{ ...new DeviceOps('u-counter1').next(putawayOf(emptyBin, firstLine.productId!, 1)) }] },
    });
    expect(response.statusCode).toBe(403);
  });

  it('shows supervisors what each device said of itself at its last pull, and its rejected steps not yet settled', async () => {
    const { signedIn, ops } = await device();
    await push(app, signedIn, [ops.next(putawayOf('Z-00-00-0', firstLine.productId!, 1))]);
    const status = { ...STATUS, pending: 4, oldestPendingAt: '2026-11-23T08:00:00.000Z', persisted: true, usageBytes: 1234, quotaBytes: 99999, lastError: 'offline' };
    await app.inject({ method: 'POST', url: '/api/sync/pull', headers: signedIn.headers, payload: { warehouseId: 'wh-main', cursor: null, limit: 1, status } });
    const supervisor = await signIn(app, 'super1', '9999');
    const { devices } = deviceListSchema.parse((await app.inject({ method: 'GET', url: '/api/supervisor/devices', headers: supervisor.headers })).json());
    expect(devices.find((d) => d.deviceId === signedIn.deviceId)).toMatchObject({ username: 'picker1', status, rejectedOpen: 1 });
  });

  it('tells a device whose cursor names another data set to download again', async () => {
    const { signedIn } = await device();
    const stale = Buffer.from(JSON.stringify([randomUUID(), '5', 4, ''])).toString('base64url');
    expect(await pull(app, signedIn, stale)).toMatchObject({ kind: 'reset' });
  });
});

describe.runIf(databaseKinds.includes('postgres'))('the pull cursor on PostgreSQL', () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    test = await seededDatabase('postgres', [SMALL_MAIN]);
    app = await appOn(test.db);
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it('never skips a change that commits after a later pull began', async () => {
    const signedIn = await signIn(app, 'picker1', '1111');
    const start = await pullAll(app, signedIn, null);
    const writer = await test.openAnother();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let clockTaken!: () => void;
    const taken = new Promise<void>((resolve) => (clockTaken = resolve));
    // A writer takes the next clock value and is slow to commit.
    const slow = writer.transaction(async (tx) => {
      const [row] = await tx.query<{ clock: string }>(`update warehouses set change_clock = change_clock + 1 where id = 'wh-main' returning change_clock::text as clock`);
      await tx.query(`update bins set changed_at = $1::bigint where warehouse_id = 'wh-main' and code = $2`, [row!.clock, emptyBin]);
      clockTaken();
      await held;
    });
    await taken;
    const during = await pullAll(app, signedIn, start.cursor);
    expect(during.bins.map((b) => b.code)).not.toContain(emptyBin);
    release();
    await slow;
    const after = await pullAll(app, signedIn, during.cursor);
    expect(after.bins.map((b) => b.code)).toContain(emptyBin);
    await writer.close();
  });
});
