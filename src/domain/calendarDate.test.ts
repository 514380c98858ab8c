import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chineseDate, dateFromFields, englishDate } from './calendarDate';
import { explain } from './why';

describe('a date typed in three fields', () => {
  it('makes the ISO date, with a two-digit year in this century', () => {
    expect(dateFromFields({ day: '31', month: '12', year: '2027' })).toEqual({ ok: true, value: '2027-12-31' });
    expect(dateFromFields({ day: '1', month: '2', year: '28' })).toEqual({ ok: true, value: '2028-02-01' });
    expect(dateFromFields({ day: ' 29 ', month: '02', year: '2028' })).toEqual({ ok: true, value: '2028-02-29' });
  });

  it('names the field to fix, in words a worker can act on', () => {
    const wrong = (day: string, month: string, year: string) => {
      const entry = dateFromFields({ day, month, year });
      return entry.ok ? 'ok' : `${entry.field}: ${explain(entry.why)}`;
    };
    expect(wrong('', '12', '2027')).toBe('day: Type the day as a number from 1 to 31.');
    expect(wrong('32', '12', '2027')).toBe('day: Type the day as a number from 1 to 31.');
    expect(wrong('3', 'x', '2027')).toBe('month: Type the month as a number from 1 to 12.');
    expect(wrong('3', '13', '2027')).toBe('month: Type the month as a number from 1 to 12.');
    expect(wrong('3', '4', '202')).toBe('year: Type the year with 4 digits, e.g. 2027.');
    expect(wrong('3', '4', '1066')).toBe('year: Type the year with 4 digits, e.g. 2027.');
    expect(wrong('31', '4', '2027')).toBe('day: There is no 31 Apr 2027. Check the day and the month.');
    expect(wrong('29', '2', '2027')).toBe('day: There is no 29 Feb 2027. Check the day and the month.');
  });

  it('reads back every real date it shows, in English and in Chinese', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [year, month, day] = iso.split('-');
        expect(dateFromFields({ day: day!, month: month!, year: year! })).toEqual({ ok: true, value: iso });
        expect(englishDate(iso)).toBe(`${Number(day)} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(month) - 1]} ${year}`);
        expect(chineseDate(iso)).toBe(`${year}年${Number(month)}月${Number(day)}日`);
      }),
    );
  });
});
