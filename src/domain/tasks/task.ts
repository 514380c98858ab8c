export type TaskKind = 'pick' | 'putaway' | 'count';
export type TaskStatus = 'open' | 'in-progress' | 'done' | 'cancelled';

/** One line of a task. Which fields are set depends on the kind (see TaskKind). */
export interface TaskLine {
  readonly lineNo: number;
  /** pick: the bin to pick from; count: the bin to count; putaway: the suggested bin, if any. */
  readonly binCode: string | null;
  /** pick and putaway: the product; count: null (counts are blind per bin). */
  readonly productId: string | null;
  readonly lot: string | null;
  /** pick and putaway: the units to move; count: null. */
  readonly qty: number | null;
}

export interface Task {
  readonly id: string;
  readonly kind: TaskKind;
  /** The order, receipt or count reference a person recognises. */
  readonly reference: string;
  readonly status: TaskStatus;
  /** User id, or null when any worker may take it. */
  readonly assignedTo: string | null;
  /** The device that sent the task's first step, as the server last said; null before any. */
  readonly workedOnDevice: string | null;
  readonly createdAt: string;
  readonly lines: readonly TaskLine[];
}
