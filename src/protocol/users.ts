/**
 * Users as the console manages them: one schema per message, shared by the server's
 * routes and the console's Users panel. A PIN is sent only to set it, never answered.
 * Who may do what is `domain/people/userRules.ts`.
 */
import { z } from './zod';
import { wireTime, hasControlCharacter } from './wireText';
import { FLOOR_JOBS, ROLES } from '../domain/people/roles';
import { USERNAME_PATTERN, USERNAME_RULE, weakPinReason } from '../domain/people/userRules';

const iso = wireTime;
/** Text a person types: no control characters (a NUL included), bounded. */
const plainText = (max: number, what: string) =>
  z.string().check(
    z.trim(),
    z.minLength(1, `Enter ${what}.`),
    z.maxLength(max, `${what} is at most ${max} characters.`),
    z.refine((text) => !hasControlCharacter(text), `${what} may not hold control characters.`),
  );

export const usernameSchema = z.string().check(z.trim(), z.regex(USERNAME_PATTERN, USERNAME_RULE));
export const newPinSchema = z.string().check(
  z.superRefine((pin, context) => {
    const reason = weakPinReason(pin);
    if (reason !== null) context.addIssue({ code: 'custom', message: reason });
  }),
);
const roleSchema = z.enum(ROLES, { message: `A role is one of ${ROLES.join(', ')}.` });
const jobsSchema = z.array(z.enum(FLOOR_JOBS, { message: `A job is one of ${FLOOR_JOBS.join(', ')}.` })).check(z.maxLength(FLOOR_JOBS.length));
const warehouseIdsSchema = z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.minLength(1, 'A user works in at least one warehouse.'), z.maxLength(100));

export const managedUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  jobs: z.array(z.enum(FLOOR_JOBS)),
  warehouseIds: z.array(z.string()),
  disabledAt: z.nullable(iso),
  createdAt: iso,
  pinChangedAt: z.nullable(iso),
  /** Null when the signed-in user may manage this one; else why not. */
  notManageable: z.nullable(z.string()),
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
  .strictObject({
    displayName: z.optional(plainText(100, 'a display name')),
    role: z.optional(roleSchema),
    jobs: z.optional(jobsSchema),
    warehouseIds: z.optional(warehouseIdsSchema),
    disabled: z.optional(z.boolean()),
  })
  .check(z.refine((change) => Object.values(change).some((value) => value !== undefined), 'Say what to change.'));
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
