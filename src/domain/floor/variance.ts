/**
 * When a count is far enough from what the device expected to ask for a recount on
 * the spot. Both limits must be passed: a difference of 2 on 4 units is 50 % but may
 * be under the unit limit, and 30 units on 10,000 is many units but a small share.
 * With nothing expected, any difference over the unit limit asks for a recount.
 */
export interface VarianceThreshold {
  /** Units of difference allowed without a recount. */
  readonly units: number;
  /** Percent of the expected quantity allowed without a recount. */
  readonly percent: number;
}

export const DEFAULT_VARIANCE_THRESHOLD: VarianceThreshold = { units: 2, percent: 5 };

export function needsRecount(expected: number, counted: number, threshold: VarianceThreshold): boolean {
  const difference = Math.abs(counted - expected);
  if (difference <= threshold.units) return false;
  if (expected === 0) return true;
  return (difference / expected) * 100 > threshold.percent;
}
