import { describe, expect, it } from 'vitest';
import { FrameAgreement } from './frameAgreement';
import type { FrameRead } from './barcodeEngine';

const code = (text: string, framesNeeded = 2): FrameRead => ({ text, symbology: 'ean-13', framesNeeded });

/** Feeds frames 33 ms apart (30 fps) and returns the texts that became scans. */
function run(frames: readonly (FrameRead | null)[], agreement = new FrameAgreement()): string[] {
  return frames.flatMap((read, i) => {
    const scan = agreement.offer(read, i * 33);
    return scan ? [scan.text] : [];
  });
}

describe('camera frame agreement', () => {
  it('makes a scan only when two frames agree', () => {
    expect(run([code('A')])).toEqual([]);
    expect(run([code('A'), code('A')])).toEqual(['A']);
  });

  it('does not accept a one-frame misread between reads of another code', () => {
    expect(run([code('A'), code('B'), code('A'), code('C')])).toEqual([]);
  });

  it('lets a blurred frame with no read pass without breaking agreement', () => {
    expect(run([code('A'), null, code('A')])).toEqual(['A']);
  });

  it('asks three frames of a weak read when the engine cannot count lines', () => {
    expect(run([code('E', 3), code('E', 3)])).toEqual([]);
    expect(run([code('E', 3), code('E', 3), code('E', 3)])).toEqual(['E']);
  });

  it('yields one scan for a code held in view, however many frames show it', () => {
    expect(run(Array.from({ length: 90 }, () => code('A')))).toEqual(['A']);
  });

  it('scans the same code again once it was out of view long enough', () => {
    const outOfView = Array.from({ length: 30 }, () => null); // ~1 s
    expect(run([code('A'), code('A'), ...outOfView, code('A'), code('A')])).toEqual(['A', 'A']);
    const glimpse = Array.from({ length: 5 }, () => null); // ~165 ms: still the same scan
    expect(run([code('A'), code('A'), ...glimpse, code('A'), code('A')])).toEqual(['A']);
  });

  it('scans a code again after another code was scanned in between', () => {
    expect(run([code('A'), code('A'), code('B'), code('B'), code('A'), code('A')])).toEqual(['A', 'B', 'A']);
  });

  it('does not let frames far apart agree', () => {
    const agreement = new FrameAgreement();
    expect(agreement.offer(code('A'), 0)).toBeNull();
    expect(agreement.offer(code('A'), 2000)).toBeNull();
    expect(agreement.offer(code('A'), 2033)?.text).toBe('A');
  });
});
