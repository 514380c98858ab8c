import { describe, expect, it } from 'vitest';
import { afterInput, NO_TAPS, secondTapOfChange } from './tapGuard';

const tap = (at: number, x = 100, y = 800) => ({ at, x, y });

describe('the second tap of a double tap across a change', () => {
  it('is ignored when the control changed after the first tap, on the same spot, within a double tap', () => {
    expect(secondTapOfChange(1_050, tap(1_000), tap(1_150, 110, 790))).toBe(true);
  });
  it('is taken after a pause, elsewhere on the screen, or when the control changed before the first tap (a scan changed it)', () => {
    expect(secondTapOfChange(1_050, tap(1_000), tap(1_450))).toBe(false);
    expect(secondTapOfChange(1_050, tap(1_000, 100, 300), tap(1_150))).toBe(false);
    expect(secondTapOfChange(900, tap(1_000), tap(1_150))).toBe(false);
    expect(secondTapOfChange(1_050, { at: -Infinity, x: NaN, y: NaN }, tap(1_100))).toBe(false);
  });
});

describe('what the page remembers between taps', () => {
  it('pairs a tap with the tap before it', () => {
    const taps = afterInput(afterInput(NO_TAPS, tap(1_000)), tap(1_150));
    expect(taps.previous).toEqual(tap(1_000));
    expect(secondTapOfChange(1_050, taps.previous, taps.last)).toBe(true);
  });
  it('does not pair two quick taps on the same spot with a scan, a key or typing between them', () => {
    // Confirm lot, the quantity typed, the bin scanned (the question appears), then Yes, save it: 300 ms in all.
    const taps = afterInput(afterInput(afterInput(NO_TAPS, tap(1_000)), 'other'), tap(1_300));
    expect(secondTapOfChange(1_200, taps.previous, taps.last)).toBe(false);
  });
});
