/**
 * Model-based test of the pick machine: random sequences of scans (right and wrong
 * bins, each and case codes, wrong items, unknown bins), typed quantities (good, bad,
 * aimed at another line), double taps, undos, short picks, finishes and reloads, run
 * against a simulated device that records steps as the real one does (dedup by step
 * key, record-time line check). A small independent model says what should be
 * recorded; the steps recorded must equal the model's, and no line ever goes above
 * its quantity.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Product } from '../catalog/product';
import type { Gtin14 } from '../codes/gtin';
import type { FloorOperation } from './operations';
import { pickStep, startPick, type PickContext, type PickEvent, type PickState } from './pickFlow';
import type { ScannedCode } from './flow';

const product = (id: string, casePack: number): Product => ({
  id,
  sku: id,
  name: `Product ${id}`,
  unit: 'pc',
  zone: 'A',
  lotTracked: false,
  expiryTracked: false,
  codes: [
    { gtin: `0000000000000${id}` as Gtin14, packQty: 1, packLevel: 'each', symbology: 'ean-13', printed: id },
    { gtin: `1000000000000${id}` as Gtin14, packQty: casePack, packLevel: 'case', symbology: 'gtin-14', printed: `C${id}` },
  ],
});

interface Line {
  readonly lineNo: number;
  readonly bin: string;
  readonly product: Product;
  readonly needed: number;
}

/** The device as the flow hook drives it: progress per line, steps kept by key, undo of the last. */
class SimulatedDevice {
  readonly steps: { key: string; op: FloorOperation; id: string }[] = [];
  done = new Map<number, number>();
  short = new Map<number, number>();
  finished = false;
  history: string[] = [];

  constructor(readonly lines: readonly Line[]) {}

  context(): PickContext {
    return {
      taskId: 't1',
      lines: this.lines.map((l) => {
        const done = this.done.get(l.lineNo) ?? 0;
        const short = this.short.has(l.lineNo) ? { qty: this.short.get(l.lineNo)!, reason: 'not-found' } : null;
        return { lineNo: l.lineNo, binCode: l.bin, product: l.product, needed: l.needed, done, short, closed: done >= l.needed || short !== null, binStock: [{ binCode: l.bin, productId: l.product.id, lot: '', expiry: null, qty: 50 }] };
      }),
      finished: this.finished,
      lastOpId: this.history.at(-1) ?? null,
      today: '2026-12-01',
      stepLimit: 1000,
    };
  }

  /** Records a step as recordOperation does; false when refused. */
  record(key: string, op: FloorOperation): boolean {
    if (this.steps.some((s) => s.key === key)) return true;
    if (this.finished) return false;
    const id = `op${this.steps.length + 1}`;
    if (op.type === 'pick') {
      const line = this.lines.find((l) => l.lineNo === op.lineNo)!;
      if ((this.done.get(op.lineNo) ?? 0) + op.qty > line.needed || this.short.has(op.lineNo)) return false;
      this.done.set(op.lineNo, (this.done.get(op.lineNo) ?? 0) + op.qty);
    }
    if (op.type === 'pick-short') this.short.set(op.lineNo, op.shortQty);
    if (op.type === 'task-finished') this.finished = true;
    if (op.type === 'undo') {
      if (this.history.at(-1) !== op.undoesOpId) return false;
      const target = this.steps.find((s) => s.id === op.undoesOpId)!.op;
      if (target.type === 'pick') this.done.set(target.lineNo, this.done.get(target.lineNo)! - target.qty);
      if (target.type === 'pick-short') this.short.delete(target.lineNo);
      this.history.pop();
    } else this.history.push(id);
    this.steps.push({ key, op, id });
    return true;
  }
}

