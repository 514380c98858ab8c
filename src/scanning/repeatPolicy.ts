/**
 * Whether the same code scanned again is a new scan is the flow's decision. Counting
 * says yes: each scan of an item is +1. Find, or a step that waits for a bin, says no
 * within a short window: the worker pulled the trigger twice, or held the camera on
 * the code (the camera already makes one scan of a code held in view).
 */
import type { Scan } from './scan';

export type RepeatPolicy = { readonly kind: 'each-scan-counts' } | { readonly kind: 'ignore-repeats'; readonly withinMs: number };

export const EACH_SCAN_COUNTS: RepeatPolicy = { kind: 'each-scan-counts' };
export const IGNORE_REPEATS: RepeatPolicy = { kind: 'ignore-repeats', withinMs: 1500 };

export class RepeatFilter {
  private last: Scan | null = null;

  constructor(private readonly policy: RepeatPolicy) {}

  /** True when the flow should act on this scan. Typed entries are always deliberate. */
  accepts(scan: Scan): boolean {
    const previous = this.last;
    this.last = scan;
    if (this.policy.kind === 'each-scan-counts' || scan.source === 'keyboard' || previous === null) return true;
    return !(previous.text === scan.text && scan.at - previous.at <= this.policy.withinMs);
  }
}
