/** A step in the outbox, in a line a worker recognises: what, where, how many. */
import type { FloorOperation } from '../../../domain/floor/operations';
import type { Product } from '../../../domain/catalog/product';
import type { MessageKey, Messages } from '../../i18n/en';

type Args<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];
export type Words = <K extends MessageKey>(key: K, ...args: Args<K>) => string;

export function stepSummary(t: Words, op: FloorOperation, products: ReadonlyMap<string, Product>): string {
  const name = (id: string) => products.get(id)?.name ?? id;
  switch (op.type) {
    case 'putaway':
      return t('step.putaway', op.qty, name(op.productId), op.binCode);
    case 'pick':
      return t('step.pick', op.qty, name(op.productId), op.binCode);
    case 'pick-short':
      return t('step.short', op.shortQty, name(op.productId), op.binCode);
    case 'count':
      return op.lines.length === 0 ? t('step.countEmpty', op.binCode) : t('step.count', op.binCode, op.lines.length);
    case 'task-taken':
      return t('step.taken', op.taskId);
    case 'task-finished':
      return t('step.finished', op.taskId);
    case 'undo':
      return t('step.undo');
    case 'rejection-settled':
      return t('step.settled');
  }
}

/** The products a list of steps names, for their names. */
export function productIdsOf(ops: readonly FloorOperation[]): string[] {
  return ops.flatMap((op) => ('productId' in op ? [op.productId] : []));
}
