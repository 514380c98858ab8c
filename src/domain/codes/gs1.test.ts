import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeGs1Bracketed, encodeGs1Raw, GS, looksLikeGs1, parseGs1, type Gs1Result } from './gs1';
import { withCheckDigit } from './gtin';

const today = new Date('2026-11-22T00:00:00Z');

function data(result: Gs1Result) {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function reason(result: Gs1Result) {
  return result.ok ? null : result.error.reason;
}

describe('element strings from the GS1 General Specifications', () => {
  it('reads GTIN, expiry and lot, bracketed and raw, with or without an AIM prefix', () => {
    const bracketed = data(parseGs1('(01)09506000134352(17)201225(10)ABC123', today));
    expect(bracketed).toMatchObject({ gtin: '09506000134352', expiry: '2020-12-25', lot: 'ABC123' });
    for (const raw of ['010950600013435217201225' + '10ABC123', ']C1010950600013435217201225' + '10ABC123', `]d2${GS}010950600013435217201225` + '10ABC123']) {
      expect(data(parseGs1(raw, today))).toMatchObject({ gtin: '09506000134352', expiry: '2020-12-25', lot: 'ABC123' });
    }
  });

  it('needs GS after a variable-length field that is not last', () => {
    const result = data(parseGs1(`0109506000134352` + `10ABC123${GS}21XYZ9` + `${GS}3710`, today));
    expect(result).toMatchObject({ lot: 'ABC123', serial: 'XYZ9', count: 10 });
  });

  it('reads an SSCC, a count of trade items and a GLN', () => {
    const gln = withCheckDigit('061414100001');
    const result = data(parseGs1(`(00)106141411234567897(02)09506000134352(37)24(414)${gln}`, today));
    expect(result).toMatchObject({ sscc: '106141411234567897', containedGtin: '09506000134352', count: 24, locationGln: gln });
  });

  it('reads measures with their decimals (310n–315n)', () => {
    const result = data(parseGs1('(01)09506000134352(3103)001250(3151)000025', today));
    expect(result.measures).toEqual([
      { ai: '3103', title: 'net weight (kg), 3 decimals', value: 1.25 },
      { ai: '3151', title: 'net volume (l), 1 decimals', value: 2.5 },
    ]);
  });

  it('reads day 00 as the last day of the month, and YY in a window around today', () => {
    expect(data(parseGs1('(17)270200', today)).expiry).toBe('2027-02-28');
    expect(data(parseGs1('(15)280200', today)).bestBefore).toBe('2028-02-29');
    expect(data(parseGs1('(11)990101', today)).productionDate).toBe('1999-01-01');
    expect(data(parseGs1('(17)760101', today)).expiry).toBe('2076-01-01');
  });
});

describe('errors name the part that is wrong', () => {
  it('a wrong check digit in the GTIN', () => {
    const result = parseGs1('(01)09506000134353(10)A', today);
    expect(reason(result)).toBe('bad-check-digit');
    expect(result.ok || result.error.message).toContain('(01) GTIN 09506000134353');
  });
  it('a date that does not exist', () => {
    const month = parseGs1('(01)09506000134352(17)201325', today);
    expect(result(month)).toBe('(17) expiry date 201325: month 13 does not exist.');
    expect(reason(parseGs1('(17)210230', today))).toBe('bad-date');
  });
  it('an unknown AI, a field too short or too long, characters outside the GS1 set', () => {
    expect(reason(parseGs1('(99)ABC', today))).toBe('unknown-ai');
    expect(reason(parseGs1('9912345', today))).toBe('unknown-ai');
    expect(reason(parseGs1('(01)0950600013435', today))).toBe('too-short');
    expect(reason(parseGs1(`(10)${'A'.repeat(21)}`, today))).toBe('too-long');
    expect(reason(parseGs1('(10)AB#C', today))).toBe('bad-characters');
    expect(reason(parseGs1('(37)1x', today))).toBe('bad-characters');
    expect(reason(parseGs1('(10)A(10)B', today))).toBe('repeated-ai');
    expect(reason(parseGs1('', today))).toBe('empty');
  });
  it('a dropped GS that makes a field too long is caught by the length limit', () => {
    expect(reason(parseGs1(`010950600013435210ABC12345678901234567${'21SERIAL'}`, today))).toBe('too-long');
  });
});

function result(r: Gs1Result): string | null {
  return r.ok ? null : r.error.message;
}

describe('recognising GS1 spellings', () => {
  it('by AIM prefix, brackets or GS, not by digits alone', () => {
    expect(looksLikeGs1(']C10109506000134352')).toBe(true);
    expect(looksLikeGs1('(01)09506000134352')).toBe(true);
    expect(looksLikeGs1(`0109506000134352${GS}`)).toBe(true);
    expect(looksLikeGs1('4006381333931')).toBe(false);
    expect(looksLikeGs1('A-01-02-3')).toBe(false);
  });
});

// Property: any element string made of valid elements round-trips, raw and bracketed.
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const cset82 = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-./_'), minLength: 1, maxLength: 20 });
const date = fc.record({ yy: fc.integer({ min: 0, max: 99 }), mm: fc.integer({ min: 1, max: 12 }), dd: fc.integer({ min: 1, max: 28 }) }).map(
  ({ yy, mm, dd }) => [yy, mm, dd].map((n) => String(n).padStart(2, '0')).join(''),
);
const element = fc.oneof(
  digits(13).map((d) => ({ ai: '01', value: withCheckDigit(d) })),
  digits(17).map((d) => ({ ai: '00', value: withCheckDigit(d) })),
  cset82.map((value) => ({ ai: '10', value })),
  cset82.map((value) => ({ ai: '21', value })),
  date.map((value) => ({ ai: '17', value })),
  date.map((value) => ({ ai: '11', value })),
  fc.integer({ min: 1, max: 99_999_999 }).map((n) => ({ ai: '37', value: String(n) })),
  fc.tuple(fc.integer({ min: 0, max: 5 }), digits(6)).map(([n, value]) => ({ ai: `310${n}`, value })),
  digits(12).map((d) => ({ ai: '414', value: withCheckDigit(d) })),
);
const elementString = fc.uniqueArray(element, { minLength: 1, maxLength: 6, selector: (e) => e.ai });

describe('properties', () => {
  it('a generated element string round-trips raw and bracketed', () => {
    fc.assert(
      fc.property(elementString, (elements) => {
        for (const encoded of [encodeGs1Raw(elements), encodeGs1Bracketed(elements), `]C1${encodeGs1Raw(elements)}`]) {
          const parsed = parseGs1(encoded, today);
          if (!parsed.ok) return false;
          const back = parsed.value.elements.map(({ ai, value }) => ({ ai, value }));
          if (JSON.stringify(back) !== JSON.stringify(elements)) return false;
        }
        return true;
      }),
    );
  });
});
