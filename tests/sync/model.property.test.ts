/**
 * Model-based property test of sync. Simulated handhelds (device code on
 * fake-indexeddb, talking HTTP to the real server on PGlite) pick, put away, count
 * and undo, go offline, lose answers, push twice at once and restart, in an order
 * fast-check draws. A model keeps what is physically in each bin. At the end, with
 * the network back and the supervisor having approved every count waiting for review:
 * the server's stock equals the physical stock, every operation a device recorded is
 * on the server exactly once (applied, or undone by a later step), and every device
 * shows the server's stock with nothing left to send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { appOn, seededDatabase, SMALL_MAIN, type TestDatabase } from '../server/testServer';
import { floorOfSmallMain } from '../server/syncHelpers';
import { createApiClient, type ApiClient } from '../../src/sync/apiClient';
import { signIn } from '../../src/sync/signIn';
import { downloadWarehouse } from '../../src/sync/download';
import { syncOnce } from '../../src/sync/syncEngine';
import { SyncError } from '../../src/sync/syncError';
import { deviceId } from '../../src/device/deviceIdentity';
import { DeviceRefusal } from '../../src/device/refusals';
import { recordOperation, readTaskProgress } from '../../src/device/floorOperations';
import { openFloorDb, type FloorDb } from '../../src/device/floorDb';
import type { DeviceSession } from '../../src/device/syncState';
import type { FloorOperation } from '../../src/domain/floor/operations';
import { decideCountReview, waitingReviews } from '../../src/server/repositories/deviceSync/countReviews';
import { freshDeviceDb } from '../device/deviceDb';
import { losingAnswers } from './syncDevice';
import { apiPaths } from '../../src/protocol/paths';

const floor = floorOfSmallMain();
const tracked = new Set(floor.data.products.filter((p) => p.lotTracked || p.expiryTracked).map((p) => p.id));
/** The pick lines in play: untracked products (counts of them need no lot). */
const lines = floor.pickLists.flatMap((task) => task.lines.filter((l) => !tracked.has(l.productId!)).map((l) => ({ task, line: l })));
const binsInPlay = [...new Set(lines.map((l) => l.line.binCode!))];

interface SimDevice {
  name: string;
  db: FloorDb;
  session: DeviceSession;
  id: string;
  online: boolean;
  /** The last step this device recorded on a pick list, for Undo. */
  lastPick: { opId: string; taskId: string; bin: string; product: string; qty: number } | null;
  recorded: string[];
}

type Action =
  | { kind: 'pick'; device: number; line: number; qty: number }
  | { kind: 'putaway'; device: number; line: number; qty: number }
  | { kind: 'count'; line: number }
  | { kind: 'undo'; device: number }
  | { kind: 'sync'; device: number; lose: boolean; twice: boolean }
  | { kind: 'network'; device: number; online: boolean }
  | { kind: 'restart'; device: number };

const device = fc.integer({ min: 0, max: 2 });
const picker = fc.integer({ min: 0, max: 1 });
const line = fc.integer({ min: 0, max: lines.length - 1 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('pick' as const), device: picker, line, qty: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('putaway' as const), device: picker, line, qty: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('count' as const), line }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), device: picker }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), device, lose: fc.boolean(), twice: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('network' as const), device, online: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), device }) },
);

