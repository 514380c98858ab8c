import { describe, expect, it } from 'vitest';
import { byDueTime, dueClock, dueProblemInEnglish, isLate, readDueTime, type DueReading } from './dueTime';

const now = Date.parse('2026-05-01T06:00:00Z');
const read = (text: string, zone = 'Asia/Shanghai') => readDueTime(text, zone, now);
const problemOf = (reading: DueReading) => (reading.ok ? null : reading.problem.code);

describe('a due time as written', () => {
  it('reads the warehouse’s wall clock in its zone, whatever the zone of who reads it', () => {
    expect(read('2026-05-01 14:30')).toEqual({ ok: true, dueAt: '2026-05-01T06:30:00.000Z' });
    expect(read('2026-05-01T14:30')).toEqual({ ok: true, dueAt: '2026-05-01T06:30:00.000Z' });
    expect(read(' 2026-05-01 14:30:15 ')).toEqual({ ok: true, dueAt: '2026-05-01T06:30:15.000Z' });
    expect(read('2026-05-01 14:30', 'Europe/Berlin')).toEqual({ ok: true, dueAt: '2026-05-01T12:30:00.000Z' });
    expect(read('2026-05-01 14:30', 'UTC')).toEqual({ ok: true, dueAt: '2026-05-01T14:30:00.000Z' });
  });

  it('takes an ISO time with its offset as that instant, whatever the warehouse’s zone', () => {
    expect(read('2026-05-01T14:30:00+08:00', 'Europe/Berlin')).toEqual({ ok: true, dueAt: '2026-05-01T06:30:00.000Z' });
    expect(read('2026-05-01T06:30:00Z')).toEqual({ ok: true, dueAt: '2026-05-01T06:30:00.000Z' });
    expect(read('2026-05-01T06:30:00.123z')).toEqual({ ok: true, dueAt: '2026-05-01T06:30:00.000Z' });
    expect(read('2026-05-01T01:30:00-0500')).toEqual({ ok: true, dueAt: '2026-05-01T06:30:00.000Z' });
  });

  it('is none when empty', () => {
    expect(read('')).toEqual({ ok: true, dueAt: null });
    expect(read('   ')).toEqual({ ok: true, dueAt: null });
  });

  it('refuses what is not a time, with a reason that says how to write one', () => {
    expect(problemOf(read('tomorrow'))).toBe('due-unreadable');
    expect(problemOf(read('14:30'))).toBe('due-unreadable');
    expect(problemOf(read('01/05/2026 14:30'))).toBe('due-unreadable');
    expect(problemOf(read('2026-02-29 10:00'))).toBe('due-no-such-date');
    expect(readDueTime('2028-02-29 10:00', 'UTC', Date.parse('2028-02-01T00:00:00Z')).ok).toBe(true);
    expect(problemOf(read('2026-04-31 10:00'))).toBe('due-no-such-date');
    expect(problemOf(read('2026-13-01 10:00'))).toBe('due-no-such-date');
    expect(problemOf(read('2026-05-01 24:00'))).toBe('due-no-such-time');
    expect(problemOf(read('2026-05-01 10:60'))).toBe('due-no-such-time');
    expect(problemOf(read('2026-05-01T10:00:00+15:00'))).toBe('due-no-such-time');
    const words = dueProblemInEnglish((read('tomorrow') as { problem: Parameters<typeof dueProblemInEnglish>[0] }).problem);
    expect(words).toBe('"tomorrow" is not a due time: write the warehouse’s date and time as 2026-05-01 14:30, or an ISO time with its offset, 2026-05-01T14:30:00+08:00.');
  });

  it('refuses the hour summer time skips, and takes the first of the hour it repeats', () => {
    // Berlin, 29 March 2026: 02:00 becomes 03:00.
    const skipped = readDueTime('2026-03-29 02:30', 'Europe/Berlin', Date.parse('2026-03-28T00:00:00Z'));
    expect(problemOf(skipped)).toBe('due-skipped-hour');
    expect(dueProblemInEnglish((skipped as { problem: Parameters<typeof dueProblemInEnglish>[0] }).problem)).toContain('does not happen in Europe/Berlin');
    expect(readDueTime('2026-03-29 03:30', 'Europe/Berlin', Date.parse('2026-03-28T00:00:00Z'))).toEqual({ ok: true, dueAt: '2026-03-29T01:30:00.000Z' });
    // 25 October 2026: 03:00 becomes 02:00; 02:30 happens twice, at 00:30 and 01:30 UTC.
    expect(readDueTime('2026-10-25 02:30', 'Europe/Berlin', Date.parse('2026-10-24T00:00:00Z'))).toEqual({ ok: true, dueAt: '2026-10-25T00:30:00.000Z' });
  });

  it('refuses what is huge or far away: a long text, a year mistyped, a time no database holds', () => {
    expect(problemOf(read('2026-05-01 14:30'.padEnd(41, '0')))).toBe('due-too-long');
    expect(problemOf(read('9'.repeat(100_000)))).toBe('due-too-long');
    expect(problemOf(read('+275760-09-13T00:00:00Z'))).toBe('due-unreadable');
    expect(problemOf(read('2062-05-01 14:30'))).toBe('due-too-far');
    expect(problemOf(read('0026-05-01 14:30'))).toBe('due-too-far');
    expect(problemOf(read('9999-12-31T23:59:59Z'))).toBe('due-too-far');
    expect(problemOf(read('2026-05-01 14:30\u0000'))).toBe('due-unreadable');
    // A year back is still read: an order imported late is due, and late.
    expect(read('2025-06-01 10:00').ok).toBe(true);
  });
});

describe('late or not', () => {
  const task = (dueAt: string | null, status = 'open') => ({ dueAt, status });
  it('is late once the due time has passed and the task is still to do', () => {
    expect(isLate(task('2026-05-01T05:59:00Z'), now)).toBe(true);
    expect(isLate(task('2026-05-01T05:59:00Z', 'in-progress'), now)).toBe(true);
    expect(isLate(task('2026-05-01T06:00:00Z'), now)).toBe(false);
    expect(isLate(task('2026-05-01T06:01:00Z'), now)).toBe(false);
  });
  it('is never late with no due time, finished, or cancelled', () => {
    expect(isLate(task(null), now)).toBe(false);
    expect(isLate({ status: 'open' }, now)).toBe(false);
    expect(isLate(task('2026-05-01T05:00:00Z', 'done'), now)).toBe(false);
    expect(isLate(task('2026-05-01T05:00:00Z', 'cancelled'), now)).toBe(false);
    expect(isLate(task('2026-05-01T05:00:00Z'), now, true)).toBe(false);
  });
});

describe('due order and clock', () => {
  it('puts the earliest due first and tasks with none last', () => {
    const tasks = [{ id: 'a', dueAt: null }, { id: 'b', dueAt: '2026-05-01T09:00:00Z' }, { id: 'c' }, { id: 'd', dueAt: '2026-05-01T07:00:00Z' }];
    expect([...tasks].sort(byDueTime).map((t) => t.id)).toEqual(['d', 'b', 'a', 'c']);
  });
  it('shows the due time on the warehouse’s clocks', () => {
    expect(dueClock('2026-05-01T06:30:00.000Z', 'Asia/Shanghai')).toBe('14:30');
    expect(dueClock('2026-05-01T06:30:00.000Z', 'America/New_York')).toBe('02:30');
    expect(dueClock('2026-05-01T16:05:00.000Z', 'Asia/Shanghai')).toBe('00:05');
  });
});
