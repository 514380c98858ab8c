import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compressToUpcE,
  expandUpcE,
  gs1CheckDigit,
  normaliseEan13,
  normaliseEan8,
  normaliseGtin14,
  normaliseUpcA,
  normaliseUpcE,
  readProductCode,
  withCheckDigit,
  type CodeResult,
  type NormalisedCode,
} from './gtin';

function gtinOf(result: CodeResult<NormalisedCode>): string {
  if (!result.ok) throw new Error(result.error.message);
  return result.value.gtin;
}

describe('fixed examples from published codes', () => {
  it('accepts EAN-13 codes and pads them to GTIN-14', () => {
    expect(gtinOf(normaliseEan13('4006381333931'))).toBe('04006381333931');
    expect(gtinOf(normaliseEan13('5901234123457'))).toBe('05901234123457');
  });
  it('accepts an EAN-8', () => {
    expect(gtinOf(normaliseEan8('96385074'))).toBe('00000096385074');
  });
  it('makes a UPC-A and its EAN-13 with a leading zero the same GTIN-14', () => {
    expect(gtinOf(normaliseUpcA('036000291452'))).toBe('00036000291452');
    expect(gtinOf(normaliseEan13('0036000291452'))).toBe(gtinOf(normaliseUpcA('036000291452')));
  });
  it('expands UPC-E to its UPC-A (GS1 zero-suppression)', () => {
    expect(expandUpcE('04252614')).toEqual({ ok: true, value: '042100005264' });
    expect(gtinOf(normaliseUpcE('04252614'))).toBe('00042100005264');
    expect(expandUpcE('01234565')).toEqual({ ok: true, value: '012345000065' });
    expect(expandUpcE('01234531')).toEqual({ ok: true, value: '012300000451' });
    expect(expandUpcE('01234541')).toEqual({ ok: true, value: '012340000051' });
  });
  it('accepts a GTIN-14 of a case', () => {
    expect(gtinOf(normaliseGtin14('10012345678902'))).toBe('10012345678902');
  });
  it('computes GS1 check digits', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1);
    expect(gs1CheckDigit('03600029145')).toBe(2);
    expect(gs1CheckDigit('9638507')).toBe(4);
  });
});

describe('errors say what is wrong', () => {
  it('names the wrong and the right check digit', () => {
    const result = normaliseEan13('4006381333932');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toBe('bad-check-digit');
    expect(result.error.message).toContain('ends in 2');
    expect(result.error.message).toContain('need 1');
  });
  it('refuses letters, empty text and wrong lengths with their reasons', () => {
    const empty = readProductCode('');
    expect(empty.ok ? null : empty.error.reason).toBe('empty');
    const letters = readProductCode('40063A1333931');
    expect(letters.ok ? null : letters.error.reason).toBe('not-digits');
    const short = readProductCode('12345');
    expect(short.ok ? null : short.error.reason).toBe('wrong-length');
    const upce = normaliseUpcE('24252614');
    expect(upce.ok ? null : upce.error.reason).toBe('bad-upce-number-system');
  });
  it('refuses an 8-digit code valid as neither EAN-8 nor UPC-E', () => {
    const result = readProductCode('96385075');
    expect(result.ok ? null : result.error.reason).toBe('bad-check-digit');
  });
});

describe('reading codes of unknown symbology', () => {
  it('returns both readings of an 8-digit code valid as EAN-8 and as UPC-E', () => {
    // Find such a code rather than hard-coding one: both readings must be offered.
    for (let n = 0; n < 1_000_000; n++) {
      const ean8 = withCheckDigit(String(n).padStart(7, '0'));
      if (normaliseUpcE(ean8).ok) {
        const result = readProductCode(ean8);
        expect(result.ok && result.value.map((r) => r.symbology)).toEqual(['ean-8', 'upc-e']);
        return;
      }
    }
    throw new Error('no code valid as both EAN-8 and UPC-E was found');
  });
});

const digitString = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

describe('properties', () => {
  it('a code with its computed check digit is valid and pads to 14 digits', () => {
    fc.assert(
      fc.property(digitString(12), (data) => {
        const code = withCheckDigit(data);
        const gtin = gtinOf(normaliseEan13(code));
        return gtin.length === 14 && gtin === `0${code}`;
      }),
    );
  });
  it('changing any one digit breaks the check digit', () => {
    fc.assert(
      fc.property(digitString(12), fc.nat(12), fc.integer({ min: 1, max: 9 }), (data, position, delta) => {
        const code = withCheckDigit(data);
        const wrong = code.slice(0, position) + String((Number(code[position]) + delta) % 10) + code.slice(position + 1);
        return !normaliseEan13(wrong).ok;
      }),
    );
  });
  it('a UPC-A is the same GTIN as its EAN-13 with a leading zero', () => {
    fc.assert(
      fc.property(digitString(11), (data) => {
        const upcA = withCheckDigit(data);
        return gtinOf(normaliseUpcA(upcA)) === gtinOf(normaliseEan13(`0${upcA}`));
      }),
    );
  });
  it('UPC-E compression and expansion round-trip', () => {
    fc.assert(
      fc.property(fc.constantFrom('0', '1'), digitString(6), (numberSystem, six) => {
        const expanded = expandUpcE(`${numberSystem}${six}0`);
        if (!expanded.ok) return false;
        const upcA = withCheckDigit(expanded.value.slice(0, 11));
        const upcE = compressToUpcE(upcA);
        if (upcE === null) return false;
        // Several UPC-E spellings can expand to one UPC-A; all are the same item.
        const original = `${numberSystem}${six}${upcA.at(-1)}`;
        return gtinOf(normaliseUpcE(upcE)) === gtinOf(normaliseUpcA(upcA)) && gtinOf(normaliseUpcE(original)) === gtinOf(normaliseUpcA(upcA));
      }),
    );
  });
});

// The shared folder holds real barcode photos with the codes they carry; every
// expected code must validate as its folder's symbology.
const testdata = join(import.meta.dirname, '../../../../shared/testdata/barcodes');
describe.runIf(existsSync(testdata))('codes of the shared barcode photos', () => {
  const normalisers = { ean13: normaliseEan13, ean8: normaliseEan8, upca: normaliseUpcA, upce: normaliseUpcE };
  it('every expected code validates', () => {
    let checked = 0;
    for (const folder of readdirSync(testdata)) {
      const kind = folder.split('-')[0] as keyof typeof normalisers;
      const normalise = normalisers[kind];
      if (!normalise) continue;
      for (const file of readdirSync(join(testdata, folder)).filter((f) => /^\d+\.txt$/.test(f))) {
        const code = readFileSync(join(testdata, folder, file), 'utf8').trim();
        const result = normalise(code);
        expect(result.ok, `${folder}/${file}: ${code} ${result.ok ? '' : result.error.message}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(387);
  });
});
