/**
 * The ledger against the floor's truth: whatever order the steps of several devices
 * arrive in, and whichever of them are undone, the balance ends as what is physically
 * in the bin, every count that is in force stays true at its moment, and nothing is
 * ever rewritten. Property-based: fast-check draws the floor's history and the order
 * it reaches the server in.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOperation, type IncomingOperation } from './applyOperations';
import { LedgerWork, bookKey, type BookLine, type KnownOperation, type LedgerSnapshot } from './ledgerWork';
import { bookAt, stockKey, type CountMark, type LedgerEntry } from './stockLedger';
import type { FloorOperation } from '../floor/operations';

const BIN = 'A-01-01-1';
const PRODUCT = 'p1';
const KEY = stockKey({ binCode: BIN, productId: PRODUCT, lot: '' });
const NO_RECOUNT = { units: 1e9, percent: 1e9 };

/** The server's side, in memory: what each batch commits becomes the next batch's snapshot. */
class MemoryLedger {
  entries: LedgerEntry[] = [{ binCode: BIN, productId: PRODUCT, lot: '', expiry: null, delta: 10, at: 0, kind: 'opening', opId: null, countOpId: null }];
  counts: CountMark[] = [];
  known = new Map<string, KnownOperation>();
  reviews = new Set<string>();

  apply(incoming: IncomingOperation, threshold = NO_RECOUNT) {
    const books = new Map<string, Map<string, BookLine>>();
    if (incoming.op.type === 'count') {
      const at = Date.parse(incoming.op.startedAt) + incoming.offsetMs;
      books.set(bookKey(BIN, at), bookAt(this.entries, BIN, at));
    }
    const snapshot: LedgerSnapshot = {
      products: new Map([[PRODUCT, { lotTracked: false, expiryTracked: false }]]),
      bins: new Set([BIN]),
      tasks: new Map(),
      userNames: new Map(),
      balances: new Map([[KEY, this.balance()]]),
      committedBooks: books,
      activeCounts: new Map([[BIN, this.counts]]),
      operations: this.known,
      entriesByOp: groupBy(this.entries.filter((e) => e.kind !== 'before-count'), (e) => e.opId),
      entriesAtCount: groupBy(this.entries, (e) => e.countOpId),
      threshold,
      stepLimit: 1e9,
      timeZone: 'UTC',
      waitingReviews: [],
    };
    const work = new LedgerWork(snapshot);
    const outcome = applyOperation(work, incoming);
    this.entries.push(...work.entries);
    this.counts = [...this.counts.filter((c) => !work.countsWithdrawn.includes(c.opId)), ...work.countsPosted];
    this.known = work.known;
    if (outcome.status === 'review') this.reviews.add(incoming.opId);
    return outcome;
  }

