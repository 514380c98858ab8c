import { describe, expect, it } from 'vitest';
import { formatsFor, localeOf } from './format';

const now = Date.parse('2026-12-01T12:00:00Z');
const ago = (min: number) => new Date(now - min * 60_000).toISOString();

describe('formats for the chosen language', () => {
  it('takes the browser’s own variant of the language, else the language’s default', () => {
    expect(localeOf('en', ['en-GB', 'de-DE'])).toBe('en-GB');
    expect(localeOf('en', ['de-DE'])).toBe('en-US');
    expect(localeOf('zh', ['en-US'])).toBe('zh-CN');
    expect(localeOf('zh', ['zh-TW', 'en'])).toBe('zh-TW');
  });

  it('writes dates and numbers as each language does', () => {
    const at = '2026-12-31T09:05:00Z';
    const en = formatsFor('en', ['en-US']);
    const zh = formatsFor('zh', ['en-US']);
    expect(en.number(1_000_000)).toBe('1,000,000');
    expect(zh.number(1_000_000)).toBe('1,000,000');
    expect(en.money(-12.5)).toBe('-12.50');
    // The year leads in Chinese; English (US) puts the month first.
    expect(zh.date(at)).toMatch(/^2026年12月31日$/);
    expect(en.date(at)).toMatch(/^Dec 31, 2026$/);
    expect(zh.calendarDate('2027-01-01')).toBe('2027年1月1日');
    expect(zh.dateTime(at)).toMatch(/^2026\/12\/31 /);
    expect(en.dateTime(at)).toMatch(/^12\/31\/26, /);
  });

  it('says how long ago in words of the language, and never for no moment', () => {
    const en = formatsFor('en', ['en-US']);
    const zh = formatsFor('zh', ['en-US']);
    expect([en.ago(null, now), en.ago(ago(0.5), now), en.ago(ago(5), now), en.ago(ago(180), now), en.ago(ago(3000), now)]).toEqual(['never', 'now', '5 min. ago', '3 hr. ago', '2 days ago']);
    expect([zh.ago(null, now), zh.ago(ago(5), now), zh.ago(ago(180), now)]).toEqual(['从未', '5分钟前', '3小时前']);
  });
});
