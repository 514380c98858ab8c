/**
 * A pull cursor: the server's data set (epoch), then a position in commit order —
 * change clock, kind, key — and the history it was read in: a clock value with its
 * token (change_history, migration 0009). Opaque to the device.
 *
 * A cursor belongs to the server's present history when the epoch is the same, the
 * clock has not gone back behind it, and the token recorded at its history clock is
 * still the one it carries. A restore from a backup rewinds the clock; once writes
 * take the same values again they get new tokens, so a device that saw the lost
 * history is told to download again, however far the clock went since. Cursors from
 * before the history (four fields) and clock values with no token recorded are judged
 * by the epoch and the clock alone; a history clock older than the oldest row kept
 * (old rows deleted) is reset, as nothing can vouch for it.
 */
import { ApiProblem } from '../../problems';

/** The kinds in the order a page lists them within one clock value. */
export const KINDS = ['products', 'bins', 'tasks', 'operations'] as const;
export type Kind = (typeof KINDS)[number];

/** A clock value and the token the server recorded for it. */
export interface HistoryMark {
  readonly clock: string;
  readonly token: string;
}

export interface Cursor {
  readonly epoch: string;
  readonly clock: string;
  readonly kind: number;
  readonly key: string;
  readonly history: HistoryMark | null;
}

/** A clock value or token as text: a bigint the database can take. */
const digits = (value: unknown): value is string => typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= 9_223_372_036_854_775_807n;

export function encodePullCursor(cursor: Cursor): string {
  const history = cursor.history ? [cursor.history.clock, cursor.history.token] : [];
  return Buffer.from(JSON.stringify([cursor.epoch, cursor.clock, cursor.kind, cursor.key, ...history])).toString('base64url');
}

export function decodePullCursor(text: string): Cursor {
  try {
    const parts = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    const [epoch, clock, kind, key, historyClock, token] = parts;
    const history = parts.length === 6 && digits(historyClock) && digits(token) ? { clock: historyClock, token } : parts.length === 4 ? null : undefined;
    if (typeof epoch === 'string' && digits(clock) && typeof kind === 'number' && typeof key === 'string' && history !== undefined) return { epoch, clock, kind, key, history };
  } catch {
    // fall through
  }
  throw new ApiProblem(400, 'bad-request', 'The pull cursor is not one this server made. Download the warehouse again.');
}

/** The cursor just after everything committed up to `clock`: where a device starts pulling after its download. */
export function cursorAfterClock(epoch: string, clock: string, token: string | null): string {
  return encodePullCursor({ epoch, clock, kind: KINDS.length, key: '', history: token === null ? null : { clock, token } });
}

/** What the server holds now, as a pull reads it. */
export interface PresentHistory {
  readonly epoch: string;
  readonly clock: string;
  /** The token recorded at the cursor's history clock, if any. */
  readonly tokenAtCursor: string | null;
  /** The oldest clock value whose token is kept, if any. */
  readonly oldestKept: string | null;
}

/** True when the cursor was made in another data set or a history the server no longer has: the device downloads again. */
export function cursorIsForeign(cursor: Cursor, present: PresentHistory): boolean {
  if (cursor.epoch !== present.epoch || BigInt(cursor.clock) > BigInt(present.clock)) return true;
  const mark = cursor.history;
  if (mark === null) return false;
  if (BigInt(mark.clock) > BigInt(present.clock)) return true;
  if (present.tokenAtCursor !== null) return present.tokenAtCursor !== mark.token;
  return present.oldestKept !== null && BigInt(mark.clock) < BigInt(present.oldestKept);
}
