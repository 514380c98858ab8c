/** The pick list as the picker walks it: lines in walk order, what each still needs, and the totals. */
import type { TaskAtHand } from '../../../device/taskWork';
import type { TaskLine } from '../../../domain/tasks/task';
import { inWalkOrder } from '../../../domain/floor/walkOrder';

export interface PickLineView extends TaskLine {
  readonly walkSeq: number | null;
  readonly needed: number;
  readonly done: number;
  readonly short: { readonly qty: number; readonly reason: string } | null;
  readonly closed: boolean;
}

export interface PickListView {
  readonly lines: readonly PickLineView[];
  /** The first line still open, in walk order; null when every line is done or short. */
  readonly current: PickLineView | null;
  readonly linesClosed: number;
  readonly unitsDone: number;
  readonly unitsNeeded: number;
}

export function pickListView(atHand: TaskAtHand): PickListView {
  const lines = inWalkOrder(
    atHand.task.lines.map((line) => {
      const progress = atHand.progress?.lines[line.lineNo] ?? { done: 0, short: null };
      const needed = line.qty ?? 0;
      return { ...line, walkSeq: line.binCode ? (atHand.bins.get(line.binCode)?.walkSeq ?? null) : null, needed, done: progress.done, short: progress.short, closed: progress.done >= needed || progress.short !== null };
    }),
  );
  return {
    lines,
    current: lines.find((line) => !line.closed) ?? null,
    linesClosed: lines.filter((line) => line.closed).length,
    unitsDone: lines.reduce((sum, line) => sum + line.done, 0),
    unitsNeeded: lines.reduce((sum, line) => sum + line.needed, 0),
  };
}
