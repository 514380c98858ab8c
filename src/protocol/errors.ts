import { z } from './zod';
import { protocolRangeSchema } from './version';

/**
 * Every API error has the same body: a reason code a program can branch on and a
 * message a person can act on. The device shows the message as it is.
 */
export const apiErrorReasons = [
  'bad-request',
  'not-signed-in',
  'session-expired',
  'wrong-device',
  'user-disabled',
  'forbidden',
  'not-found',
  'wrong-pin',
  'too-many-attempts',
  'rate-limited',
  'payload-too-large',
  'conflict',
  'invalid-data',
  'server-error',
  'unavailable',
  /** 426: the device's protocol version is older than the server reads; the new app sends its steps. */
  'update-required',
] as const;

export const apiErrorSchema = z.object({
  error: z.object({
    reason: z.enum(apiErrorReasons),
    message: z.string(),
    /** Seconds to wait before trying again, for throttled requests. */
    retryAfterSeconds: z.optional(z.int().check(z.nonnegative())),
    /**
     * For too-many-attempts: held back only because many sign-ins are being checked at
     * once (a shift signing in behind one address); no PIN was counted wrong, and the
     * same sign-in sent again after retryAfterSeconds is checked. The app does so itself.
     */
    busy: z.optional(z.boolean()),
    /** For update-required (and a device newer than the server): the protocol versions the server reads. */
    readable: z.optional(protocolRangeSchema),
  }),
});

export type ApiError = z.infer<typeof apiErrorSchema>;
export type ApiErrorReason = (typeof apiErrorReasons)[number];