  balance(): number {
    return this.entries.reduce((sum, e) => sum + e.delta, 0);
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

const at = (t: number) => new Date(Date.UTC(2026, 10, 23, 8, 0, 0) + t * 1000);
let serial = 0;
const opId = () => `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;

function incoming(op: FloorOperation, t: number, device = 'd1'): IncomingOperation {
  return { opId: opId(), deviceId: device, userId: 'u1', op, deviceAt: at(t).getTime(), offsetMs: 0 };
}
const pick = (qty: number): FloorOperation => ({ type: 'pick', taskId: null as unknown as string, lineNo: null as unknown as number, binCode: BIN, productId: PRODUCT, lot: '', expiry: null, qty, proposedLot: null });
const putaway = (qty: number): FloorOperation => ({ type: 'putaway', taskId: null, lineNo: null, binCode: BIN, productId: PRODUCT, lot: '', expiry: null, qty, suggestedBinCode: null });
const countOf = (counted: number, t: number): FloorOperation => ({
  type: 'count',
  taskId: null,
  lineNo: null,
  binCode: BIN,
  startedAt: at(t).toISOString(),
  bookAtStart: [],
  lines: counted === 0 ? [] : [{ productId: PRODUCT, lot: '', expiry: null, counted, firstCount: null, unexpected: false }],
});

describe('the stock ledger', () => {
  it('posts a count as counted minus the book at its moment, keeping later work on top', () => {
    const ledger = new MemoryLedger();
    const late = incoming(pick(3), 5); // picked at t=5 on a device that was offline
    ledger.apply(incoming(countOf(7, 10), 10)); // counted 7 at t=10: the pick had happened
    expect(ledger.balance()).toBe(7);
    ledger.apply(incoming(putaway(4), 20)); // after the count
    expect(ledger.balance()).toBe(11);
    ledger.apply(late); // arrives last: the count already saw it
    expect(ledger.balance()).toBe(11);
    expect(ledger.entries.slice(-2).map((e) => [e.kind, e.delta])).toEqual([
      ['pick', -3],
      ['before-count', 3],
    ]);
  });

  it('keeps a count that arrives after a later count from changing the balance', () => {
    const ledger = new MemoryLedger();
    ledger.apply(incoming(countOf(6, 20), 20));
    ledger.apply(incoming(countOf(9, 10), 10)); // an older count arrives late
    expect(ledger.balance()).toBe(6);
  });

  it('sends a count far from the book to review instead of posting it', () => {
    const ledger = new MemoryLedger();
    const outcome = ledger.apply(incoming(countOf(2, 10), 10), { units: 2, percent: 5 });
    expect(outcome.status).toBe('review');
    expect(ledger.balance()).toBe(10);
  });

  it('never refuses a pick for lack of book stock: it is applied and flagged', () => {
    const ledger = new MemoryLedger();
    const work = new LedgerWork({
      products: new Map([[PRODUCT, { lotTracked: false, expiryTracked: false }]]),
      bins: new Set([BIN]),
      tasks: new Map(),
      userNames: new Map(),
      balances: new Map([[KEY, 2]]),
      committedBooks: new Map(),
      activeCounts: new Map(),
      operations: new Map(),
      entriesByOp: new Map(),
      entriesAtCount: new Map(),
      stepLimit: 1e9,
      timeZone: 'UTC',
      waitingReviews: [],
      threshold: NO_RECOUNT,
    });
    expect(applyOperation(work, incoming(pick(5), 1)).status).toBe('applied');
    expect(work.flags).toMatchObject([{ kind: 'negative-stock', binCode: BIN, productId: PRODUCT }]);
    void ledger;
  });

  it('rejects a step on an unknown bin with a reason, changing nothing', () => {
    const ledger = new MemoryLedger();
    const outcome = ledger.apply(incoming({ ...(putaway(1) as Extract<FloorOperation, { type: 'putaway' }>), binCode: 'Z-99' }, 1));
    expect(outcome).toMatchObject({ status: 'rejected', why: { code: 'op-unknown-bin', bin: 'Z-99' } });
    expect(ledger.balance()).toBe(10);
  });

  /**
   * The floor's history: steps at times 1..n, each a pick, a putaway or a count of the
   * truth at that moment; some are undone later (an undone move never happened; an
   * undone count is no longer in force). The server gets them in any order.
   */
  it('ends with the physical stock whatever order the steps arrive in (property)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('pick' as const), qty: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('putaway' as const), qty: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('count' as const), qty: fc.constant(0) }),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ step, undone: fc.boolean() }), { minLength: 1, maxLength: 14 }), fc.infiniteStream(fc.nat()), (history, shuffle) => {
        // The truth, in time order: undone moves never happened; nobody picks more than is there.
        let physical = 10;
        const ops: { op: IncomingOperation; undo: IncomingOperation | null }[] = [];
        history.forEach(({ step: s, undone }, i) => {
          const t = i + 1;
          const kind = s.kind === 'pick' && physical < s.qty ? 'putaway' : s.kind;
          if (kind !== 'count' && !undone) physical += kind === 'pick' ? -s.qty : s.qty;
          const op = incoming(kind === 'pick' ? pick(s.qty) : kind === 'putaway' ? putaway(s.qty) : countOf(physical, t), t);
          ops.push({ op, undo: undone ? incoming({ type: 'undo', undoesOpId: op.opId }, t) : null });
        });
        // Arrival order: any interleaving, but an undo always after its step (one device's order).
        const pending = ops.flatMap(({ op, undo }) => [op, ...(undo ? [undo] : [])]);
        const arrived: IncomingOperation[] = [];
        const stream = shuffle[Symbol.iterator]();
        while (pending.length > 0) {
          const ready = pending.filter((candidate) => candidate.op.type !== 'undo' || arrived.some((a) => a.opId === (candidate.op as { undoesOpId: string }).undoesOpId));
          const next = ready[stream.next().value % ready.length]!;
          pending.splice(pending.indexOf(next), 1);
          arrived.push(next);
        }
        const ledger = new MemoryLedger();
        for (const op of arrived) expect(ledger.apply(op).status).toBe('applied');
        expect(ledger.balance()).toBe(physical);
        // Every count in force is true at its moment.
        for (const count of ledger.counts) {
          const counted = (ledger.known.get(count.opId)!.op as unknown as { lines: { counted: number }[] }).lines[0]?.counted ?? 0;
          expect(bookAt(ledger.entries, BIN, count.at).get(KEY)?.qty ?? 0).toBe(counted);
        }
      }),
      { numRuns: 400 },
    );
  });
});
