import { describe, expect, it } from 'vitest';
import { showFloorTime, showTime } from './language';

describe('showTime and showFloorTime, written by hand', () => {
  it('write the time of day as each language would with its own formatter (24-hour HH:MM)', () => {
    const now = new Date(2026, 11, 4, 12, 0);
    for (let minutes = 0; minutes < 24 * 60; minutes += 37) {
      const at = new Date(2026, 11, 4, 0, minutes);
      expect(showTime('en', at.toISOString(), now)).toBe(at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }));
      expect(showTime('zh', at.toISOString(), now)).toBe(at.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' }));
    }
  });

  it('add the date for another day', () => {
    const now = new Date(2026, 11, 4, 12, 0);
    expect(showTime('en', new Date(2026, 11, 1, 8, 5).toISOString(), now)).toBe('1 Dec 2026, 08:05');
    expect(showTime('zh', new Date(2026, 11, 1, 8, 5).toISOString(), now)).toBe('2026年12月1日 08:05');
  });

  it('read the floor time on the warehouse clocks, whatever the device zone', () => {
    const now = Date.parse('2026-12-04T03:00:00Z');
    expect(showFloorTime('en', '2026-12-04T06:30:00Z', 'Asia/Shanghai', now)).toBe('14:30');
    expect(showFloorTime('en', '2026-12-04T16:30:00Z', 'Asia/Shanghai', now)).toBe('5 Dec 2026, 00:30');
    expect(showFloorTime('zh', '2026-12-03T23:59:00Z', 'UTC', now)).toBe('2026年12月3日 23:59');
  });
});
