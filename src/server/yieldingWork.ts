/**
 * Long checks (a big CSV file) run in slices: the domain's generators pause every few
 * thousand characters or rows, and here, once a slice has held the event loop for
 * SLICE_MS, the rest waits for the next turn (setImmediate), so other requests, a
 * device's push or /api/health, are answered in between.
 */
import { performance } from 'node:perf_hooks';

/** The longest the event loop is held by one slice of a long check. */
export const SLICE_MS = 15;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function yieldingWork<T>(work: Generator<void, T, void>): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}
