/**
 * How many PIN guesses a sign-in allows, and from where (issue 12). Pure: the counts
 * live in the database (repositories/signInAttempts.ts), which claims an attempt
 * before the PIN is checked, under a row lock, so parallel guesses on any number of
 * servers each use one attempt.
 *
 * Three counters, after OWASP's authentication and credential-stuffing guidance:
 * - **user at address**: wrong PINs for one user name from one client address. After
 *   5 it locks, for 30 s doubling with each further one up to 15 min; forgotten an
 *   hour after the last wrong PIN, cleared by a right one. A lock holds that person at
 *   that address only, so one worker's wrong PINs (or an attacker's) lock out nobody else.
 * - **user**: wrong PINs for one user name from every address within 15 minutes. Past
 *   20 it slows, not locks: one try a minute for that name, whoever sends it, until the
 *   window ends. Guessing from many addresses gets no further than that.
 * - **address**: wrong PINs from one address over every user name within a minute (the
 *   per-address brake, against trying one PIN on many names). A right PIN is not counted,
 *   so a warehouse whose handhelds all share one address behind NAT can sign a whole
 *   shift in; only wrong PINs fill it.
 *
 * An attempt counts as wrong from the moment it is claimed; a right PIN takes its count
 * back. Attempts still being checked are counted apart too (`inFlight`): one held back
 * only because many sign-ins are being checked at once (a shift signing in behind one
 * NAT address, a double tap) is told to try again in a few seconds, not that PINs were
 * wrong. Unknown user names are counted exactly like known ones.
 */
export type AttemptScope = 'address' | 'user' | 'user-at-address';

/** One counter as stored, with the database's clock. */
export interface AttemptCounter {
  readonly failures: number;
  readonly windowStartedAt: Date;
  readonly lastFailureAt: Date | null;
  readonly blockedUntil: Date | null;
  /** Attempts claimed and not yet answered: counted in `failures` until they are. */
  readonly inFlight: number;
}

/** Seconds to wait when only attempts still being checked hold one back. */
export const BUSY_RETRY_SECONDS = 3;

export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_SECONDS = 30;
const LONGEST_LOCK_SECONDS = 15 * 60;
const FORGET_AFTER_SECONDS = 60 * 60;
export const USER_CEILING = 20;
const USER_WINDOW_SECONDS = 15 * 60;
export const USER_SLOW_SECONDS = 60;
const ADDRESS_WINDOW_SECONDS = 60;

/** Seconds to lock a user at an address after this many wrong PINs in a row (0: not locked). */
export function lockSecondsAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(LONGEST_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - FREE_ATTEMPTS));
}

export type AttemptClaim =
  | {
      readonly allowed: true;
      /** The counters with this attempt counted as wrong: what the database keeps. */
      readonly counted: Record<AttemptScope, AttemptCounter>;
      /** Should the PIN be wrong: the scope that then holds the next try back, and for how long. */
      readonly ifWrong: { readonly scope: AttemptScope; readonly retryAfterSeconds: number } | null;
    }
  | { readonly allowed: false; readonly scope: AttemptScope; readonly retryAfterSeconds: number; readonly busy?: true };

const secondsUntil = (at: Date, now: Date) => Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
const plusSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);
const blocks = (counter: AttemptCounter | null, now: Date) => counter?.blockedUntil != null && counter.blockedUntil > now;

/** A counter's failures still in force now: a window over, or an old streak, starts again from nothing. */
function inForce(counter: AttemptCounter | null, now: Date, scope: AttemptScope): AttemptCounter {
  const fresh = { failures: 0, windowStartedAt: now, lastFailureAt: null, blockedUntil: null, inFlight: 0 };
  if (counter === null) return fresh;
  const age = (at: Date | null) => (at === null ? Infinity : (now.getTime() - at.getTime()) / 1000);
  const over =
    scope === 'user-at-address' ? age(counter.lastFailureAt) >= FORGET_AFTER_SECONDS && !blocks(counter, now)
    : scope === 'user' ? age(counter.windowStartedAt) >= USER_WINDOW_SECONDS
    : age(counter.windowStartedAt) >= ADDRESS_WINDOW_SECONDS;
  return over ? fresh : counter;
}

/** Whether one more attempt may have its PIN checked, and the counters once it is counted. */
export function claimAttempt(stored: Record<AttemptScope, AttemptCounter | null>, now: Date, addressLimitPerMinute: number): AttemptClaim {
  const pair = inForce(stored['user-at-address'], now, 'user-at-address');
  const user = inForce(stored.user, now, 'user');
  const address = inForce(stored.address, now, 'address');
  const busy = { allowed: false, retryAfterSeconds: BUSY_RETRY_SECONDS, busy: true } as const;
  if (blocks(pair, now)) {
    if (pair.failures - pair.inFlight < FREE_ATTEMPTS) return { ...busy, scope: 'user-at-address' };
    return { allowed: false, scope: 'user-at-address', retryAfterSeconds: secondsUntil(pair.blockedUntil!, now) };
  }
  if (address.failures >= addressLimitPerMinute) {
    if (address.failures - address.inFlight < addressLimitPerMinute) return { ...busy, scope: 'address' };
    return { allowed: false, scope: 'address', retryAfterSeconds: secondsUntil(plusSeconds(address.windowStartedAt, ADDRESS_WINDOW_SECONDS), now) };
  }
  if (user.failures >= USER_CEILING && blocks(user, now)) return { allowed: false, scope: 'user', retryAfterSeconds: secondsUntil(user.blockedUntil!, now) };

  const pairFailures = pair.failures + 1;
  const lock = lockSecondsAfter(pairFailures);
  const userFailures = user.failures + 1;
  const counted: Record<AttemptScope, AttemptCounter> = {
    'user-at-address': { failures: pairFailures, windowStartedAt: pair.windowStartedAt, lastFailureAt: now, blockedUntil: lock > 0 ? plusSeconds(now, lock) : null, inFlight: pair.inFlight + 1 },
    user: { failures: userFailures, windowStartedAt: user.windowStartedAt, lastFailureAt: now, blockedUntil: userFailures >= USER_CEILING ? plusSeconds(now, USER_SLOW_SECONDS) : null, inFlight: user.inFlight + 1 },
    address: { failures: address.failures + 1, windowStartedAt: address.windowStartedAt, lastFailureAt: now, blockedUntil: null, inFlight: address.inFlight + 1 },
  };
  const ifWrong =
    lock > 0 ? { scope: 'user-at-address' as const, retryAfterSeconds: lock }
    : userFailures >= USER_CEILING ? { scope: 'user' as const, retryAfterSeconds: USER_SLOW_SECONDS }
    : address.failures + 1 >= addressLimitPerMinute ? { scope: 'address' as const, retryAfterSeconds: secondsUntil(plusSeconds(address.windowStartedAt, ADDRESS_WINDOW_SECONDS), now) }
    : null;
  return { allowed: true, counted, ifWrong };
}

/** What a person reads when a sign-in is held back: why, when to try again, and whom to ask. */
export function heldBackMessage(scope: AttemptScope, username: string, seconds: number, busy = false): string {
  if (busy) return `Many sign-ins are being checked at once${scope === 'address' ? ' from this network' : ` for ${username}`}. Try again in ${seconds} seconds.`;
  const when = `Try again in ${seconds} seconds, or ask a supervisor.`;
  if (scope === 'user-at-address') return `Too many wrong PINs for ${username}. ${when}`;
  if (scope === 'user') return `Too many wrong PINs for ${username} from several devices: one try a minute for now. ${when}`;
  return `Too many wrong PINs from this network. ${when}`;
}
