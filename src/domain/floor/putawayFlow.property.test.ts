/**
 * Model-based test of the putaway machine: random scans of the line's item and of
 * bins (the suggested one, another, an unknown one), typed quantities, undos, reloads
 * and confirmations of big quantities, against a model of the line. What is recorded
 * equals the model's putaways; a line never goes above its quantity; every scan gets
 * an answer; a quantity over the per-step limit is recorded only when confirmed, and
 * then as a deviation.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Product } from '../catalog/product';
import type { Gtin14 } from '../codes/gtin';
import type { PutawayOp } from './operations';
import { putawayStep, startPutaway, type PutawayContext, type PutawayEvent, type PutawayState } from './putawayFlow';

const item: Product = { id: 'p1', sku: 'p1', name: 'P1', unit: 'pc', zone: 'A', lotTracked: false, expiryTracked: false, codes: [{ gtin: '00000000000001' as Gtin14, packQty: 1, packLevel: 'each', symbology: 'ean-13', printed: '1' }] };
const LIMIT = 20;

type Gesture = { kind: 'scan-item' } | { kind: 'type'; text: string } | { kind: 'scan-bin'; bin: 'A-01-01-1' | 'A-02-02-2' } | { kind: 'scan-unknown-bin' } | { kind: 'undo' } | { kind: 'confirm' } | { kind: 'cancel' } | { kind: 'reload' };
const gesture: fc.Arbitrary<Gesture> = fc.oneof(
  fc.constant({ kind: 'scan-item' as const }),
  fc.record({ kind: fc.constant('type' as const), text: fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.constantFrom('', 'x', '1.5')) }),
  fc.record({ kind: fc.constant('scan-bin' as const), bin: fc.constantFrom('A-01-01-1' as const, 'A-02-02-2' as const) }),
  fc.constant({ kind: 'scan-unknown-bin' as const }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'confirm' as const }),
  fc.constant({ kind: 'cancel' as const }),
  fc.constant({ kind: 'reload' as const }),
);

describe('the putaway machine against its model', () => {
  it('records the model\u2019s putaways, never above the line, big ones only when confirmed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(gesture, { maxLength: 40 }), (needed, gestures) => {
        let state: PutawayState = startPutaway('flow-1');
        let saved = state;
        const steps: { id: string; op: PutawayOp | { type: 'undo'; undoesOpId: string } }[] = [];
        const history: string[] = [];
        let done = 0;
        // The model.
        let inHand = false;
        let qtyText = '';
        let asked: number | null = null;
        let modelDone = 0;
        const modelStack: number[] = [];
        const context = (): PutawayContext => ({
          taskId: 't1',
          lines: [{ lineNo: 1, binCode: 'A-01-01-1', product: item, lot: null, needed, done, walkSeq: 1 }],
          finished: false,
          lastOpId: history.at(-1) ?? null,
          today: '2026-12-01',
          stepLimit: LIMIT,
        });
        for (const g of gestures) {
          if (g.kind === 'reload') {
            state = saved;
            continue;
          }
          const event: PutawayEvent | null =
            g.kind === 'scan-item'
              ? { type: 'scan', code: { kind: 'product', product: item, packQty: 1, gs1: null }, facts: { knownExpiry: null, suggestion: null } }
              : g.kind === 'type'
                ? { type: 'edit-quantity', text: g.text }
                : g.kind === 'scan-bin'
                  ? { type: 'scan', code: { kind: 'bin', bin: { code: g.bin, zone: 'A', walkSeq: 1, stock: [] } }, facts: null }
                  : g.kind === 'scan-unknown-bin'
                    ? { type: 'scan', code: { kind: 'unknown-bin', binCode: 'Z-99-99-9' }, facts: null }
                    : g.kind === 'undo'
                      ? history.length > 0
                        ? { type: 'undo', opId: history.at(-1)! }
                        : null
                      : { type: g.kind };
          if (event === null) continue;
          const t = putawayStep(state, context(), event);
          if (event.type === 'scan') expect(t.feedback).not.toBeNull();
          if (t.record) {
            const id = `op${steps.length + 1}`;
            const op = t.record.op as PutawayOp | { type: 'undo'; undoesOpId: string };
            if (op.type === 'putaway') {
              expect(done + op.qty).toBeLessThanOrEqual(needed);
              done += op.qty;
              history.push(id);
              expect(op.deviations ?? []).toEqual(op.qty > LIMIT ? ['over-step-limit'] : []);
            } else {
              const target = steps.find((s) => s.id === op.undoesOpId)!.op as PutawayOp;
              done -= target.qty;
              history.pop();
            }
            steps.push({ id, op });
          }
          state = t.state;
          saved = state;
          // The model's turn.
          const left = needed - modelDone;
          switch (g.kind) {
            case 'scan-item':
              if (asked === null && left > 0) {
                inHand = true;
                qtyText = String(left);
              }
              break;
            case 'type':
              if (asked === null) qtyText = g.text;
              break;
            case 'scan-bin': {
              if (asked !== null || !inHand) break;
              const qty = /^\d+$/.test(qtyText) ? Number(qtyText) : NaN;
              if (!(qty >= 1 && qty <= left)) break;
              if (qty > LIMIT) asked = qty;
              else {
                modelDone += qty;
                modelStack.push(qty);
                inHand = false;
                qtyText = '';
              }
              break;
            }
            case 'confirm':
              if (asked !== null) {
                modelDone += asked;
                modelStack.push(asked);
                asked = null;
                inHand = false;
                qtyText = '';
              }
              break;
            case 'cancel':
              asked = null;
              break;
            case 'undo':
              if (asked === null && modelStack.length > 0) {
                modelDone -= modelStack.pop()!;
                inHand = false;
                qtyText = '';
              }
              break;
          }
          expect(done).toBe(modelDone);
        }
      }),
      { numRuns: 600 },
    );
  });
});