/** The model: what a picker's gesture should record, decided in a few plain rules. */
class Model {
  confirmed: number | null = null;
  done = new Map<number, number>();
  short = new Set<number>();
  finished = false;
  ops: string[] = [];
  history: { line: number; qty: number; kind: 'pick' | 'short' }[] = [];
  constructor(readonly lines: readonly Line[]) {}
  current() {
    return this.lines.find((l) => (this.done.get(l.lineNo) ?? 0) < l.needed && !this.short.has(l.lineNo)) ?? null;
  }
  pick(line: Line, qty: number) {
    this.done.set(line.lineNo, (this.done.get(line.lineNo) ?? 0) + qty);
    this.history.push({ line: line.lineNo, qty, kind: 'pick' });
    this.ops.push(`pick ${line.lineNo} ${qty}`);
  }
}

type Gesture =
  | { kind: 'scan-bin'; right: boolean }
  | { kind: 'scan-unknown-bin' }
  | { kind: 'scan-item'; right: boolean; case: boolean }
  | { kind: 'type'; text: string; stale: boolean }
  | { kind: 'undo' }
  | { kind: 'short' }
  | { kind: 'finish' }
  | { kind: 'reload' };

const gesture: fc.Arbitrary<Gesture> = fc.oneof(
  fc.record({ kind: fc.constant('scan-bin' as const), right: fc.boolean() }),
  fc.constant({ kind: 'scan-unknown-bin' as const }),
  fc.record({ kind: fc.constant('scan-item' as const), right: fc.boolean(), case: fc.boolean() }),
  fc.record({ kind: fc.constant('type' as const), text: fc.oneof(fc.integer({ min: -1, max: 12 }).map(String), fc.constantFrom('', 'abc', '2.5', '99999999')), stale: fc.boolean() }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'short' as const }),
  fc.constant({ kind: 'finish' as const }),
  fc.constant({ kind: 'reload' as const }),
);

const scenario = fc.record({
  lines: fc.array(fc.record({ needed: fc.integer({ min: 1, max: 9 }), casePack: fc.integer({ min: 2, max: 6 }) }), { minLength: 1, maxLength: 3 }),
  gestures: fc.array(fc.record({ gesture, double: fc.boolean() }), { maxLength: 40 }),
});

describe('the pick machine against its model', () => {
  it('records exactly the model\u2019s steps, answers every scan, and never takes a line above its quantity', () => {
    fc.assert(
      fc.property(scenario, ({ lines: specs, gestures }) => {
        const lines: Line[] = specs.map((s, i) => ({ lineNo: i + 1, bin: `A-01-0${i + 1}-1`, product: product(String(i + 1), s.casePack), needed: s.needed }));
        const device = new SimulatedDevice(lines);
        const model = new Model(lines);
        let state: PickState = startPick('flow-1');
        let saved: PickState = state;
        const other = product('9', 2);

        for (const { gesture: g, double } of gestures) {
          if (g.kind === 'reload') {
            state = saved; // what the device kept is what a reload finds
            continue;
          }
          const line = model.current();
          const context = device.context();
          const event = toEvent(g, line, lines, other, context);
          if (event === null) continue;
          // A double tap: the same tap again, decided on what the device holds after the first (the hook would drop it; the machine must not double it either when it is stale).
          const repeats = double && event.type !== 'scan' ? 2 : 1;
          for (let i = 0; i < repeats; i++) {
            const fresh = device.context();
            const t = pickStep(state, fresh, i === 0 ? event : staleOf(event, line, fresh));
            if (event.type === 'scan') expect(t.feedback).not.toBeNull();
            if (t.record) {
              if (device.record(t.record.stepKey, t.record.op)) {
                state = t.state;
                saved = state;
              }
            } else {
              state = t.state;
              saved = state;
            }
          }
          applyModel(model, g, line);
          for (const l of lines) expect(device.done.get(l.lineNo) ?? 0).toBeLessThanOrEqual(l.needed);
        }
        const undone = new Set(device.steps.flatMap((s) => (s.op.type === 'undo' ? [s.op.undoesOpId] : [])));
        const recorded = device.steps.filter((s) => s.op.type === 'pick' && !undone.has(s.id)).map((s) => (s.op.type === 'pick' ? `pick ${s.op.lineNo} ${s.op.qty}` : ''));
        expect(recorded).toEqual(model.ops);
        for (const l of lines) expect(device.done.get(l.lineNo) ?? 0).toBe(model.done.get(l.lineNo) ?? 0);
      }),
      {
        numRuns: 600,
        // The report first: a double tap on "Confirm quantity" must record one pick.
        examples: [[{ lines: [{ needed: 9, casePack: 6 }], gestures: [{ gesture: { kind: 'scan-bin', right: true }, double: false }, { gesture: { kind: 'type', text: '4', stale: false }, double: true }] }]],
      },
    );
  });
});

