/**
 * A task's due time: when the work must be done (a pick list's truck leaves at 14:30).
 * Kept and sent as an instant (ISO, UTC); read from what a supervisor or an ERP writes,
 * and shown, in the warehouse's time zone (floorDate.ts), whatever the zone of the
 * server or the device.
 *
 * What is read as a due time:
 * - `YYYY-MM-DD HH:MM` (or with `T`, or with seconds): the wall clock of the warehouse.
 *   An hour skipped when summer time starts is refused; an hour repeated when it ends
 *   is its first occurrence.
 * - The same with an offset or `Z` (`2026-05-01T14:30:00+08:00`): that instant.
 * - Nothing (empty): no due time.
 * Anything else is refused with a reason, and so is a time more than MAX_DUE_DISTANCE_DAYS
 * from now (a mistyped year), which also keeps every due time one the database and every
 * runtime can hold.
 */
import { floorTimeOfDay, instantOfFloorClock, type FloorClock } from '../floor/floorDate';

/** The longest due text read: a full ISO time with fractions and offset is 35 characters. */
export const MAX_DUE_TEXT = 40;
/** How far from now a due time may be, either way: a year, and a day for the zones. */
export const MAX_DUE_DISTANCE_DAYS = 366;

export type DueProblem =
  | { readonly code: 'due-too-long'; readonly length: number }
  | { readonly code: 'due-unreadable'; readonly text: string }
  | { readonly code: 'due-no-such-date'; readonly text: string }
  | { readonly code: 'due-no-such-time'; readonly text: string }
  | { readonly code: 'due-skipped-hour'; readonly text: string; readonly timeZone: string }
  | { readonly code: 'due-too-far'; readonly text: string; readonly days: number };

export type DueReading = { readonly ok: true; readonly dueAt: string | null } | { readonly ok: false; readonly problem: DueProblem };

const DUE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/i;

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** A due time as written (see above), read in the warehouse's `timeZone`, checked against `now`. */
export function readDueTime(written: string, timeZone: string, now: Date | number): DueReading {
  const text = written.trim();
  if (text === '') return { ok: true, dueAt: null };
  if (text.length > MAX_DUE_TEXT) return { ok: false, problem: { code: 'due-too-long', length: text.length } };
  const match = DUE.exec(text);
  if (!match) return { ok: false, problem: { code: 'due-unreadable', text } };
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, problem: { code: 'due-no-such-date', text } };
  const offsetHours = Number(match[9] ?? 0);
  const offsetMinutes = Number(match[10] ?? 0);
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) return { ok: false, problem: { code: 'due-no-such-time', text } };
  const clock: FloorClock = { year, month, day, hour, minute, second };
  let at: number | null;
  if (match[7] !== undefined || match[8] !== undefined) {
    const sign = match[8] === '-' ? -1 : 1;
    at = instantOfFloorClock(clock, 'UTC')! - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  } else {
    at = instantOfFloorClock(clock, timeZone);
    if (at === null) return { ok: false, problem: { code: 'due-skipped-hour', text, timeZone } };
  }
  const days = Math.abs(at - (typeof now === 'number' ? now : now.getTime())) / 86_400_000;
  if (days > MAX_DUE_DISTANCE_DAYS) return { ok: false, problem: { code: 'due-too-far', text, days: Math.floor(days) } };
  return { ok: true, dueAt: new Date(at).toISOString() };
}

/** The problem in English: the row report's and the server's words. */
export function dueProblemInEnglish(problem: DueProblem): string {
  const shown = (text: string) => `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
  const forms = 'write the warehouse’s date and time as 2026-05-01 14:30, or an ISO time with its offset, 2026-05-01T14:30:00+08:00';
  switch (problem.code) {
    case 'due-too-long':
      return `The due time is ${problem.length} characters long; ${forms}.`;
    case 'due-unreadable':
      return `${shown(problem.text)} is not a due time: ${forms}.`;
    case 'due-no-such-date':
      return `${shown(problem.text)} names a day the calendar does not have (check the month and the day).`;
    case 'due-no-such-time':
      return `${shown(problem.text)} names a time the clock does not have (hours 00 to 23, minutes 00 to 59, offsets up to 14:00).`;
    case 'due-skipped-hour':
      return `${shown(problem.text)} does not happen in ${problem.timeZone}: the clocks skip that hour when summer time starts. Give a time an hour later.`;
    case 'due-too-far':
      return `${shown(problem.text)} is ${problem.days} days from now; a due time is within ${MAX_DUE_DISTANCE_DAYS} days of today (check the year).`;
  }
}

/** Whether a task is late: it has a due time that has passed, and is still to do. */
export function isLate(task: { readonly dueAt?: string | null; readonly status: string }, now: Date | number, finishedHere = false): boolean {
  if (task.dueAt === undefined || task.dueAt === null || finishedHere) return false;
  if (task.status !== 'open' && task.status !== 'in-progress') return false;
  return Date.parse(task.dueAt) < (typeof now === 'number' ? now : now.getTime());
}

/** Earliest due first; tasks with no due time after every task with one. */
export function byDueTime(a: { readonly dueAt?: string | null }, b: { readonly dueAt?: string | null }): number {
  const at = (task: { readonly dueAt?: string | null }) => (task.dueAt ? Date.parse(task.dueAt) : Number.POSITIVE_INFINITY);
  const difference = at(a) - at(b);
  return Number.isNaN(difference) ? 0 : Math.sign(difference);
}

/** The due time's "HH:MM" on the warehouse's clocks. */
export const dueClock = (dueAt: string, timeZone: string): string => floorTimeOfDay(Date.parse(dueAt), timeZone);
