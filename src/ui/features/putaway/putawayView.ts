/** A putaway task's lines in walk order, with what is done on this device, and the line to work next. */
import type { TaskAtHand } from '../../../device/taskWork';
import { inWalkOrder } from '../../../domain/floor/walkOrder';

export function putawayLines(atHand: TaskAtHand) {
  const lines = inWalkOrder(
    atHand.task.lines.map((line) => {
      const done = atHand.progress?.lines[line.lineNo]?.done ?? 0;
      return { ...line, walkSeq: line.binCode ? (atHand.bins.get(line.binCode)?.walkSeq ?? null) : null, needed: line.qty ?? 0, done };
    }),
  );
  return { lines, current: lines.find((line) => line.done < line.needed) ?? null };
}

export type PutawayLine = NonNullable<ReturnType<typeof putawayLines>['current']>;
