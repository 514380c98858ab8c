/**
 * Users as the console manages them: one schema per message, shared by the server's
 * routes and the console's Users panel. A PIN is sent only to set it, never answered.
 * Who may do what is `domain/people/userRules.ts`.
 */
import { z } from 'zod';
import { wireTime, hasControlCharacter } from './wireText';
import { FLOOR_JOBS, ROLES } from '../domain/people/roles';
import { USERNAME_PATTERN, USERNAME_RULE, weakPinReason } from '../domain/people/userRules';

const iso = wireTime;
/** Text a person types: no control characters (a NUL included), bounded. */
const plainText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `${what} is at most ${max} characters.`)
    .refine((text) => !hasControlCharacter(text), `${what} may not hold control characters.`);

export const usernameSchema = z.string().trim().regex(USERNAME_PATTERN, USERNAME_RULE);
export const newPinSchema = z.string().superRefine((pin, context) => {
  const reason = weakPinReason(pin);
  if (reason !== null) context.addIssue({ code: 'custom', message: reason });
});
const roleSchema = z.enum(ROLES, { message: `A role is one of ${ROLES.join(', ')}.` });
const jobsSchema = z.array(z.enum(FLOOR_JOBS, { message: `A job is one of ${FLOOR_JOBS.join(', ')}.` })).max(FLOOR_JOBS.length);
const warehouseIdsSchema = z.array(z.string().min(1).max(64)).min(1, 'A user works in at least one warehouse.').max(100);

export const managedUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  jobs: z.array(z.enum(FLOOR_JOBS)),
  warehouseIds: z.array(z.string()),
  disabledAt: iso.nullable(),
  createdAt: iso,
  pinChangedAt: iso.nullable(),
  /** Null when the signed-in user may manage this one; else why not. */
  notManageable: z.string().nullable(),
});
export type ManagedUserRow = z.infer<typeof managedUserSchema>;

export const userListSchema = z.object({
  users: z.array(managedUserSchema),
  /** The warehouses the signed-in user may grant (all of them for an admin). */
  grantable: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
});
export type UserList = z.infer<typeof userListSchema>;

export const newUserSchema = z.object({
  username: usernameSchema,
  displayName: plainText(100, 'a display name'),
  role: roleSchema,
  jobs: jobsSchema,
  warehouseIds: warehouseIdsSchema,
  pin: newPinSchema,
});
export type NewUser = z.infer<typeof newUserSchema>;
export const createdUserSchema = z.object({ id: z.string() });

/** Any of these, at least one; what is left out stays as it is. */
export const userChangeSchema = z
  .object({
    displayName: plainText(100, 'a display name').optional(),
    role: roleSchema.optional(),
    jobs: jobsSchema.optional(),
    warehouseIds: warehouseIdsSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((change) => Object.values(change).some((value) => value !== undefined), 'Say what to change.');
export type UserChange = z.infer<typeof userChangeSchema>;

export const pinResetSchema = z.object({ pin: newPinSchema });

export const USER_CHANGE_ACTIONS = ['added', 'changed', 'disabled', 'enabled', 'pin-reset'] as const;

/** One change to a user, as the activity log lists it: who, whom, what (before → after), when. */
export const userChangeEntrySchema = z.object({
  id: z.string(),
  changedAt: iso,
  actorName: z.string(),
  username: z.string(),
  action: z.enum(USER_CHANGE_ACTIONS),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});
export type UserChangeEntry = z.infer<typeof userChangeEntrySchema>;
export const userChangeListSchema = z.object({ changes: z.array(userChangeEntrySchema) });