describe('sync against a model of the floor (property)', () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  let simNow = Number(process.env.MODEL_T0 ?? Date.now());
  const now = () => new Date(simNow);

  beforeAll(async () => {
    test = await seededDatabase('pglite', [SMALL_MAIN]);
    app = await appOn(test.db, { signInRatePerMinute: 100_000 }, now);
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  async function serverStock(): Promise<Map<string, number>> {
    const rows = await test.db.query<{ bin: string; product: string; qty: number }>(
      `select bin_code as bin, product_id as product, sum(qty)::int as qty from stock_balances where warehouse_id = 'wh-main' and bin_code = any($1::text[]) group by bin_code, product_id`,
      [binsInPlay],
    );
    return new Map(rows.filter((r) => r.qty !== 0).map((r) => [`${r.bin}|${r.product}`, r.qty]));
  }

  async function newDevice(username: string, pin: string): Promise<SimDevice> {
    const { db, name } = freshDeviceDb();
    const session = await signIn(db, username, pin, createApiClient(() => null, baseUrl));
    const id = await deviceId(db);
    const sim: SimDevice = { name, db, session, id, online: true, lastPick: null, recorded: [] };
    await downloadWarehouse(db, apiOf(sim), 'wh-main');
    return sim;
  }

  function apiOf(sim: SimDevice): ApiClient {
    const real = createApiClient(() => ({ token: sim.session.token, deviceId: sim.id }), baseUrl);
    return {
      get: (path, schema, options) => (sim.online ? real.get(path, schema, options) : Promise.reject(new SyncError('offline', 'offline'))),
      post: (path, body, schema, options) => (sim.online ? real.post(path, body, schema, options) : Promise.reject(new SyncError('offline', 'offline'))),
    };
  }

  async function sync(sim: SimDevice, api: ApiClient = apiOf(sim)): Promise<void> {
    await syncOnce(sim.db, api, { warehouseId: 'wh-main', batchSize: 3, pageSize: 50, now }).catch((error: unknown) => {
      if (!(error instanceof SyncError)) throw error;
    });
  }

  async function record(sim: SimDevice, op: FloorOperation): Promise<string> {
    const entry = await recordOperation(sim.db, { userId: sim.session.user.id, warehouseId: 'wh-main' }, op, now());
    sim.recorded.push(entry.opId);
    return entry.opId;
  }

  it('ends with the physical stock on the server and on every device, each operation applied once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 30 }), async (actions) => {
        const physical = await serverStock();
        const devices = [await newDevice('picker1', '1111'), await newDevice('picker1', '1111'), await newDevice('counter1', '2222')];
        const at = (bin: string, product: string) => physical.get(`${bin}|${product}`) ?? 0;
        const move = (bin: string, product: string, delta: number) => physical.set(`${bin}|${product}`, at(bin, product) + delta);

        for (const step of actions) {
          simNow += 1000;
          switch (step.kind) {
            case 'pick': {
              const sim = devices[step.device]!;
              const { task, line: l } = lines[step.line]!;
              // Nobody picks more than is physically there.
              const qty = Math.min(step.qty, at(l.binCode!, l.productId!));
              if (qty === 0) break;
              // A device refuses a pick that takes its line above the line's quantity: the picker takes nothing.
              const opId = await record(sim, { type: 'pick', taskId: task.id, lineNo: l.lineNo, binCode: l.binCode!, productId: l.productId!, lot: '', expiry: null, qty, proposedLot: null }).catch((error: unknown) => {
                if (error instanceof DeviceRefusal && error.reason === 'line-closed') return null;
                throw error;
              });
              if (opId === null) break;
              move(l.binCode!, l.productId!, -qty);
              sim.lastPick = { opId, taskId: task.id, bin: l.binCode!, product: l.productId!, qty };
              break;
            }
            case 'putaway': {
              const { line: l } = lines[step.line]!;
              await record(devices[step.device]!, { type: 'putaway', taskId: null, lineNo: null, binCode: l.binCode!, productId: l.productId!, lot: '', expiry: null, qty: step.qty, suggestedBinCode: null });
              move(l.binCode!, l.productId!, step.qty);
              break;
            }
            case 'count': {
              // The counter finds what is physically there, every product of the bin.
              const bin = lines[step.line]!.line.binCode!;
              const counter = devices[2]!;
              const book = (await counter.db.bins.get(bin))!.stock;
              const counted = [...physical].filter(([key, qty]) => key.startsWith(`${bin}|`) && qty > 0).map(([key, qty]) => ({ productId: key.split('|')[1]!, lot: '', expiry: null, counted: qty, firstCount: null, unexpected: false }));
              await record(counter, { type: 'count', taskId: null, lineNo: null, binCode: bin, startedAt: now().toISOString(), bookAtStart: book.map(({ productId, lot, expiry, qty }) => ({ productId, lot, expiry, qty })), lines: counted });
              break;
            }
            case 'undo': {
              const sim = devices[step.device]!;
              const last = sim.lastPick;
              if (!last || (await readTaskProgress(sim.db, last.taskId))?.opIds.at(-1) !== last.opId) break;
              await record(sim, { type: 'undo', undoesOpId: last.opId });
              move(last.bin, last.product, last.qty); // the items go back: as if never picked
              sim.lastPick = null;
              break;
            }
            case 'sync': {
              const sim = devices[step.device]!;
              const api = step.lose ? losingAnswers(apiOf(sim), (path, n) => path === apiPaths.syncPush && n === 1) : apiOf(sim);
              if (step.twice) await Promise.all([sync(sim, api), sync(sim)]);
              else await sync(sim, api);
              break;
            }
            case 'network':
              devices[step.device]!.online = step.online;
              break;
            case 'restart': {
              const sim = devices[step.device]!;
              sim.db.close();
              sim.db = openFloorDb(sim.name);
              break;
            }
          }
        }

        // The network comes back for everyone; every device sends everything.
        for (const sim of devices) sim.online = true;
        for (let round = 0; round < 4; round++) for (const sim of devices) await sync(sim);
        for (const sim of devices) expect(await sim.db.outbox.where('status').equals('pending').count()).toBe(0);
        // The supervisor approves the counts that waited for review, oldest first (an approval may settle a later one on its bin); the devices sync again.
        for (let review = (await waitingReviews(test.db, 'wh-main'))[0]; review; review = (await waitingReviews(test.db, 'wh-main'))[0]) {
          simNow += 1000;
          await decideCountReview(test.db, { warehouseId: 'wh-main', opId: review.opId, decision: 'approve', userId: 'u-super1', note: null, now: now() });
        }
        for (const sim of devices) await sync(sim);

        // The server holds the physical stock.
        const wrong = differences(await serverStock(), physical);
        if (wrong.length > 0 && process.env.MODEL_DEBUG) {
          const [bin = '', product = ''] = wrong[0]!.split(':')[0]!.split('|');
          console.log(JSON.stringify(actions), JSON.stringify(lines.map((l) => l.line.binCode + '/' + l.line.productId + '/' + l.task.id)));
          console.log(await test.db.query(`select m.kind, m.qty_delta, m.occurred_at, m.op_id, m.count_op_id, o.type, o.status, o.device_seq, o.device_id from stock_movements m left join operations o on o.op_id = m.op_id where m.bin_code = $1 and m.product_id = $2 order by m.id`, [bin, product]));
        }
        expect(wrong, 'server vs physical').toEqual([]);
        // Every recorded operation is there exactly once, applied (or undone by a later step).
        const all = devices.flatMap((sim) => sim.recorded);
        const rows = await test.db.query<{ opId: string; status: string }>('select op_id::text as "opId", status from operations where op_id = any($1::uuid[])', [all]);
        expect(rows.length).toBe(all.length);
        for (const row of rows) expect(['applied', 'undone']).toContain(row.status);
        // Every device shows the server's stock.
        const server = await serverStock();
        for (const sim of devices) {
          const shown = new Map<string, number>();
          for (const bin of await sim.db.bins.bulkGet(binsInPlay)) for (const l of bin!.stock) if (l.qty !== 0) shown.set(`${bin!.code}|${l.productId}`, (shown.get(`${bin!.code}|${l.productId}`) ?? 0) + l.qty);
          expect(differences(shown, server), `device ${sim.name} vs server`).toEqual([]);
        }
        for (const sim of devices) sim.db.close();
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 12), endOnFailure: true, ...(process.env.MODEL_SEED ? { seed: Number(process.env.MODEL_SEED), path: process.env.MODEL_PATH } : {}) },
    );
  }, 600_000);
});

/** Where two stocks differ, as readable lines. */
function differences(actual: ReadonlyMap<string, number>, expected: ReadonlyMap<string, number>): string[] {
  const keys = new Set([...actual.keys(), ...expected.keys()]);
  return [...keys].filter((k) => (actual.get(k) ?? 0) !== (expected.get(k) ?? 0)).map((k) => `${k}: ${actual.get(k) ?? 0} instead of ${expected.get(k) ?? 0}`);
}
