/**
 * What each floor flow's machine decides with, read from the device in one go, and
 * where each flow keeps its state between events (so a reload resumes mid-step). The
 * UI calls these; it never reads the tables itself.
 */
import type { PickContext } from '../domain/floor/pickFlow';
import type { CountContext } from '../domain/floor/countFlow';
import type { ItemFacts, PutawayContext } from '../domain/floor/putawayFlow';
import type { Product } from '../domain/catalog/product';
import type { FloorOperation } from '../domain/floor/operations';
import { inWalkOrder } from '../domain/floor/walkOrder';
import type { CountSheet } from '../domain/floor/countSheet';
import { floorToday, readTaskAtHand, readWarehouseSettings, type TaskAtHand } from './taskWork';
import { cachedProductsByIds } from './productCache';
import { knownExpiryOfLot, suggestPutawayBin } from './putawayPlaces';
import { COUNT_FLOW_KEY } from './floorOperations';
import type { FloorDb } from './floorDb';
import { readRecord } from './syncState';

const lineDone = (atHand: TaskAtHand, lineNo: number) => atHand.lineProgress[lineNo] ?? { done: 0, short: null };

export async function readPickContext(db: FloorDb, taskId: string, now = new Date()): Promise<(PickContext & { readonly reference: string }) | null> {
  const [atHand, settings] = await Promise.all([readTaskAtHand(db, taskId), readWarehouseSettings(db)]);
  if (!atHand) return null;
  const lines = inWalkOrder(
    atHand.task.lines.map((line) => {
      const bin = line.binCode ? atHand.bins.get(line.binCode) : undefined;
      const { done, short } = lineDone(atHand, line.lineNo);
      const needed = line.qty ?? 0;
      return {
        lineNo: line.lineNo,
        binCode: line.binCode,
        walkSeq: bin?.walkSeq ?? null,
        product: (line.productId && atHand.products.get(line.productId)) || null,
        needed,
        done,
        short,
        closed: done >= needed || short !== null,
        binStock: bin ? bin.stock : null,
      };
    }),
  );
  return { taskId, reference: atHand.task.reference, lines, finished: atHand.progress?.finished === true, lastOpId: atHand.progress?.opIds.at(-1) ?? null, today: floorToday(settings, now), stepLimit: settings.stepLimit };
}

export async function readCountContext(db: FloorDb, taskId: string | null, productIds: readonly string[], now = new Date()): Promise<CountContext & { readonly reference: string | null; readonly products: ReadonlyMap<string, Product> }> {
  const [atHand, settings] = await Promise.all([taskId ? readTaskAtHand(db, taskId) : Promise.resolve(null), readWarehouseSettings(db)]);
  const products = await cachedProductsByIds(db, productIds);
  const bins = atHand
    ? inWalkOrder(atHand.task.lines.map((l) => ({ lineNo: l.lineNo, binCode: l.binCode ?? '', walkSeq: atHand.bins.get(l.binCode ?? '')?.walkSeq ?? null }))).map((l) => ({
        lineNo: l.lineNo,
        binCode: l.binCode,
        counted: lineDone(atHand, l.lineNo).done > 0,
      }))
    : null;
  return {
    taskId,
    reference: atHand?.task.reference ?? null,
    bins,
    finished: atHand?.progress?.finished === true,
    lastOpId: atHand?.progress?.opIds.at(-1) ?? null,
    settings,
    products,
    productName: (id) => products.get(id)?.name ?? id,
    now: now.toISOString(),
  };
}

/** The worker's last putaway without a task that is not undone: what Undo takes back ad hoc. */
async function lastAdHocPutaway(db: FloorDb, userId: string): Promise<string | null> {
  const recent = await db.outbox.orderBy('deviceSeq').reverse().limit(200).toArray();
  const undone = new Set(recent.flatMap((e) => (e.type === 'undo' ? [(e.payload as { undoesOpId: string }).undoesOpId] : [])));
  const last = recent.find((e) => e.userId === userId && (e.type === 'putaway' || e.type === 'undo') && (e.type === 'undo' || (e.payload as FloorOperation & { taskId: string | null }).taskId === null));
  if (!last || last.type === 'undo' || undone.has(last.opId) || last.status === 'rejected' || last.status === 'dismissed') return null;
  return last.opId;
}

export async function readPutawayContext(db: FloorDb, taskId: string | null, userId: string, now = new Date()): Promise<(PutawayContext & { readonly reference: string | null }) | null> {
  const settings = await readWarehouseSettings(db);
  if (taskId === null) return { taskId: null, reference: null, lines: null, finished: false, lastOpId: await lastAdHocPutaway(db, userId), today: floorToday(settings, now), stepLimit: settings.stepLimit };
  const atHand = await readTaskAtHand(db, taskId);
  if (!atHand) return null;
  const lines = inWalkOrder(
    atHand.task.lines.map((line) => ({
      lineNo: line.lineNo,
      binCode: line.binCode,
      walkSeq: line.binCode ? (atHand.bins.get(line.binCode)?.walkSeq ?? null) : null,
      product: (line.productId && atHand.products.get(line.productId)) || null,
      lot: line.lot,
      needed: line.qty ?? 0,
      done: lineDone(atHand, line.lineNo).done,
    })),
  );
  return { taskId, reference: atHand.task.reference, lines, finished: atHand.progress?.finished === true, lastOpId: atHand.progress?.opIds.at(-1) ?? null, today: floorToday(settings, now), stepLimit: settings.stepLimit };
}

/** What putaway decides an item with: the expiry its lot already has here, and the bin to suggest. */
export async function readPutawayFacts(db: FloorDb, product: Product, lot: string | null, fromWalkSeq: number): Promise<ItemFacts> {
  const [knownExpiry, suggestion] = await Promise.all([
    product.expiryTracked && lot ? knownExpiryOfLot(db, product.id, lot) : Promise.resolve(null),
    lot !== null || !product.lotTracked ? suggestPutawayBin(db, product, lot ?? '', fromWalkSeq) : Promise.resolve(null),
  ]);
  return { knownExpiry, suggestion };
}

/** A flow's saved state, or undefined before it has one. */
export async function readFlowState<S>(db: FloorDb, key: string): Promise<S | undefined> {
  const entry = await db.syncState.get(key);
  if (entry) return entry.value as S;
  // A count begun before flows kept their state: its sheet carries on.
  if (key === COUNT_FLOW_KEY) {
    const sheet = (await readRecord(db, 'countDraft')) as CountSheet | undefined;
    if (sheet) return { flowId: `draft-${sheet.startedAt}`, stepNo: 0, sheet, lastItem: null, asking: null, question: null, deviations: [] } as S;
  }
  return undefined;
}

export async function saveFlowState(db: FloorDb, key: string, value: unknown): Promise<void> {
  await db.syncState.put({ key, value });
}
