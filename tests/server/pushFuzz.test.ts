/**
 * Push batches that follow each device's sequence, so every step reaches the ledger,
 * with payloads bent out of shape (fast-check): wrong types, fractional, huge and
 * negative numbers, control characters, repeated and foreign op ids, undos of anything.
 * No batch is ever answered 5xx, every step gets exactly one answer, the device's queue
 * always moves past the batch, and no bin's balance leaves its bounds.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../src/protocol/paths';
import { MAX_BIN_QTY } from '../../src/domain/floor/quantityLimits';
import { appOn, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type SignedIn, type TestDatabase } from './testServer';
import { floorOfSmallMain } from './syncHelpers';

const floor = floorOfSmallMain();
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

describe.each(databaseKinds)('push fuzz along the sequence (%s)', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  const devices: { signedIn: SignedIn; next: number }[] = [];
  const sent: string[] = [];
  const fates = new Map<string, number>();

  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    app = await appOn(test.db, { signInRatePerMinute: 1000 });
    for (const [user, pin] of [['super1', '9999'], ['picker1', '1111'], ['counter1', '2222']] as const) devices.push({ signedIn: await signIn(app, user, pin), next: 1 });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const bins = floor.data.bins.slice(0, 6).map((b) => b.code);
  const products = floor.data.products.slice(0, 6).map((p) => p.id);
  const tasks = floor.data.tasks.slice(0, 6);
  const odd = fc.oneof(fc.constant(0.5), fc.constant(1e308), fc.constant(-1), fc.constant(2 ** 31), fc.constant('7'), fc.constant(null), fc.string({ maxLength: 5 }), fc.constant('A\u0000'), fc.constant('x'.repeat(300)));
  const qty = fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.constant(1_000_000), odd);
  const maybe = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: odd });
  const task = fc.constantFrom(...tasks);
  const moveOf = (type: 'pick' | 'putaway') =>
    fc.record({ type: fc.constant(type), binCode: maybe(fc.constantFrom(...bins)), productId: maybe(fc.constantFrom(...products)), lot: maybe(fc.constantFrom('', 'L1')), expiry: fc.constant(null), qty, taskId: fc.oneof(fc.constant(null), task.map((t) => t.id)), lineNo: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 3 })), suggestedBinCode: fc.constant(null), proposedLot: fc.constant(null) });
  const payload = fc.oneof(
    moveOf('putaway'),
    moveOf('pick'),
    fc.record({ type: fc.constant('count'), taskId: fc.constant(null), lineNo: fc.constant(null), binCode: maybe(fc.constantFrom(...bins)), startedAt: fc.constant(new Date(Date.now() - 60_000).toISOString()), bookAtStart: fc.constant([]), lines: fc.array(fc.record({ productId: maybe(fc.constantFrom(...products)), lot: fc.constant(''), expiry: fc.constant(null), counted: maybe(fc.integer({ min: 0, max: 1_000_000 })), firstCount: fc.constant(null), unexpected: fc.boolean() }), { maxLength: 3 }) }),
    fc.record({ type: fc.constantFrom('task-taken', 'task-finished'), taskId: maybe(task.map((t) => t.id)), takeOver: fc.boolean() }),
    fc.record({ type: fc.constant('undo'), undoesOpId: fc.oneof(fc.constant('any'), fc.uuid()) }),
    fc.record({ type: fc.constant('pick-short'), taskId: maybe(task.map((t) => t.id)), lineNo: fc.integer({ min: 1, max: 3 }), binCode: fc.constantFrom(...bins), productId: fc.constantFrom(...products), shortQty: qty, reason: fc.constantFrom('not-found', 'damaged', 'nonsense') }),
    // Anything JSON can carry (an absent payload is a malformed envelope: the batch gets a 400 naming it).
    fc.anything().filter((v) => v !== undefined),
  );
  /** An op id: new, one sent before (by any device), or one repeated within the batch. */
  const opIdChoice = fc.oneof({ weight: 6, arbitrary: fc.constant('new') }, { weight: 1, arbitrary: fc.constant('sent-before') }, { weight: 1, arbitrary: fc.constant('repeat') });

  it('answers every batch 200, every step once, moves every queue on, and keeps every bin in bounds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 }), fc.array(fc.tuple(payload, opIdChoice), { minLength: 1, maxLength: 12 }), async (who, steps) => {
        const device = devices[who]!;
        const operations: { opId: string; deviceSeq: number; userId: string; createdAt: string; payload: unknown }[] = [];
        let seq = device.next;
        for (const [body, choice] of steps) {
          const earlier = operations.at(-1);
          const opId = choice === 'sent-before' && sent.length > 0 ? sent[sent.length - 1]! : choice === 'repeat' && earlier ? earlier.opId : randomUUID();
          // An undo of 'any' names a step sent before, so undos reach real targets.
          const fixed = body !== null && typeof body === 'object' && (body as { undoesOpId?: unknown }).undoesOpId === 'any' ? { ...body, undoesOpId: sent.at(-1) ?? randomUUID() } : body;
          operations.push({ opId, deviceSeq: seq++, userId: device.signedIn.body.user.id, createdAt: new Date().toISOString(), payload: fixed });
        }
        const response = await app.inject({ method: 'POST', url: apiPaths.syncPush, headers: device.signedIn.headers, payload: { warehouseId: 'wh-main', sentAt: new Date().toISOString(), operations } });
        expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
        const answer = response.json<{ results: { opId: string; deviceSeq: number; status: string }[]; nextSeq: number }>();
        expect(answer.results).toHaveLength(operations.length);
        expect(answer.nextSeq).toBe(seq);
        device.next = seq;
        for (const r of answer.results) fates.set(r.status, (fates.get(r.status) ?? 0) + 1);
        for (const op of operations) sent.push(op.opId);
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    // The generator reaches the ledger: steps apply, and steps are refused.
    expect(fates.get('applied') ?? 0).toBeGreaterThan(0);
    expect(fates.get('rejected') ?? 0).toBeGreaterThan(0);
    const [extreme] = await test.db.query<{ max: number | null }>('select max(abs(qty))::float8 as max from stock_balances');
    expect(extreme!.max ?? 0).toBeLessThanOrEqual(MAX_BIN_QTY);
  }, 120_000);
});
