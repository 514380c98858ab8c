/**
 * The order a worker walks: by the bins' walk sequence, then bin code, then the line's
 * own number, so the same list always comes out the same way. A line whose bin the
 * device does not know goes last, where the worker sees it rather than walks past it.
 */
export interface WalkStop {
  readonly lineNo: number;
  readonly binCode: string | null;
  /** null when the bin is unknown to the device. */
  readonly walkSeq: number | null;
}

export function inWalkOrder<T extends WalkStop>(lines: readonly T[]): T[] {
  return [...lines].sort(
    (a, b) =>
      (a.walkSeq ?? Infinity) - (b.walkSeq ?? Infinity) ||
      (a.binCode ?? '').localeCompare(b.binCode ?? '') ||
      a.lineNo - b.lineNo,
  );
}
