/** The pull cursor's history check, pure: which cursors belong to the history the server holds now. */
import { describe, expect, it } from 'vitest';
import { cursorAfterClock, cursorIsForeign, decodePullCursor, encodePullCursor, type Cursor, type PresentHistory } from '../../src/server/repositories/deviceSync/pullCursor';

const cursor = (clock: string, history: Cursor['history']): Cursor => ({ epoch: 'e1', clock, kind: 1, key: 'A-01', history });
const present = (over: Partial<PresentHistory> = {}): PresentHistory => ({ epoch: 'e1', clock: '40', tokenAtCursor: null, oldestKept: '10', ...over });

describe('the pull cursor', () => {
  it('keeps its history mark through encoding, and reads cursors from before it (four fields)', () => {
    const marked = cursor('30', { clock: '35', token: '123456' });
    expect(decodePullCursor(encodePullCursor(marked))).toEqual(marked);
    expect(decodePullCursor(Buffer.from(JSON.stringify(['e1', '30', 1, 'A-01'])).toString('base64url'))).toEqual(cursor('30', null));
    expect(decodePullCursor(cursorAfterClock('e1', '7', '99'))).toEqual({ epoch: 'e1', clock: '7', kind: 4, key: '', history: { clock: '7', token: '99' } });
    expect(decodePullCursor(cursorAfterClock('e1', '7', null)).history).toBeNull();
  });

  it('refuses a cursor it did not make, a clock too big for the database included', () => {
    for (const parts of [['e1', '30', 1, 'A', '35'], ['e1', '30', 1, 'A', 35, '1'], ['e1', '99999999999999999999', 1, 'A'], ['e1', '30', 1, 'A', '9223372036854775808', '1']]) {
      expect(() => decodePullCursor(Buffer.from(JSON.stringify(parts)).toString('base64url'))).toThrow(/not one this server made/);
    }
  });

  it('is foreign in another data set, ahead of the clock, or when its clock value now has another token', () => {
    expect(cursorIsForeign(cursor('30', null), present({ epoch: 'e2' }))).toBe(true);
    expect(cursorIsForeign(cursor('41', null), present())).toBe(true);
    expect(cursorIsForeign(cursor('30', { clock: '41', token: '5' }), present())).toBe(true); // the clock went back behind what it saw
    expect(cursorIsForeign(cursor('30', { clock: '35', token: '5' }), present({ tokenAtCursor: '6' }))).toBe(true); // a restore, then the value taken again
    expect(cursorIsForeign(cursor('30', { clock: '35', token: '5' }), present({ tokenAtCursor: '5' }))).toBe(false);
  });

  it('judges by epoch and clock alone what no token can vouch for, except a mark older than the history kept', () => {
    expect(cursorIsForeign(cursor('30', null), present())).toBe(false);
    expect(cursorIsForeign(cursor('30', { clock: '35', token: '5' }), present({ tokenAtCursor: null }))).toBe(false);
    expect(cursorIsForeign(cursor('5', { clock: '8', token: '5' }), present({ tokenAtCursor: null, oldestKept: '10' }))).toBe(true);
  });
});
