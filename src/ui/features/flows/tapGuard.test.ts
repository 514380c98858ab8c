import { describe, expect, it } from 'vitest';
import { secondTapOfChange } from './tapGuard';

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
