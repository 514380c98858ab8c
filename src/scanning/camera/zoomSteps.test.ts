import { describe, expect, it } from 'vitest';
import { nextZoom, zoomRangeOf, zoomRatio } from './zoomSteps';

const phone = { min: 1, max: 8, step: 0.1 };
const fakeCamera = { min: 100, max: 400, step: 1 };

describe('zoom in big steps', () => {
  it('reads the track\u2019s zoom capability, or none', () => {
    expect(zoomRangeOf({ min: 1, max: 8, step: 0.1 })).toEqual(phone);
    expect(zoomRangeOf({ min: 1, max: 8 })).toEqual({ min: 1, max: 8, step: 0 });
    expect(zoomRangeOf(undefined)).toBeNull();
    expect(zoomRangeOf(true)).toBeNull();
    expect(zoomRangeOf({ min: 1, max: 1, step: 0.1 })).toBeNull();
    expect(zoomRangeOf({ min: Number.NaN, max: 4 })).toBeNull();
  });

  it('goes 1x, 1.5x, 2x, 3x, 4x… up to the camera\u2019s most, and back', () => {
    const ins: number[] = [];
    for (let z = phone.min; z < phone.max; ) ins.push((z = nextZoom(z, phone, 'in')));
    expect(ins).toEqual([1.5, 2, 3, 4, 6, 8]);
    expect(nextZoom(8, phone, 'in')).toBe(8);
    expect(nextZoom(8, phone, 'out')).toBe(6);
    expect(nextZoom(1.5, phone, 'out')).toBe(1);
    expect(nextZoom(1, phone, 'out')).toBe(1);
  });

  it('steps from a zoom between stops to the next stop', () => {
    expect(nextZoom(2.4, phone, 'in')).toBe(3);
    expect(nextZoom(2.4, phone, 'out')).toBe(2);
  });

  it('works in the camera\u2019s own units and snaps to its step', () => {
    expect(nextZoom(100, fakeCamera, 'in')).toBe(150);
    expect(nextZoom(300, fakeCamera, 'in')).toBe(400);
    expect(zoomRatio(150, fakeCamera)).toBe(1.5);
    expect(nextZoom(1, { min: 1, max: 5, step: 0.7 }, 'in')).toBe(1.7);
    expect(nextZoom(0, { min: 0, max: 3, step: 1 }, 'in')).toBe(1);
  });
});
