/**
 * Zoom in big steps, for a gloved thumb on a + and a − button rather than a slider:
 * labels on high racks are read at 2–4x. Cameras give zoom in their own units (a
 * phone 1–8 in steps of 0.1, Chromium's fake camera 100–400 in steps of 1), so the
 * steps are ratios of the camera's least zoom, snapped to its step and kept in range.
 */

/** What the track says of its zoom (MediaStreamTrack.getCapabilities().zoom), with the value now. */
export interface ZoomRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

const RATIOS = [1, 1.5, 2, 3, 4, 6, 8, 10];

/** The track's zoom range, or null when it offers none worth a button (absent, or no range). */
export function zoomRangeOf(capability: unknown): ZoomRange | null {
  if (typeof capability !== 'object' || capability === null) return null;
  const { min, max, step } = capability as { min?: unknown; max?: unknown; step?: unknown };
  if (typeof min !== 'number' || typeof max !== 'number' || !Number.isFinite(min) || !Number.isFinite(max) || !(max > min)) return null;
  return { min, max, step: typeof step === 'number' && step > 0 ? step : 0 };
}

function snap(value: number, range: ZoomRange): number {
  const stepped = range.step > 0 ? range.min + Math.round((value - range.min) / range.step) * range.step : value;
  // Rounded to the step's own decimals: 1 + 5 * 0.1 is 1.5, not 1.5000000000000002.
  return Math.min(range.max, Math.max(range.min, Number(stepped.toFixed(6))));
}

/** Ratio r of the least zoom is origin + r·unit (a range from 0 or below counts in plain units). */
const unitOf = (range: ZoomRange) => (range.min > 0 ? { origin: 0, unit: range.min } : { origin: range.min - 1, unit: 1 });

/** The zoom one press of + (in) or − (out) gives from `current`. */
export function nextZoom(current: number, range: ZoomRange, direction: 'in' | 'out'): number {
  const { origin, unit } = unitOf(range);
  const stops = [...new Set([...RATIOS.map((r) => snap(origin + r * unit, range)), range.min, range.max])].sort((a, b) => a - b);
  const slack = Math.max(range.step, (range.max - range.min) * 1e-6) / 2;
  if (direction === 'in') return stops.find((s) => s > current + slack) ?? range.max;
  return [...stops].reverse().find((s) => s < current - slack) ?? range.min;
}

/** The zoom as people say it: "1x", "2.5x", relative to the camera's least zoom. */
export function zoomRatio(value: number, range: ZoomRange): number {
  const { origin, unit } = unitOf(range);
  return Math.round(((value - origin) / unit) * 10) / 10;
}
