/** The console's words for deviations and for a review's book recomputed by late work. */
import { describe, expect, it } from 'vitest';
import { deviationFacts } from './DeviationsTable';
import { firstBook } from './CountReviewHistory';
import { translator } from '../../i18n/language';

const en = translator('en');

describe('deviation facts in words', () => {
  it('says what the server saw', () => {
    expect(deviationFacts(en, { kind: 'not-fefo', facts: { fefoLot: 'L1', fefoExpiry: '2027-01-01', lotExpiry: '2027-05-01' } })).toBe('first to expire: L1 (2027-01-01); taken lot expires 2027-05-01');
    expect(deviationFacts(en, { kind: 'over-step-limit', facts: { limit: 50, qty: 60 } })).toBe('60 in one step, limit 50');
    expect(deviationFacts(en, { kind: 'lot-not-in-bin', facts: { lotsInBin: null } })).toBe('bin holds no lot of it');
    expect(deviationFacts(en, { kind: 'more-than-bin-holds', facts: { book: 1, qty: 3 } })).toBe('book held 1');
    // Confirmed on the device only: the server saw nothing to say.
    expect(deviationFacts(en, { kind: 'empty-bin-held-stock', facts: {} })).toBe('');
    expect(deviationFacts(translator('zh'), { kind: 'over-step-limit', facts: { limit: 50, qty: 60 } })).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the book first seen for a review line', () => {
  it('is given only where late work changed it', () => {
    const atArrival = [{ productId: 'p', lot: '', qty: 10 }];
    expect(firstBook({ productId: 'p', lot: '', qty: 7 }, atArrival)).toBe(10);
    expect(firstBook({ productId: 'p', lot: '', qty: 10 }, atArrival)).toBeNull();
    expect(firstBook({ productId: 'q', lot: '', qty: 7 }, atArrival)).toBeNull();
    expect(firstBook({ productId: 'p', lot: '', qty: 7 }, null)).toBeNull();
  });
});
