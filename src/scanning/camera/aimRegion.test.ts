import { describe, expect, it } from 'vitest';
import { AIM_REGION, aimBoxOnScreen, aimRegionInPixels } from './aimRegion';

describe('the aim region', () => {
  it('is a band across the middle of the frame', () => {
    expect(AIM_REGION.left + AIM_REGION.width / 2).toBeCloseTo(0.5);
    expect(AIM_REGION.top + AIM_REGION.height / 2).toBeCloseTo(0.5);
  });

  it('gives whole pixels inside the frame', () => {
    expect(aimRegionInPixels(1280, 720)).toEqual({ x: 128, y: 180, width: 1024, height: 360 });
    expect(aimRegionInPixels(720, 1280)).toEqual({ x: 72, y: 320, width: 576, height: 640 });
    expect(aimRegionInPixels(3, 3, { left: 0.9, top: 0.9, width: 0.5, height: 0.5 })).toEqual({ x: 2, y: 2, width: 1, height: 1 });
  });

  it('is drawn where the frame shows it: the same fractions when the viewfinder has the frame\u2019s shape', () => {
    const box = aimBoxOnScreen({ width: 1280, height: 720 }, { width: 393, height: 221.0625 });
    expect(box.left).toBeCloseTo(AIM_REGION.left);
    expect(box.top).toBeCloseTo(AIM_REGION.top);
    expect(box.width).toBeCloseTo(AIM_REGION.width);
    expect(box.height).toBeCloseTo(AIM_REGION.height);
  });

  it('is moved and clipped where the viewfinder cuts the frame (object-fit: cover)', () => {
    // A portrait frame (a phone held upright) in a viewfinder capped at 383 px high:
    // scaled to 393 x 699, the middle 383 px shown.
    const box = aimBoxOnScreen({ width: 720, height: 1280 }, { width: 393, height: 383 });
    const shown = (1280 * 393) / 720;
    const offset = (383 - shown) / 2;
    expect(box.left).toBeCloseTo(0.1);
    expect(box.width).toBeCloseTo(0.8);
    expect(box.top).toBeCloseTo((offset + 0.25 * shown) / 383);
    expect(box.top + box.height).toBeCloseTo((offset + 0.75 * shown) / 383);
    // A box bigger than what is shown is clipped to it.
    const clipped = aimBoxOnScreen({ width: 720, height: 1280 }, { width: 393, height: 221 });
    expect(clipped.top).toBe(0);
    expect(clipped.height).toBe(1);
  });
});
