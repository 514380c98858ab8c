/**
 * Why talking to the server failed, as the device tells the worker. `offline` and
 * `server-unavailable` pass by themselves; `update-required` passes with the new app
 * (the service worker brings it); the others need a person (sign in again, ask a
 * supervisor).
 */
import type { ApiErrorReason } from '../protocol/errors';
import type { Why } from '../domain/why';

export type SyncErrorReason = ApiErrorReason | 'offline' | 'server-unavailable' | 'bad-response' | 'aborted';

export class SyncError extends Error {
  constructor(
    readonly reason: SyncErrorReason,
    message: string,
    readonly status: number | null = null,
    /** For throttled requests: seconds until trying again may succeed. */
    readonly retryAfterSeconds: number | null = null,
    /** A sign-in held back only because many are being checked at once (no PIN counted wrong). */
    readonly busy = false,
  ) {
    super(message);
    this.name = 'SyncError';
  }

  /** The failure as a reason the interface words in the worker's language. */
  get why(): Why {
    return { code: 'sync-failed', reason: this.reason, message: this.message, retryAfterSeconds: this.retryAfterSeconds, ...(this.busy ? { busy: true } : {}) };
  }

  /** True when trying again later, unchanged, may succeed. */
  get passing(): boolean {
    return this.reason === 'offline' || this.reason === 'server-unavailable' || this.reason === 'rate-limited' || this.reason === 'server-error' || this.reason === 'update-required';
  }

  /** True when the server no longer reads this app's protocol: nothing goes until the new app runs. */
  get needsUpdate(): boolean {
    return this.reason === 'update-required';
  }

  /** True when the worker must sign in again before anything else reaches the server. */
  get needsSignIn(): boolean {
    return this.reason === 'not-signed-in' || this.reason === 'session-expired' || this.reason === 'wrong-device' || this.reason === 'user-disabled';
  }
}
