import { z } from './zod';
import { wireTime, plainText } from './wireText';
import { FLOOR_JOBS, ROLES } from '../domain/people/roles';
import { warehouseSchema } from './catalog';

/** The device makes its own id once (a UUID) and keeps it; every token is bound to it. */
export const deviceIdSchema = z.uuid({ message: 'The device id must be a UUID made by the device.' });

export const signInRequestSchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1, 'Enter your user name.'), z.maxLength(64)),
  pin: z.string().check(z.regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits.')),
  deviceId: deviceIdSchema,
  appVersion: plainText(40),
});

export const signedInUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  jobs: z.array(z.enum(FLOOR_JOBS)),
});

export const signInResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: signedInUserSchema,
  /** The warehouses this user may work in; the device picks one (skipped when there is one). */
  warehouses: z.array(warehouseSchema).check(z.minLength(1)),
  /**
   * This browser was another device before (its app data was cleared, by the browser
   * or a person): what that device last said of itself. Null when nothing was lost track of.
   */
  previousDevice: z.nullable(
    z.object({
      deviceId: z.string(),
      /** Steps it held unsent when it last synced; lost with the cleared data. */
      pendingAtLastSync: z.nullable(z.int().check(z.minimum(0))),
      lastSyncAt: z.nullable(wireTime),
    }),
  ),
});

export type SignInRequest = z.infer<typeof signInRequestSchema>;
export type SignInResponse = z.infer<typeof signInResponseSchema>;
export type SignedInUser = z.infer<typeof signedInUserSchema>;
