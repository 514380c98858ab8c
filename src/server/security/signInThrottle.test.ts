import { describe, expect, it } from 'vitest';
import { claimAttempt, FREE_ATTEMPTS, lockSecondsAfter, USER_CEILING, type AttemptCounter, type AttemptScope } from './signInThrottle';

const now = new Date('2026-12-01T08:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const counter = (failures: number, startedSecondsAgo: number, blockedUntil: Date | null = null): AttemptCounter => ({
  failures,
  windowStartedAt: ago(startedSecondsAgo),
  lastFailureAt: ago(Math.min(startedSecondsAgo, 1)),
  blockedUntil,
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
});
