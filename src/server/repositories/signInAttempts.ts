/**
 * Sign-in attempts, counted in the database so every server process shares them
 * (the rules: security/signInThrottle.ts). An attempt is claimed before its PIN is
 * checked: one transaction locks the attempt's three counters (address, user, user at
 * address, always in that order, so two claims never wait on each other in a circle),
 * decides, and writes the attempt as wrong. N guesses sent at once therefore use N
 * attempts, and a guess refused is never checked. A right PIN takes its count back.
 * An attempt the stored counters already hold back is answered from a plain read first.
 */
import type { Database, Queryable } from '../storage/database';
import { claimAttempt, USER_CEILING, type AttemptClaim, type AttemptCounter, type AttemptScope } from '../security/signInThrottle';

/** Who is trying: the user name as typed (compared without case) and the client's address. */
export interface SignInAttempt {
  readonly username: string;
  readonly address: string;
}

type CounterRow = { scope: AttemptScope; failures: number; windowStartedAt: Date; lastFailureAt: Date | null; blockedUntil: Date | null; inFlight: number; now: Date };

/** The three counters' keys, in primary-key order (the order they are locked in). */
function keysOf(attempt: SignInAttempt): { scope: AttemptScope; username: string; address: string }[] {
  const username = attempt.username.toLowerCase();
  return [
    { scope: 'address', username: '', address: attempt.address },
    { scope: 'user', username, address: '' },
    { scope: 'user-at-address', username, address: attempt.address },
  ];
}

const COUNTER_COLUMNS = `scope, failures, window_started_at as "windowStartedAt", last_failure_at as "lastFailureAt", blocked_until as "blockedUntil", in_flight as "inFlight", now() as now`;

/** The counters read, by scope (a scope with no row: null). */
const countersOf = (rows: readonly CounterRow[]) =>
  ({ address: null, user: null, 'user-at-address': null, ...Object.fromEntries(rows.map((r) => [r.scope, toCounter(r)])) }) as Record<AttemptScope, AttemptCounter | null>;

const column = <K extends 'scope' | 'username' | 'address'>(keys: ReturnType<typeof keysOf>, k: K) => keys.map((key) => key[k]);
const isoOrNull = (at: Date | null) => (at === null ? null : at.toISOString());

export async function claimSignInAttempt(db: Database, attempt: SignInAttempt, addressLimitPerMinute: number): Promise<AttemptClaim> {
  const keys = keysOf(attempt);
  // Held back already by what is stored: answered without a lock or a write. A shift signing
  // in behind one address sends many such attempts again while the first are checked, and each
  // took the address's row lock and a commit, in turn with the claims that would be let in.
  const seen = await db.query<CounterRow>(
    `select ${COUNTER_COLUMNS} from signin_attempts where (scope, username, address) in (select * from unnest($1::text[], $2::text[], $3::text[]))`,
    [column(keys, 'scope'), column(keys, 'username'), column(keys, 'address')],
  );
  if (seen.length > 0) {
    const early = claimAttempt(countersOf(seen), new Date(seen[0]!.now), addressLimitPerMinute);
    if (!early.allowed) return early;
  }
  // Let in by what was read: claimed under the counters' locks, where it is decided again.
  return db.transaction(async (tx) => {
    await tx.query(
      `insert into signin_attempts (scope, username, address)
       select * from unnest($1::text[], $2::text[], $3::text[]) on conflict do nothing`,
      [column(keys, 'scope'), column(keys, 'username'), column(keys, 'address')],
    );
    const rows = await tx.query<CounterRow>(
      `select ${COUNTER_COLUMNS}
         from signin_attempts
        where (scope, username, address) in (select * from unnest($1::text[], $2::text[], $3::text[]))
        order by scope, username, address for update`,
      [column(keys, 'scope'), column(keys, 'username'), column(keys, 'address')],
    );
    const now = new Date(rows[0]!.now);
    const claim = claimAttempt(countersOf(rows), now, addressLimitPerMinute);
    if (!claim.allowed) return claim;
    const counted = keys.map((key) => claim.counted[key.scope]);
    await tx.query(
      `update signin_attempts a set failures = n.failures, window_started_at = n.started, last_failure_at = n.last, blocked_until = n.blocked, in_flight = n.in_flight
         from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[], $8::int[]) as n(scope, username, address, failures, started, last, blocked, in_flight)
        where a.scope = n.scope and a.username = n.username and a.address = n.address`,
      [
        column(keys, 'scope'), column(keys, 'username'), column(keys, 'address'),
        counted.map((c) => c.failures), counted.map((c) => c.windowStartedAt.toISOString()), counted.map((c) => isoOrNull(c.lastFailureAt)), counted.map((c) => isoOrNull(c.blockedUntil)), counted.map((c) => c.inFlight),
      ],
    );
    return claim;
  });
}

const toCounter = (r: CounterRow): AttemptCounter => ({
  failures: r.failures,
  windowStartedAt: new Date(r.windowStartedAt),
  lastFailureAt: r.lastFailureAt === null ? null : new Date(r.lastFailureAt),
  blockedUntil: r.blockedUntil === null ? null : new Date(r.blockedUntil),
  inFlight: r.inFlight,
});

/** A wrong PIN: the attempt, counted wrong when claimed, is no longer being checked. */
export async function recordWrongPin(db: Database, attempt: SignInAttempt): Promise<void> {
  const keys = keysOf(attempt);
  await db.query(
    `update signin_attempts a set in_flight = greatest(a.in_flight - 1, 0)
       from unnest($1::text[], $2::text[], $3::text[]) as k(scope, username, address)
      where a.scope = k.scope and a.username = k.username and a.address = k.address`,
    [column(keys, 'scope'), column(keys, 'username'), column(keys, 'address')],
  );
}

/**
 * A right PIN: that user's wrong PINs from that address are forgotten, and the attempt's
 * count is taken back from the user's and the address's (it was counted wrong when
 * claimed). Counters idle for a day go at the same time.
 */
export async function recordRightPin(db: Database, attempt: SignInAttempt): Promise<void> {
  const [address, user, pair] = keysOf(attempt);
  await db.transaction(async (tx) => {
    await tx.query(`update signin_attempts set failures = greatest(failures - 1, 0), in_flight = greatest(in_flight - 1, 0) where scope = 'address' and address = $1`, [address!.address]);
    await tx.query(
      `update signin_attempts set failures = greatest(failures - 1, 0), in_flight = greatest(in_flight - 1, 0), blocked_until = case when failures - 1 < $2 then null else blocked_until end
        where scope = 'user' and username = $1`,
      [user!.username, USER_CEILING],
    );
    await tx.query(`delete from signin_attempts where scope = 'user-at-address' and username = $1 and address = $2`, [pair!.username, pair!.address]);
  });
  // Outside the transaction, and past rows someone holds: clearing old counters never waits on a claim.
  await db.query(
    `delete from signin_attempts a using (
       select scope, username, address from signin_attempts
        where coalesce(last_failure_at, window_started_at) < now() - interval '1 day' and coalesce(blocked_until, '-infinity') < now()
        for update skip locked) idle
      where a.scope = idle.scope and a.username = idle.username and a.address = idle.address`,
  );
}

/** Forgets a user name's wrong PINs (at every address): a supervisor gave it a new PIN, so the lock they earned no longer guards anything. */
export async function forgetWrongPins(db: Queryable, username: string): Promise<void> {
  await db.query(`delete from signin_attempts where username = lower($1) and scope in ('user', 'user-at-address')`, [username]);
}
