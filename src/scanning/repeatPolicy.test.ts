import { describe, expect, it } from 'vitest';
import { makeScan, type ScanSource } from './scan';
import { EACH_SCAN_COUNTS, IGNORE_REPEATS, RepeatFilter } from './repeatPolicy';

const scan = (text: string, at: number, source: ScanSource = 'scanner') => makeScan(text, 'ean-13', source, at);

describe('repeat policy', () => {
  it('counts every scan of the same item when counting', () => {
    const filter = new RepeatFilter(EACH_SCAN_COUNTS);
    expect([0, 300, 600].map((at) => filter.accepts(scan('4006381333931', at)))).toEqual([true, true, true]);
  });

  it('ignores the same code again within the window, and takes it after', () => {
    const filter = new RepeatFilter(IGNORE_REPEATS);
    expect(filter.accepts(scan('4006381333931', 0))).toBe(true);
    expect(filter.accepts(scan('4006381333931', 400))).toBe(false);
    expect(filter.accepts(scan('4006381333931', 2500))).toBe(true);
  });

  it('takes another code at once, and the first one again after it', () => {
    const filter = new RepeatFilter(IGNORE_REPEATS);
    expect(filter.accepts(scan('4006381333931', 0))).toBe(true);
    expect(filter.accepts(scan('A-01-02-3', 100))).toBe(true);
    expect(filter.accepts(scan('4006381333931', 200))).toBe(true);
  });

  it('always takes a typed entry: typing it again is deliberate', () => {
    const filter = new RepeatFilter(IGNORE_REPEATS);
    expect(filter.accepts(scan('4006381333931', 0, 'keyboard'))).toBe(true);
    expect(filter.accepts(scan('4006381333931', 10, 'keyboard'))).toBe(true);
  });
});
