/** Operations per hour (bars) and sync lag (line) over the shift, per device or in total: to look at rather than read. */
import { useState } from 'react';
import { shiftChartSchema } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { useFormat, useT } from '../../i18n/useT';
import { useConsoleQuery } from './useConsoleQuery';
import { chartHours, lagWords } from './shiftChart';
import { byDeviceName, deviceText } from './deviceLabel';

const W = 720;
const H = 220;
const PAD = 36;

export function ShiftChartView({ warehouseId, deviceId = null }: { warehouseId: string; deviceId?: string | null }) {
  const t = useT();
  const format = useFormat();
  const chart = useConsoleQuery(`${apiPaths.console(warehouseId, 'chart')}?hours=12`, shiftChartSchema, 60_000);
  const [chosen, setChosen] = useState<string | null>(deviceId);
  if (chart.problem) return <Problem message={chart.problem} />;
  if (!chart.data) return null;
  const devices = [...new Map(chart.data.hours.map((h) => [h.deviceId, { deviceId: h.deviceId, name: h.deviceName }])).values()].sort(byDeviceName);
  const hours = chartHours(chart.data, chosen);
  const maxOps = Math.max(1, ...hours.map((h) => h.operations));
  const maxLag = Math.max(1000, ...hours.map((h) => h.lagMedianMs));
  const step = (W - 2 * PAD) / hours.length;
  const y = (value: number, max: number) => H - PAD - (value / max) * (H - 2 * PAD);
  const lagLine = hours.map((h, i) => `${PAD + step * (i + 0.5)},${y(h.lagMedianMs, maxLag)}`).join(' ');
  return (
    <section className="chart" aria-label={t('console.chart.region')}>
      <h2>{t('console.chart.title')}</h2>
      {deviceId === null && (
        <label>
          {t('console.chart.show')}{' '}
          <select value={chosen ?? ''} onChange={(e) => setChosen(e.target.value || null)}>
            <option value="">{t('console.chart.all')}</option>
            {devices.map((d) => (
              <option key={d.deviceId} value={d.deviceId}>
                {deviceText(t, d.deviceId, d.name)}
              </option>
            ))}
          </select>
        </label>
      )}
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('console.chart.opsAria', hours.map((h) => h.operations).join(', '))} data-testid="shift-chart">
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="currentColor" />
        {hours.map((h, i) => (
          <g key={h.hour}>
            <rect x={PAD + step * i + 2} y={y(h.operations, maxOps)} width={Math.max(1, step - 4)} height={H - PAD - y(h.operations, maxOps)} className="bar">
              <title>{t('console.chart.bar', format.hour(h.hour), h.operations, lagWords(t, h.lagMedianMs), lagWords(t, h.lagMaxMs))}</title>
            </rect>
            {i % 2 === 0 && (
              <text x={PAD + step * (i + 0.5)} y={H - PAD + 16} textAnchor="middle" fontSize="12">
                {format.hour(h.hour)}
              </text>
            )}
          </g>
        ))}
        <polyline points={lagLine} fill="none" className="lag" strokeWidth="2" />
        <text x={PAD} y={14} fontSize="12">
          {t('console.chart.stepsAxis', maxOps)}
        </text>
        <text x={W - PAD} y={14} fontSize="12" textAnchor="end" className="lag-label">
          {t('console.chart.lagAxis', lagWords(t, maxLag))}
        </text>
      </svg>
    </section>
  );
}
