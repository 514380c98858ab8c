import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeGs1Bracketed, encodeGs1Raw, GS, looksLikeGs1, parseGs1, readGs1Elements, type Gs1Result } from './gs1';
import { encodeDigitalLink } from './gs1/digitalLink';
import { withCheckDigit } from './gtin';

const today = new Date('2026-11-22T00:00:00Z');

function data(result: Gs1Result) {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const reason = (result: Gs1Result) => (result.ok ? null : result.error.reason);
const message = (result: Gs1Result) => (result.ok ? null : result.error.message);
const elementsOf = (text: string) => {
  const read = readGs1Elements(text);
  if (!read.ok) throw new Error(read.error.message);
  return read.elements;
};

describe('element strings from the GS1 General Specifications', () => {
  it('reads GTIN, expiry and lot, bracketed and raw, with or without an AIM prefix', () => {
    const bracketed = data(parseGs1('(01)09506000134352(17)201225(10)ABC123', today));
    expect(bracketed).toMatchObject({ gtin: '09506000134352', expiry: '2020-12-25', lot: 'ABC123' });
    for (const raw of ['010950600013435217201225' + '10ABC123', ']C1010950600013435217201225' + '10ABC123', `${GS}010950600013435217201225` + '10ABC123']) {
      expect(data(parseGs1(raw, today))).toMatchObject({ gtin: '09506000134352', expiry: '2020-12-25', lot: 'ABC123' });
    }
  });

  it('keeps the GTIN and lot when the string carries an AI the floor does not use (16 sell by)', () => {
    const read = data(parseGs1('(01)04010000000012(16)271231(10)L1', today));
    expect(read).toMatchObject({ gtin: '04010000000012', lot: 'L1', sellBy: '2027-12-31' });
    expect(read.elements.map((e) => `${e.ai} ${e.title}`)).toEqual(['01 GTIN', '16 sell by date', '10 batch/lot']);
  });

  it('needs GS after a variable-length field that is not last', () => {
    const result = data(parseGs1(`0109506000134352` + `10ABC123${GS}21XYZ9`, today));
    expect(result).toMatchObject({ lot: 'ABC123', serial: 'XYZ9' });
  });

  it('reads an SSCC with a count of contained trade items', () => {
    const result = data(parseGs1('(00)106141411234567897(02)09506000134352(37)24', today));
    expect(result).toMatchObject({ sscc: '106141411234567897', containedGtin: '09506000134352', count: 24 });
  });

  it('reads every trade measure (31nn–36nn) with its decimals', () => {
    const result = data(parseGs1('(01)09506000134352(3103)001250(3151)000025(3202)000150', today));
    expect(result.measures).toEqual([
      { ai: '3103', title: 'net weight (kg), 3 decimals', value: 1.25 },
      { ai: '3151', title: 'net volume (l), 1 decimals', value: 2.5 },
      { ai: '3202', title: 'net weight (lb), 2 decimals', value: 1.5 },
    ]);
    expect(reason(parseGs1('(01)09506000134352(3106)001250', today))).toBe('unknown-ai');
  });

  it('reads day 00 as the last day of the month, and YY in a window around today', () => {
    expect(data(parseGs1('(01)09506000134352(17)270200', today)).expiry).toBe('2027-02-28');
    expect(data(parseGs1('(01)09506000134352(15)280200', today)).bestBefore).toBe('2028-02-29');
    expect(data(parseGs1('(01)09506000134352(11)990101', today)).productionDate).toBe('1999-01-01');
    expect(data(parseGs1('(01)09506000134352(17)760101', today)).expiry).toBe('2076-01-01');
  });
});

// One valid and the invalid neighbours of each kind of field the dictionary has.
describe('every format class of the Syntax Dictionary', () => {
  const gtin = '09506000134352';
  const gln = withCheckDigit('950600013435');
  const cases: readonly [string, string, 'ok' | string][] = [
    ['numeric, fixed, check digit', `(01)${gtin}`, 'ok'],
    ['numeric, fixed, check digit wrong', '(01)09506000134353', 'bad-check-digit'],
    ['numeric, fixed, one digit short', '(01)0950600013435', 'too-short'],
    ['numeric, fixed, a letter', '(01)0950600013435A', 'bad-characters'],
    ['numeric, variable', `(01)${gtin}(30)12345678`, 'ok'],
    ['numeric, variable, too long', `(01)${gtin}(30)123456789`, 'too-long'],
    ['numeric, variable, empty', `(01)${gtin}(30)`, 'too-short'],
    ['alphanumeric (CSET 82)', `(01)${gtin}(10)AB-12/x.%`, 'ok'],
    ['alphanumeric, a space', `(01)${gtin}(10)AB 12`, 'bad-characters'],
    ['alphanumeric, a trailing space', `(01)${gtin}(10)L1 `, 'bad-characters'],
    ['alphanumeric, a character outside CSET 82', `(01)${gtin}(10)AB#12`, 'bad-characters'],
    ['alphanumeric, too long', `(01)${gtin}(10)${'A'.repeat(21)}`, 'too-long'],
    ['date with day 00 allowed (yymmd0)', `(01)${gtin}(17)270200`, 'ok'],
    ['date, month 13', `(01)${gtin}(17)271331`, 'bad-date'],
    ['date, 30 February', `(01)${gtin}(17)270230`, 'bad-date'],
    ['date, 29 February of a leap year', `(01)${gtin}(17)280229`, 'ok'],
    ['date without day 00 (yymmdd)', `(01)${gtin}(7006)270200`, 'bad-date'],
    ['date and time', `(01)${gtin}(7003)2712312359`, 'ok'],
    ['date and time, hour 24', `(01)${gtin}(7003)2712312459`, 'bad-value'],
    ['decimal amount with currency (ISO 4217)', `(8020)ABC(415)${gln}(3912)97812345`, 'ok'],
    ['currency that does not exist', `(8020)ABC(415)${gln}(3912)00012345`, 'bad-value'],
    ['country (ISO 3166)', `(01)${gtin}(422)250`, 'ok'],
    ['country that does not exist', `(01)${gtin}(422)999`, 'bad-value'],
    ['list of up to five countries', `(01)${gtin}(423)250276380`, 'ok'],
    ['two components, second a piece of total', '(8006)095060001343520102', 'ok'],
    ['piece beyond the total', '(8006)095060001343520302', 'bad-value'],
    ['CSET 39 (CPID)', '(8010)0950ABC-123(8011)1', 'ok'],
    ['CSET 39 with lower case', '(8010)0950abc(8011)1', 'bad-characters'],
    ['company prefix must start with 4 digits (GIAI)', '(8004)0950ABC', 'ok'],
    ['company prefix with a letter', '(8004)095XABC', 'bad-value'],
  ];
  it.each(cases)('%s: %s', (_name, text, expected) => {
    const result = parseGs1(text, today);
    expect(result.ok ? 'ok' : result.error.reason, message(result) ?? '').toBe(expected);
  });
});

describe("the dictionary's rules over the whole string", () => {
  const gtin = '(01)09506000134352';
  it('refuses pairs GS1 forbids', () => {
    expect(reason(parseGs1(`${gtin}(37)12`, today))).toBe('forbidden-pair');
    expect(reason(parseGs1(`${gtin}(02)09506000134352(37)1`, today))).toBe('forbidden-pair');
    expect(message(parseGs1(`${gtin}(3103)000100(3102)000100`, today))).toContain('(3103) net weight (kg), 3 decimals and (3102)');
  });
  it('allows an AI repeated with the same value and refuses one with another', () => {
    expect(data(parseGs1(`${gtin}(10)ABC(10)ABC`, today)).lot).toBe('ABC');
    expect(reason(parseGs1(`${gtin}(10)ABC(10)ABD`, today))).toBe('repeated-ai');
  });
  it('refuses an AI without the AIs it needs, and names them', () => {
    expect(message(parseGs1('(10)ABC', today))).toBe(
      '(10) batch/lot needs (01), (02), (03), (8006) or (8026) in the same code. If the label has another barcode with the product, scan that one.',
    );
    expect(reason(parseGs1('(00)106141411234567897(02)09506000134352', today))).toBe('needs-other-ai');
    expect(reason(parseGs1(`${gtin}(250)ABC`, today))).toBe('needs-other-ai');
    expect(data(parseGs1(`${gtin}(21)S1(250)ABC`, today)).serial).toBe('S1');
    expect(data(parseGs1('(00)106141411234567897', today)).sscc).toBe('106141411234567897');
  });
  it('separators: one may lead or close, two in a row are refused', () => {
    expect(data(parseGs1(`${GS}0109506000134352${GS}`, today)).gtin).toBe('09506000134352');
    expect(reason(parseGs1(`010950600013435210ABC${GS}${GS}17271231`, today))).toBe('bad-separator');
    expect(reason(parseGs1(`]C1${GS}010950600013435210ABC`, today))).toBe('bad-separator');
  });
  it('a dropped GS that makes a field too long is caught', () => {
    expect(reason(parseGs1(`010950600013435210ABC12345678901234567${'21SERIAL'}`, today))).toBe('too-long');
  });
  it('an AI GS1 does not know, an AIM prefix of no GS1 symbol, empty data', () => {
    expect(reason(parseGs1('(23)ABC', today))).toBe('unknown-ai');
    expect(reason(parseGs1('2312345', today))).toBe('unknown-ai');
    expect(reason(parseGs1(']C00109506000134352', today))).toBe('not-gs1');
    expect(reason(parseGs1('', today))).toBe('empty');
    expect(reason(parseGs1(']C1', today))).toBe('empty');
  });
  it('a bracket inside a bracketed value is escaped', () => {
    expect(elementsOf(`${gtin}(10)A\\(1`)).toEqual([{ ai: '01', value: '09506000134352' }, { ai: '10', value: 'A(1' }]);
  });
  it('never echoes a long value whole', () => {
    const text = message(parseGs1(`(10)${'9'.repeat(200)}`, today))!;
    expect(text.length).toBeLessThan(200);
    expect(text).toContain('has 200');
  });
});

describe('GS1 Digital Link', () => {
  const same = elementsOf('(01)09506000134352(10)ABC1(17)271231');
  it('reads a URI as the same element string', () => {
    expect(elementsOf('https://id.example.com/01/09506000134352/10/ABC1?17=271231')).toEqual(same);
    expect(elementsOf('HTTP://example.com/shop/item/01/09506000134352/10/ABC1?17=271231&utm=x#top')).toEqual(same);
    expect(elementsOf(']Q1https://id.gs1.org/01/09506000134352/10/ABC1?17=271231')).toEqual(same);
    expect(elementsOf(']J0HTTPS://ID.GS1.ORG/01/09506000134352/10/ABC1?17=271231')).toEqual(same);
    expect(readGs1Elements(']J0https://id.gs1.org/01/09506000134353').ok).toBe(false);
    expect(data(parseGs1('https://id.example.com/01/09506000134352/10/ABC1?17=271231', today))).toMatchObject({ gtin: '09506000134352', lot: 'ABC1', expiry: '2027-12-31' });
  });
  it('percent-decodes values; "+" is a space only in the query', () => {
    expect(elementsOf('https://a.b/01/09506000134352/10/A%2FB')).toContainEqual({ ai: '10', value: 'A/B' });
    expect(elementsOf('https://a.b/01/09506000134352/10/A+B')).toContainEqual({ ai: '10', value: 'A+B' });
    expect(readGs1Elements('https://a.b/01/09506000134352?99=A+B')).toMatchObject({ ok: false, error: { reason: 'bad-characters' } });
  });
  it('pads a GTIN-13 given as a query attribute', () => {
    expect(elementsOf('https://a.b/00/106141411234567897?01=9506000134352')).toEqual([
      { ai: '00', value: '106141411234567897' },
      { ai: '01', value: '09506000134352' },
    ]);
  });
  it.each([
    ['ftp://a.b/01/09506000134352', 'scheme'],
    ['HtTp://a.b/01/09506000134352', 'scheme'],
    ['https://a.b/shop/item', 'no-key'],
    ['https://a_b/01/09506000134352', 'domain'],
    ['https://a.b/01/09506000134352/21/S1/10/L1', 'key-order'],
    ['https://a.b/01/09506000134352?10=L1', 'belongs-in-path'],
    ['https://a.b/01/09506000134352?17=271231&17=271231', 'repeated'],
    ['https://a.b/01/09506000134352?21=S1', 'not-attribute'],
    ['https://a.b/01/09506000134352?23=X', 'unknown-ai'],
    ['https://a.b/01/09506000134352?8200=X', 'not-attribute'],
    ['https://a.b/01/09506000134352/10/', 'empty-value'],
    ['https://a.b/01/09506000134352?17=', 'empty-value'],
    ['https://a.b/01/09506000134352/10/A%00', 'nul'],
    ['https://a.b/01/09506000134352/10/A B', 'characters'],
  ])('refuses %s (%s)', (uri, problem) => {
    const read = readGs1Elements(uri);
    expect(read.ok ? null : read.error.why).toMatchObject({ code: 'gs1-link', problem });
  });
  it('checks the elements of a link like any element string', () => {
    expect(readGs1Elements('https://a.b/01/09506000134353').ok).toBe(false);
    expect(readGs1Elements('https://a.b/01/09506000134352?37=1').ok).toBe(false);
  });
});

describe('recognising GS1 spellings', () => {
  it('by AIM prefix, brackets, GS or a link, not by digits alone', () => {
    expect(looksLikeGs1(']C10109506000134352')).toBe(true);
    expect(looksLikeGs1('(01)09506000134352')).toBe(true);
    expect(looksLikeGs1(`0109506000134352${GS}`)).toBe(true);
    expect(looksLikeGs1('https://id.gs1.org/01/09506000134352')).toBe(true);
    expect(looksLikeGs1('4006381333931')).toBe(false);
    expect(looksLikeGs1('A-01-02-3')).toBe(false);
  });
});

// Property: element strings made of valid elements of many kinds round-trip in every spelling.
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const cset82 = (max: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-./_!"%&\'()*+,:;<=>?'), minLength: 1, maxLength: max });
const date = fc
  .record({ yy: fc.integer({ min: 0, max: 99 }), mm: fc.integer({ min: 1, max: 12 }), dd: fc.integer({ min: 0, max: 28 }) })
  .map(({ yy, mm, dd }) => [yy, mm, dd].map((n) => String(n).padStart(2, '0')).join(''));
const companion = fc.oneof(
  cset82(20).map((value) => ({ ai: '10', value })),
  cset82(20).map((value) => ({ ai: '21', value })),
  cset82(20).map((value) => ({ ai: '22', value })),
  date.map((value) => ({ ai: '17', value })),
  date.map((value) => ({ ai: '11', value })),
  date.map((value) => ({ ai: '15', value })),
  date.map((value) => ({ ai: '16', value })),
  digits(2).map((value) => ({ ai: '20', value })),
  cset82(30).map((value) => ({ ai: '240', value })),
  cset82(30).map((value) => ({ ai: '400', value })),
  fc.integer({ min: 1, max: 99_999_999 }).map((n) => ({ ai: '30', value: String(n) })),
  fc.tuple(fc.constantFrom('310', '311', '312', '313', '315', '320', '356'), fc.integer({ min: 0, max: 5 }), digits(6)).map(([family, n, value]) => ({ ai: `${family}${n}`, value })),
  digits(12).map((d) => ({ ai: '410', value: withCheckDigit(d) })),
  fc.constantFrom('250', '276', '380', '156').map((value) => ({ ai: '422', value })),
  cset82(90).map((value) => ({ ai: '91', value })),
  cset82(30).map((value) => ({ ai: '90', value })),
);
// Every string leads with a GTIN, which the companions need (req=01…); one element per AI family.
const elementString = fc
  .tuple(
    digits(13).map((d) => ({ ai: '01', value: withCheckDigit(d) })),
    fc.uniqueArray(companion, { maxLength: 6, selector: (e) => (/^3\d\d\d$/.test(e.ai) ? e.ai.slice(0, 2) : e.ai) }),
  )
  .map(([gtin, rest]) => [gtin, ...rest]);

describe('properties', () => {
  it('a generated element string round-trips raw, with an AIM prefix, bracketed and as a Digital Link', () => {
    fc.assert(
      fc.property(elementString, (elements) => {
        for (const encoded of [encodeGs1Raw(elements), `]C1${encodeGs1Raw(elements)}`, `]d2${encodeGs1Raw(elements)}`, encodeGs1Bracketed(elements)]) {
          expect(elementsOf(encoded), JSON.stringify(encoded)).toEqual(elements);
        }
        const link = encodeDigitalLink(elements)!;
        const sorted = (list: readonly { ai: string; value: string }[]) => [...list].sort((a, b) => a.ai.localeCompare(b.ai));
        expect(sorted(elementsOf(link)), link).toEqual(sorted(elements));
      }),
      { numRuns: 300 },
    );
  });
});
