/**
 * The shift chart's numbers: per hour, operations done and how late they reached the
 * server (the median of the hour's steps, and the worst), for one device or all.
 */
// The console's words load with the console's code.
import '../../i18n/consoleWords';
import type { ShiftChart } from '../../../protocol/console';
import type { Translate } from '../../i18n/language';

export interface ChartHour {
  readonly hour: string;
  readonly operations: number;
  readonly lagMedianMs: number;
  readonly lagMaxMs: number;
}

export function chartHours(chart: ShiftChart, deviceId: string | null): ChartHour[] {
  const hours: ChartHour[] = [];
  for (let at = Date.parse(chart.from); at < Date.parse(chart.to); at += 3_600_000) {
    const rows = chart.hours.filter((h) => Date.parse(h.hour) === at && (deviceId === null || h.deviceId === deviceId));
    const operations = rows.reduce((n, r) => n + r.operations, 0);
    // All devices: the hour's median is weighed by each device's steps; the worst is the worst.
    const lagMedianMs = operations === 0 ? 0 : rows.reduce((n, r) => n + r.lagMedianMs * r.operations, 0) / operations;
    hours.push({ hour: new Date(at).toISOString(), operations, lagMedianMs, lagMaxMs: Math.max(0, ...rows.map((r) => r.lagMaxMs)) });
  }
  return hours;
}

/** Minutes or seconds, as a supervisor reads a lag, in their language. */
export function lagWords(t: Translate, ms: number): string {
  if (ms < 60_000) return t('console.lag.seconds', Math.round(ms / 1000));
  if (ms < 3_600_000) return t('console.lag.minutes', Math.round(ms / 60_000));
  return t('console.lag.hours', (ms / 3_600_000).toFixed(1));
}
