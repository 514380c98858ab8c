import { describe, expect, it } from 'vitest';
import { chartHours, lagWords } from './shiftChart';
import { translator } from '../../i18n/language';

const en = translator('en');

const chart = {
  from: '2026-12-01T08:00:00.000Z',
  to: '2026-12-01T11:00:00.000Z',
  hours: [
    { hour: '2026-12-01T08:00:00.000Z', deviceId: 'a', deviceName: null, operations: 30, lagMedianMs: 1000, lagMaxMs: 4000 },
    { hour: '2026-12-01T08:00:00.000Z', deviceId: 'b', deviceName: null, operations: 10, lagMedianMs: 5000, lagMaxMs: 600_000 },
    { hour: '2026-12-01T10:00:00.000Z', deviceId: 'b', deviceName: null, operations: 2, lagMedianMs: 0, lagMaxMs: 0 },
  ],
};

describe('the shift chart', () => {
  it('has every hour of the window, empty ones included; in total, the lag is weighed by each device’s steps', () => {
    expect(chartHours(chart, null)).toEqual([
      { hour: '2026-12-01T08:00:00.000Z', operations: 40, lagMedianMs: 2000, lagMaxMs: 600_000 },
      { hour: '2026-12-01T09:00:00.000Z', operations: 0, lagMedianMs: 0, lagMaxMs: 0 },
      { hour: '2026-12-01T10:00:00.000Z', operations: 2, lagMedianMs: 0, lagMaxMs: 0 },
    ]);
  });

  it('shows one device alone', () => {
    expect(chartHours(chart, 'a').map((h) => h.operations)).toEqual([30, 0, 0]);
  });

  it('words a lag as a supervisor reads it', () => {
    expect([lagWords(en, 4200), lagWords(en, 600_000), lagWords(en, 5_400_000)]).toEqual(['4 s', '10 min', '1.5 h']);
    expect(lagWords(translator('zh'), 600_000)).toBe('10 分钟');
  });
});