function toEvent(g: Exclude<Gesture, { kind: 'reload' }>, line: Line | null, lines: readonly Line[], other: Product, context: PickContext): PickEvent | null {
  const scan = (code: ScannedCode): PickEvent => ({ type: 'scan', code });
  const binOf = (code: string): ScannedCode => ({ kind: 'bin', bin: { code, zone: 'A', walkSeq: 1, stock: [] } });
  switch (g.kind) {
    case 'scan-bin':
      return scan(binOf(g.right && line ? line.bin : 'B-09-09-9'));
    case 'scan-unknown-bin':
      return scan({ kind: 'unknown-bin', binCode: 'Z-99-99-9' });
    case 'scan-item': {
      const p = g.right && line ? line.product : other;
      return scan({ kind: 'product', product: p, packQty: g.case ? p.codes[1]!.packQty : 1, gs1: null });
    }
    case 'type':
      return { type: 'quantity', lineNo: g.stale || !line ? (lines.find((l) => l !== line)?.lineNo ?? 99) : line.lineNo, seenDone: line ? (context.lines.find((l) => l.lineNo === line.lineNo)?.done ?? 0) : 0, text: g.text };
    case 'undo':
      return context.lastOpId ? { type: 'undo', opId: context.lastOpId } : null;
    case 'short':
      return line ? { type: 'short', lineNo: line.lineNo, reason: 'not-found' } : null;
    case 'finish':
      return { type: 'finish' };
  }
}

/** The second tap of a double tap carries what the screen showed at the first: the same line, the same count, the same step. */
function staleOf(event: PickEvent, _line: Line | null, _fresh: PickContext): PickEvent {
  return event;
}

function applyModel(model: Model, g: Exclude<Gesture, { kind: 'reload' }>, line: Line | null): void {
  if (model.finished) return;
  switch (g.kind) {
    case 'scan-bin':
      if (line && g.right) model.confirmed = line.lineNo;
      return;
    case 'scan-item': {
      if (!line || !g.right || model.confirmed !== line.lineNo) return;
      const qty = g.case ? line.product.codes[1]!.packQty : 1;
      if ((model.done.get(line.lineNo) ?? 0) + qty <= line.needed) model.pick(line, qty);
      return;
    }
    case 'type': {
      if (!line || g.stale || model.confirmed !== line.lineNo) return;
      if (!/^\+?\d+$/.test(g.text.trim())) return;
      const qty = Number(g.text);
      if (qty >= 1 && (model.done.get(line.lineNo) ?? 0) + qty <= line.needed) model.pick(line, qty);
      return;
    }
    case 'undo': {
      const last = model.history.pop();
      if (!last) return;
      model.confirmed = null;
      if (last.kind === 'pick') {
        model.done.set(last.line, model.done.get(last.line)! - last.qty);
        model.ops.splice(model.ops.lastIndexOf(`pick ${last.line} ${last.qty}`), 1);
      } else model.short.delete(last.line);
      return;
    }
    case 'short':
      if (line) {
        model.short.add(line.lineNo);
        model.history.push({ line: line.lineNo, qty: 0, kind: 'short' });
      }
      return;
    case 'finish':
      if (model.current() === null) model.finished = true;
      return;
    case 'scan-unknown-bin':
      return;
  }
}
