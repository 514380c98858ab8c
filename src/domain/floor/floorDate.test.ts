import { describe, expect, it } from 'vitest';
import { floorDate, knownTimeZone, localTimeZone } from './floorDate';
import { isExpired } from './fefo';

describe('the floor’s date', () => {
  it('is the date in the warehouse’s zone: in Shanghai at 01:00 on 1 January a lot expiring 31 December has expired', () => {
    const at = Date.parse('2027-01-01T01:00:00+08:00');
    expect(new Date(at).toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(floorDate(at, 'Asia/Shanghai')).toBe('2027-01-01');
    expect(isExpired('2026-12-31', floorDate(at, 'Asia/Shanghai'))).toBe(true);
    // The UTC date, as the floor used to take it, still said 31 December: accepted until 08:00.
    expect(floorDate(at, 'UTC')).toBe('2026-12-31');
    expect(isExpired('2026-12-31', floorDate(at, 'UTC'))).toBe(false);
  });

  it('turns at midnight where the warehouse is, on both sides of UTC, summer time included', () => {
    expect(floorDate(new Date('2026-12-31T15:59:59.999Z'), 'Asia/Shanghai')).toBe('2026-12-31');
    expect(floorDate(new Date('2026-12-31T16:00:00.000Z'), 'Asia/Shanghai')).toBe('2027-01-01');
    expect(floorDate(new Date('2027-01-01T04:59:59Z'), 'America/New_York')).toBe('2026-12-31');
    expect(floorDate(new Date('2027-01-01T05:00:00Z'), 'America/New_York')).toBe('2027-01-01');
    // Summer time in New York: midnight is 04:00 UTC.
    expect(floorDate(new Date('2027-07-01T03:59:59Z'), 'America/New_York')).toBe('2027-06-30');
    expect(floorDate(new Date('2027-07-01T04:00:00Z'), 'America/New_York')).toBe('2027-07-01');
    expect(floorDate(Date.parse('2027-03-01T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2027-03-02');
  });

  it('takes a Date or a number, and writes four-digit years', () => {
    expect(floorDate(Date.UTC(2026, 0, 5, 12), 'UTC')).toBe('2026-01-05');
    expect(floorDate(new Date(Date.UTC(2026, 0, 5, 12)), 'Europe/Berlin')).toBe('2026-01-05');
  });

  it('refuses a zone this runtime does not know', () => {
    expect(() => floorDate(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('time zone names', () => {
  it('knows IANA names in any case, giving the canonical one', () => {
    expect(knownTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(knownTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
    expect(knownTimeZone('UTC')).toBe('UTC');
    // Both names of one zone are kept as given: runtimes disagree on which is canonical.
    expect(knownTimeZone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(knownTimeZone('America/Buenos_Aires')).toBe('America/Buenos_Aires');
  });

  it('refuses what is not a zone: unknown names, offsets, empty or overlong text', () => {
    for (const name of ['Mars/Olympus_Mons', '+08:00', 'UTC+8', '', ' Asia/Shanghai', 'Asia/Shanghai\n', 'A'.repeat(65), '../etc/passwd']) expect(knownTimeZone(name), name).toBeNull();
  });

  it('gives the runtime’s own zone as a known one', () => {
    expect(knownTimeZone(localTimeZone())).toBe(localTimeZone());
  });
});
