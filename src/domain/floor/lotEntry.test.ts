import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkExpiryEntry, checkLotEntry, missingLotFacts } from './lotEntry';
import { parseGs1 } from '../codes/gs1';

describe('a lot typed by hand', () => {
  it('is trimmed and upper-cased as labels print it', () => {
    expect(checkLotEntry('  l-42/a ')).toEqual({ ok: true, value: 'L-42/A' });
  });

  it.each([
    ['', 'lot-empty'],
    ['   ', 'lot-empty'],
    ['A'.repeat(21), 'lot-too-long'],
    ['LOT 42', 'lot-bad-characters'],
    ['LOT#42', 'lot-bad-characters'],
  ])('refuses %j with %s', (text, code) => {
    const result = checkLotEntry(text);
    expect(result.ok ? null : result.why.code).toBe(code);
  });

  it('accepts exactly what a GS1 label could carry as its lot, so typed and scanned lots match', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9\-./_]{1,20}$/), (lot) => {
        const typed = checkLotEntry(lot);
        const scanned = parseGs1(`(01)09506000134352(10)${lot}`);
        expect(typed).toEqual({ ok: true, value: lot });
        expect(scanned.ok && scanned.value.lot).toBe(lot);
      }),
    );
  });
});

describe('an expiry typed by hand', () => {
  it('is a real calendar date', () => {
    expect(checkExpiryEntry('2027-02-28')).toEqual({ ok: true, value: '2027-02-28' });
    expect(checkExpiryEntry('2028-02-29')).toEqual({ ok: true, value: '2028-02-29' });
    for (const wrong of ['2027-02-29', '2027-13-01', '27-01-01', '01.02.2027', '']) {
      expect(checkExpiryEntry(wrong), wrong).toMatchObject({ ok: false, why: { code: 'expiry-not-a-date' } });
    }
  });
});

describe('what is still to be asked after a scan', () => {
  it('asks only for what the product tracks and the scan did not give', () => {
    const both = { lotTracked: true, expiryTracked: true };
    expect(missingLotFacts(both, { lot: null, expiry: null })).toEqual({ lot: true, expiry: true });
    expect(missingLotFacts(both, { lot: 'L1', expiry: '2027-01-01' })).toEqual({ lot: false, expiry: false });
    expect(missingLotFacts({ lotTracked: false, expiryTracked: true }, { lot: null, expiry: null })).toEqual({ lot: false, expiry: true });
    expect(missingLotFacts({ lotTracked: false, expiryTracked: false }, { lot: null, expiry: null })).toEqual({ lot: false, expiry: false });
  });
});
