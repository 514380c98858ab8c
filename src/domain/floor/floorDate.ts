/**
 * The floor's calendar: which day it is in the warehouse, whatever the clock of the
 * device or server that asks. One helper for every "today" and "expired" the floor
 * decides (the device with the time zone it pulled, the server with the warehouse's),
 * so a lot that expired yesterday where the goods are has expired everywhere at once.
 *
 * - A date is YYYY-MM-DD in the Gregorian calendar, compared as text (fefo.ts).
 * - A time zone is an IANA name (`Asia/Shanghai`, `Europe/Berlin`, `UTC`) that this
 *   runtime's Intl knows; offsets (`+08:00`) and abbreviations (`CST`) are not zones.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Latin digits and the Gregorian calendar whatever the runtime's own locale.
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The date (YYYY-MM-DD) it is at `at` in `timeZone`. Throws a RangeError for a zone
 * this runtime does not know: callers pass a zone checked with `knownTimeZone`.
 */
export function floorDate(at: Date | number, timeZone: string): string {
  const parts = formatterOf(timeZone).formatToParts(typeof at === 'number' ? at : at.getTime());
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** What an IANA zone name looks like: `UTC`, `Asia/Shanghai`, `America/Argentina/Buenos_Aires`, `Etc/GMT-8`. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
export const MAX_TIME_ZONE_LENGTH = 64;

/**
 * `name` as a zone to keep, when it is an IANA zone this runtime knows, else null. Its
 * case is set right where the runtime knows the spelling (`asia/shanghai` is
 * `Asia/Shanghai`); otherwise it stays as given, since runtimes disagree on which of two
 * names of one zone is canonical (`Asia/Kolkata` and `Asia/Calcutta`) and know both.
 */
export function knownTimeZone(name: string): string | null {
  if (name.length === 0 || name.length > MAX_TIME_ZONE_LENGTH || !ZONE_NAME.test(name)) return null;
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  const lower = name.toLowerCase();
  if (canonical.toLowerCase() === lower) return canonical;
  return timeZoneNames().find((zone) => zone.toLowerCase() === lower) ?? name;
}

/** The zones this runtime lists (for a picker), UTC first. */
export function timeZoneNames(): readonly string[] {
  const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...listed.filter((zone) => zone !== 'UTC')];
}

/** The zone this runtime runs in (the device's, or the server process's), or UTC when it cannot tell. */
export function localTimeZone(): string {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (zone && knownTimeZone(zone)) || 'UTC';
}

/** A wall-clock moment as the floor reads it: the date and the time of day in a zone. */
export interface FloorClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/** What the clocks on the wall say at `at` in `timeZone` (throws a RangeError for a zone this runtime does not know). */
export function floorClock(at: Date | number, timeZone: string): FloorClock {
  let formatter = clockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    clockFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(typeof at === 'number' ? at : at.getTime());
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour') % 24, minute: part('minute'), second: part('second') };
}

/** "HH:MM" on the wall clocks of `timeZone` at `at`. */
export function floorTimeOfDay(at: Date | number, timeZone: string): string {
  const { hour, minute } = floorClock(at, timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The wall-clock fields read as if they were UTC: the instant a zone at offset 0 would give them. */
function asUtc(clock: FloorClock): number {
  const at = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0 to 99 as 1900 to 1999.
  at.setUTCFullYear(clock.year, clock.month - 1, clock.day);
  at.setUTCHours(clock.hour, clock.minute, clock.second, 0);
  return at.getTime();
}

const sameClock = (a: FloorClock, b: FloorClock) => a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second;

/**
 * The instant at which the wall clocks of `timeZone` show `clock`, or null when they
 * never do (the hour skipped when summer time starts). When they show it twice (the hour
 * repeated when it ends) the first. A zone changes its offset at most once in two days,
 * so the offsets a day either side give every candidate.
 */
export function instantOfFloorClock(clock: FloorClock, timeZone: string): number | null {
  const wall = asUtc(clock);
  const offsetAt = (at: number) => asUtc(floorClock(at, timeZone)) - Math.floor(at / 1000) * 1000;
  const candidates = [wall - offsetAt(wall - 86_400_000), wall - offsetAt(wall + 86_400_000)].filter((at) => sameClock(floorClock(at, timeZone), clock));
  return candidates.length === 0 ? null : Math.min(...candidates);
}
