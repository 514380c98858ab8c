/** Operations per hour (bars) and sync lag (line) over the shift, per device or in total: to look at rather than read. */
import { useState } from 'react';
import { shiftChartSchema } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { useConsoleQuery } from './useConsoleQuery';
import { chartHours, lagWords } from './shiftChart';

const W = 720;
const H = 220;
const PAD = 36;

export function ShiftChartView({ warehouseId, deviceId = null }: { warehouseId: string; deviceId?: string | null }) {
  const chart = useConsoleQuery(`${apiPaths.console(warehouseId, 'chart')}?hours=12`, shiftChartSchema, 60_000);
  const [chosen, setChosen] = useState<string | null>(deviceId);
  if (chart.problem) return <Problem message={chart.problem} />;
  if (!chart.data) return null;
  const devices = [...new Set(chart.data.hours.map((h) => h.deviceId))];
  const hours = chartHours(chart.data, chosen);
  const maxOps = Math.max(1, ...hours.map((h) => h.operations));
  const maxLag = Math.max(1000, ...hours.map((h) => h.lagMedianMs));
  const step = (W - 2 * PAD) / hours.length;
  const y = (value: number, max: number) => H - PAD - (value / max) * (H - 2 * PAD);
  const lagLine = hours.map((h, i) => `${PAD + step * (i + 0.5)},${y(h.lagMedianMs, maxLag)}`).join(' ');
  return (
    <section className="chart" aria-label="Operations per hour and sync lag">
      <h2>The last 12 hours</h2>
      {deviceId === null && (
        <label>
          Show{' '}
          <select value={chosen ?? ''} onChange={(e) => setChosen(e.target.value || null)}>
            <option value="">All devices</option>
            {devices.map((d) => (
              <option key={d} value={d}>
                Device {d.slice(0, 8)}
              </option>
            ))}
          </select>
        </label>
      )}
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Operations per hour: ${hours.map((h) => h.operations).join(', ')}`} data-testid="shift-chart">
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="currentColor" />
        {hours.map((h, i) => (
          <g key={h.hour}>
            <rect x={PAD + step * i + 2} y={y(h.operations, maxOps)} width={Math.max(1, step - 4)} height={H - PAD - y(h.operations, maxOps)} className="bar">
              <title>{`${new Date(h.hour).getHours()}:00 — ${h.operations} steps, lag ${lagWords(h.lagMedianMs)} (worst ${lagWords(h.lagMaxMs)})`}</title>
            </rect>
            {i % 2 === 0 && (
              <text x={PAD + step * (i + 0.5)} y={H - PAD + 16} textAnchor="middle" fontSize="12">
                {new Date(h.hour).getHours()}h
              </text>
            )}
          </g>
        ))}
        <polyline points={lagLine} fill="none" className="lag" strokeWidth="2" />
        <text x={PAD} y={14} fontSize="12">
          steps/hour (max {maxOps})
        </text>
        <text x={W - PAD} y={14} fontSize="12" textAnchor="end" className="lag-label">
          — median sync lag (max {lagWords(maxLag)})
        </text>
      </svg>
    </section>
  );
}
