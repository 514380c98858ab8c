/** Pushing and pulling through `inject`, and floor operations on the small demo warehouse. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { pullResponseSchema, pushResponseSchema, type DeviceStatus, type PullResponse, type PushResponse, type PushedOperation } from '../../src/protocol/syncMessages';
import { downloadManifestSchema } from '../../src/protocol/download';
import type { FloorOperation } from '../../src/domain/floor/operations';
import type { Task } from '../../src/domain/tasks/task';
import { generateWarehouse } from '../../src/server/seed/demoWarehouse';
import type { SignedIn } from './testServer';
import { SMALL_MAIN } from './testServer';

export const STATUS: DeviceStatus = { appVersion: 'test', pending: 0, oldestPendingAt: null, rejected: 0, lastSyncAt: null, persisted: null, usageBytes: null, quotaBytes: null, lastError: null };

/** A device's operations with its gapless sequence. */
export class DeviceOps {
  private seq = 0;
  constructor(readonly userId: string) {}

  next(payload: FloorOperation | unknown, createdAt = new Date()): PushedOperation {
    return { opId: randomUUID(), deviceSeq: ++this.seq, userId: this.userId, createdAt: createdAt.toISOString(), payload };
  }
}

export async function push(app: FastifyInstance, device: SignedIn, operations: readonly PushedOperation[], sentAt = new Date()): Promise<PushResponse> {
  const response = await app.inject({ method: 'POST', url: '/api/sync/push', headers: device.headers, payload: { warehouseId: 'wh-main', sentAt: sentAt.toISOString(), operations } });
  expect(response.statusCode, response.body).toBe(200);
  return pushResponseSchema.parse(response.json());
}

export async function pull(app: FastifyInstance, device: SignedIn, cursor: string | null, limit?: number): Promise<PullResponse> {
  const response = await app.inject({ method: 'POST', url: '/api/sync/pull', headers: device.headers, payload: { warehouseId: 'wh-main', cursor, status: STATUS, ...(limit ? { limit } : {}) } });
  expect(response.statusCode, response.body).toBe(200);
  return pullResponseSchema.parse(response.json());
}

export async function manifestCursor(app: FastifyInstance, device: SignedIn): Promise<string> {
  const response = await app.inject({ method: 'GET', url: '/api/warehouses/wh-main/download', headers: device.headers });
  return downloadManifestSchema.parse(response.json()).pullCursor;
}

/** Pulls every page from a cursor; returns the changes together and the last cursor. */
export async function pullAll(app: FastifyInstance, device: SignedIn, cursor: string | null, limit?: number) {
  const pages: Extract<PullResponse, { kind: 'changes' }>[] = [];
  let at = cursor;
  for (;;) {
    const page = await pull(app, device, at, limit);
    if (page.kind !== 'changes') throw new Error('unexpected reset');
    pages.push(page);
    at = page.cursor;
    if (!page.more) break;
  }
  return { pages, cursor: at!, bins: pages.flatMap((p) => p.bins), tasks: pages.flatMap((p) => p.tasks), operations: pages.flatMap((p) => p.operations), products: pages.flatMap((p) => p.products) };
}

export async function balanceOf(db: { query<R extends object>(sql: string, params?: readonly unknown[]): Promise<R[]> }, binCode: string, productId: string, lot = ''): Promise<number> {
  const [row] = await db.query<{ qty: number }>('select qty from stock_balances where warehouse_id = $1 and bin_code = $2 and product_id = $3 and lot = $4', ['wh-main', binCode, productId, lot]);
  return row?.qty ?? 0;
}

/** A bin of the small warehouse holding one product without lots, and an empty bin. */
export function floorOfSmallMain() {
  const data = generateWarehouse(SMALL_MAIN);
  const tracked = new Set(data.products.filter((p) => p.lotTracked).map((p) => p.id));
  const line = data.stock.find((s) => !tracked.has(s.productId) && s.qty >= 5 && data.stock.filter((o) => o.binCode === s.binCode).length === 1)!;
  const empty = data.bins.find((b) => !data.stock.some((s) => s.binCode === b.code))!;
  const pickLists = data.tasks.filter((t) => t.kind === 'pick' && t.assignedTo === 'u-picker1');
  const pickList = pickLists[0]!;
  const openList = data.tasks.find((t) => t.kind === 'pick' && t.assignedTo === null)!;
  return { data, line, emptyBin: empty.code, pickList, pickLists, openList };
}

/** A pick of a pick list's line (picks always belong to a list). */
export const pickOf = (task: Task, lineNo: number, qty: number): FloorOperation => {
  const line = task.lines.find((l) => l.lineNo === lineNo)!;
  return { type: 'pick', taskId: task.id, lineNo, binCode: line.binCode!, productId: line.productId!, lot: line.lot ?? '', expiry: null, qty, proposedLot: null };
};
export const putawayOf = (binCode: string, productId: string, qty: number, lot = ''): FloorOperation => ({ type: 'putaway', taskId: null, lineNo: null, binCode, productId, lot, expiry: null, qty, suggestedBinCode: null });
export const countOf = (binCode: string, startedAt: Date, lines: { productId: string; counted: number; lot?: string }[]): FloorOperation => ({
  type: 'count',
  taskId: null,
  lineNo: null,
  binCode,
  startedAt: startedAt.toISOString(),
  bookAtStart: [],
  lines: lines.map((l) => ({ productId: l.productId, lot: l.lot ?? '', expiry: null, counted: l.counted, firstCount: null, unexpected: false })),
});
