import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FRAME_PACING, nextFrameDue } from './framePacing';

/**
 * The camera loop as cameraScanner.ts runs it, on a simulated clock: video frames
 * every `frameMs`; a frame is taken at the first video frame at or after the due time
 * and its read comes back `costs[i]` ms later (one in flight, so no queue can form).
 */
function simulate(costs: readonly number[], frameMs = 1000 / 30) {
  let due = 0;
  let busy = 0;
  let end = 0;
  const starts: number[] = [];
  for (const cost of costs) {
    const start = Math.ceil(due / frameMs) * frameMs;
    expect(start).toBeGreaterThanOrEqual(end); // the last read is back before the next frame is taken
    starts.push(start);
    end = start + cost;
    busy += cost;
    due = nextFrameDue(start, end);
  }
  // Up to when the next frame would be taken: the rest after the last frame is part of its cost.
  return { starts, busyShare: busy / due, perSecond: (costs.length / due) * 1000 };
}

describe('the camera frame pacing', () => {
  it('rests as long as the frame took, so the decoder is busy half the time', () => {
    expect(nextFrameDue(1000, 1200)).toBe(1400);
    expect(nextFrameDue(0, 80)).toBe(160);
  });

  it('takes at most 20 frames a second from a fast device', () => {
    expect(nextFrameDue(1000, 1005)).toBe(1050);
    const { perSecond, busyShare } = simulate(Array(200).fill(5));
    expect(perSecond).toBeLessThanOrEqual(20);
    expect(perSecond).toBeGreaterThan(10);
    expect(busyShare).toBeLessThan(0.2);
  });

  it('reads fewer frames a second on a slow handheld, with the decoder busy at most half the time', () => {
    // A rugged handheld several times slower than a phone: 120 ms a frame.
    const slow = simulate(Array(100).fill(120));
    expect(slow.busyShare).toBeLessThanOrEqual(FRAME_PACING.busyShare);
    expect(slow.busyShare).toBeGreaterThan(0.4);
    expect(slow.perSecond).toBeGreaterThan(3);
    expect(slow.perSecond).toBeLessThan(4.2);
  });

  it('follows the cost when it changes: cheap empty frames, then a code needing every pass', () => {
    const costs = [...Array(40).fill(8), ...Array(20).fill(300), ...Array(40).fill(8)];
    const { starts } = simulate(costs);
    const gap = (i: number) => starts[i + 1]! - starts[i]!;
    expect(gap(10)).toBeLessThan(70);
    expect(gap(45)).toBeGreaterThanOrEqual(600);
    expect(gap(90)).toBeLessThan(70);
  });

  it('never lets the decoder be busy more than half the time, whatever the frames cost', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 2000, noNaN: true }), { minLength: 1, maxLength: 300 }), fc.constantFrom(1000 / 30, 1000 / 15, 1000 / 60), (costs, frameMs) => {
        const { busyShare } = simulate(costs, frameMs);
        expect(busyShare).toBeLessThanOrEqual(FRAME_PACING.busyShare + 1e-9);
      }),
    );
  });

  it('never asks for a frame before the last one started plus the least interval', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 5000, noNaN: true }), (start, cost) => {
        const due = nextFrameDue(start, start + cost);
        expect(due).toBeGreaterThanOrEqual(start + FRAME_PACING.minIntervalMs);
        expect(due).toBeGreaterThanOrEqual(start + 2 * cost - 1e-6);
      }),
    );
  });
});
