import { describe, expect, it } from 'vitest';
import { BUSY_RETRY_SECONDS, claimAttempt, FREE_ATTEMPTS, heldBackMessage, lockSecondsAfter, USER_CEILING, type AttemptCounter, type AttemptScope } from './signInThrottle';

const now = new Date('2026-12-01T08:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const counter = (failures: number, startedSecondsAgo: number, blockedUntil: Date | null = null, inFlight = 0): AttemptCounter => ({
  failures,
  windowStartedAt: ago(startedSecondsAgo),
  lastFailureAt: ago(Math.min(startedSecondsAgo, 1)),
  blockedUntil,
  inFlight,
});
const none: Record<AttemptScope, AttemptCounter | null> = { address: null, user: null, 'user-at-address': null };

describe('sign-in attempts', () => {
  it('locks a user at an address after five wrong PINs, doubling up to 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 30].map(lockSecondsAfter)).toEqual([0, 0, 30, 60, 120, 900]);
  });

  it('counts a claimed attempt as wrong everywhere, and says what a wrong PIN would bring', () => {
    const first = claimAttempt(none, now, 30);
    expect(first).toMatchObject({ allowed: true, ifWrong: null, counted: { address: { failures: 1 }, user: { failures: 1 }, 'user-at-address': { failures: 1, blockedUntil: null } } });
    const fifth = claimAttempt({ ...none, 'user-at-address': counter(FREE_ATTEMPTS - 1, 60) }, now, 30);
    expect(fifth).toMatchObject({ allowed: true, ifWrong: { scope: 'user-at-address', retryAfterSeconds: 30 } });
  });

  it('holds back a locked pair, a full address and a slowed user, saying for how long', () => {
    expect(claimAttempt({ ...none, 'user-at-address': counter(5, 10, new Date(now.getTime() + 20_000)) }, now, 30)).toEqual({ allowed: false, scope: 'user-at-address', retryAfterSeconds: 20 });
    expect(claimAttempt({ ...none, address: counter(30, 45) }, now, 30)).toEqual({ allowed: false, scope: 'address', retryAfterSeconds: 15 });
    expect(claimAttempt({ ...none, user: counter(USER_CEILING, 300, new Date(now.getTime() + 40_000)) }, now, 30)).toEqual({ allowed: false, scope: 'user', retryAfterSeconds: 40 });
  });

  it('forgets what its window no longer holds: the address after a minute, the user after 15, a streak an hour after its last wrong PIN', () => {
    const old = claimAttempt({ address: counter(30, 61), user: counter(USER_CEILING + 5, 901, ago(1)), 'user-at-address': { ...counter(4, 4000), lastFailureAt: ago(3600) } }, now, 30);
    expect(old).toMatchObject({ allowed: true, ifWrong: null, counted: { address: { failures: 1 }, user: { failures: 1 }, 'user-at-address': { failures: 1 } } });
  });

  it('tells an attempt held back only by attempts still being checked to try again in a few seconds, not that PINs were wrong', () => {
    const soon = new Date(now.getTime() + 30_000);
    const pair = claimAttempt({ ...none, 'user-at-address': counter(FREE_ATTEMPTS, 1, soon, FREE_ATTEMPTS) }, now, 30);
    expect(pair).toMatchObject({ allowed: false, scope: 'user-at-address', busy: true, retryAfterSeconds: BUSY_RETRY_SECONDS });
    const address = claimAttempt({ ...none, address: counter(30, 1, null, 3) }, now, 30);
    expect(address).toMatchObject({ allowed: false, scope: 'address', busy: true });
    expect(heldBackMessage('address', 'x', 3, true)).toBe('Many sign-ins are being checked at once from this network. Try again in 3 seconds.');
    // Wrong PINs answered: the lock holds, in the lock's words.
    expect(claimAttempt({ ...none, 'user-at-address': counter(FREE_ATTEMPTS, 1, soon, 0) }, now, 30)).toMatchObject({ allowed: false, scope: 'user-at-address' });
    expect(claimAttempt({ ...none, 'user-at-address': counter(FREE_ATTEMPTS, 1, soon, 0) }, now, 30)).not.toHaveProperty('busy');
  });
});
