/**
 * The console's warehouse settings and device names: one schema per message, shared by
 * the server's routes and the console's screens. The ranges are checked by
 * domain/floor/warehouseSettings.ts on both ends, so a refusal says what to type.
 */
import { z } from './zod';
import { hasControlCharacter, wireTime } from './wireText';
import { warehouseSettingsSchema } from './catalog';

/** What a device may be called: 1 to 40 characters of plain text; empty or null takes the name away. */
export const MAX_DEVICE_NAME = 40;

export const deviceNameSchema = z.strictObject({
  name: z
    .nullable(
      z.string().check(
        z.trim(),
        z.maxLength(MAX_DEVICE_NAME, `A device name is at most ${MAX_DEVICE_NAME} characters.`),
        z.refine((text) => !hasControlCharacter(text), 'A device name may not hold control characters.'),
      ),
    )
    .check(z.describe('The new name; empty or null to take the name away.')),
});
export type DeviceNameChange = z.infer<typeof deviceNameSchema>;

/** A save of the floor settings: any of them, with the version the supervisor saw. */
export const settingsChangeSchema = z.strictObject({
  /** The `version` the screen was showing: a save made on an older one is refused (409), nothing applied. */
  version: z.int().check(z.minimum(1), z.maximum(2_147_483_647)),
  blindCount: z.optional(z.boolean()),
  recountUnits: z.optional(z.number()).check(z.describe('Units of difference allowed without a recount: a whole number from 0 to 1,000,000.')),
  recountPercent: z.optional(z.number()).check(z.describe('Percent of the book allowed without a recount: 0 to 100, two decimals kept.')),
  stepLimit: z.optional(z.number()).check(z.describe('Units in one step above which it is a deviation: a whole number from 1 to 1,000,000.')),
  timeZone: z.optional(z.string().check(z.maxLength(64))).check(z.describe('An IANA time zone, e.g. Asia/Shanghai: "today" and "expired" on the floor are dates there.')),
});
export type SettingsChangeRequest = z.infer<typeof settingsChangeSchema>;

/** The answer to a save or a rename: false when it changed nothing (it was already so: a repeat). */
export const changedAnswerSchema = z.object({ changed: z.boolean().check(z.describe('False when the request changed nothing (it was already so).')) });

const changedValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One audited change in a warehouse: its settings, or a device's name; who, when, each field before and after. */
export const warehouseChangeEntrySchema = z.object({
  id: z.string(),
  changedAt: wireTime,
  actorName: z.string(),
  subject: z.enum(['settings', 'device-name']),
  deviceId: z.nullable(z.string()),
  changes: z.record(z.string(), z.object({ from: changedValue, to: changedValue })),
});
export type WarehouseChangeEntry = z.infer<typeof warehouseChangeEntrySchema>;
export const warehouseChangeListSchema = z.object({ changes: z.array(warehouseChangeEntrySchema) });

/** The settings screen: the settings as they stand, their version, the server's own zone, and the last changes. */
export const settingsViewSchema = z.object({
  settings: warehouseSettingsSchema,
  version: z.int(),
  /** The zone the server runs in, offered as a default. */
  serverTimeZone: z.string(),
  changes: z.array(warehouseChangeEntrySchema),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;
