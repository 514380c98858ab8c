/**
 * The sync messages, shared by the device and the server.
 *
 * Push: the device sends its pending operations in sequence order, in batches. The
 * server applies each operation id once, answers with each one's fate, and with the
 * sequence number it expects next: after a gap it stops there and the device re-sends
 * from it.
 *
 * Pull: the device asks for what changed after its cursor and gets pages in commit
 * order (products, bins with their stock, tasks, and the fate of its own operations),
 * with the warehouse's settings. A cursor names the server's data set; after a reset
 * or restore of the server the device is told to start again.
 *
 * Each pull also carries the device's status, which the supervisors see.
 */
import { z } from './zod';
import { plainText, wireTime } from './wireText';
import { binWithStockSchema, productSchema, taskSchema, warehouseSettingsSchema } from './catalog';

/** A reason with its facts (domain/why.ts): a code the device words, with the facts its words need. */
export const whySchema = z.looseObject({ code: z.string().check(z.minLength(1), z.maxLength(60)) });

/** The largest count a device reports (the database keeps them as 32-bit integers). */
const MAX_INT32 = 2_147_483_647;
/** A count a device reports: a whole number the database can keep. */
const count = () => z.int().check(z.minimum(0), z.maximum(MAX_INT32));

export const pushedOperationSchema = z.object({
  /** Made on the device (UUID); the server applies each id once. */
  opId: z.uuid(),
  /** Gapless per device, from 1. */
  deviceSeq: z.int().check(z.positive()),
  /** Who did it: the signed-in worker. */
  userId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** When the worker did it, by the device's clock. */
  createdAt: wireTime,
  /** The floor operation (protocol/operations); checked by the server, a bad one is rejected with a reason. */
  payload: z.unknown(),
});

export const MAX_PUSH_BATCH = 500;

export const pushRequestSchema = z.object({
  warehouseId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** The device's clock when it sent the batch: the server measures the device's offset from it. */
  sentAt: wireTime,
  operations: z.array(pushedOperationSchema).check(z.minLength(1), z.maxLength(MAX_PUSH_BATCH)),
  /**
   * The device's first operation not yet acknowledged. A server that has never had an
   * operation from this device (a new or reset data set) starts its sequence there;
   * any other server ignores it and expects the next number in sequence.
   */
  sequenceStartsAt: z.optional(z.int().check(z.positive())),
});

export const operationFates = ['applied', 'rejected', 'review', 'undone'] as const;
export type OperationFate = (typeof operationFates)[number];

export const operationResultSchema = z.object({
  opId: z.uuid(),
  deviceSeq: z.int().check(z.positive()),
  /**
   * applied; rejected (with why: it can never apply); review (a count waiting for a
   * supervisor); undone (taken back by a later undo); conflict (this id was used
   * before with another payload: nothing was recorded).
   */
  status: z.enum([...operationFates, 'conflict']),
  why: z.nullable(whySchema),
  /** The reason in English. */
  message: z.nullable(z.string()),
  /** The change clock the operation was recorded at: a pull past it includes its effects. */
  clock: z.nullable(z.string()),
});

export const pushResponseSchema = z.object({
  results: z.array(operationResultSchema),
  /** The sequence number the server expects next from this device; the device re-sends from it. */
  nextSeq: z.int().check(z.positive()),
  serverTime: wireTime,
});

export const syncRunSchema = z.object({
  startedAt: wireTime,
  durationMs: count(),
  pushed: count(),
  pulledPages: count(),
  error: z.nullable(plainText(500)),
});
export type SyncRun = z.infer<typeof syncRunSchema>;

export const deviceStatusSchema = z.object({
  appVersion: plainText(40),
  pending: count(),
  oldestPendingAt: z.nullable(wireTime),
  rejected: count(),
  lastSyncAt: z.nullable(wireTime),
  persisted: z.nullable(z.boolean()),
  usageBytes: z.nullable(z.int().check(z.minimum(0))),
  quotaBytes: z.nullable(z.int().check(z.minimum(0))),
  lastError: z.nullable(plainText(500)),
  /** The device's last sync run before this one, for the supervisor's sync history: when, how long, how much, and its error if it failed. */
  previousRun: z.optional(z.nullable(syncRunSchema)),
});

export const PULL_PAGE_SIZE = 5000;

export const pullRequestSchema = z.object({
  warehouseId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Null: from the start. Opaque; made by the server. */
  cursor: z.nullable(z.string().check(z.maxLength(300))),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(10_000))),
  /** The device's status; sent with the first page of each sync. */
  status: z.optional(deviceStatusSchema),
});

export const operationFateSchema = z.object({
  opId: z.uuid(),
  status: z.enum(operationFates),
  why: z.nullable(whySchema),
  message: z.nullable(z.string()),
  clock: z.string(),
  /** A rejected operation someone settled (a supervisor, or the worker on this or another device): it stops being flagged. */
  settled: z.optional(z.boolean()),
});

export const pullResponseSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('changes'),
    products: z.array(productSchema),
    bins: z.array(binWithStockSchema),
    tasks: z.array(taskSchema),
    /** What became of this device's operations whose fate changed after the cursor. */
    operations: z.array(operationFateSchema),
    settings: warehouseSettingsSchema,
    /** Where the next pull starts. */
    cursor: z.string(),
    /** The change clock this page reaches. */
    clock: z.string(),
    /** Each bin's change clock: the device's operations recorded at or before it are in that bin's stock. */
    binClocks: z.record(z.string(), z.string()),
    /** Each task's change clock: the device's steps recorded at or before it are in that task's progress. A server from before sends none. */
    taskClocks: z._default(z.record(z.string(), z.string()), {}),
    /** True when more changes wait: pull again at once. */
    more: z.boolean(),
  }),
  z.object({
    /** The server's data was reset or restored since this cursor: download the warehouse again, keeping the outbox. */
    kind: z.literal('reset'),
    dataEpoch: z.string(),
  }),
]);

export type PushedOperation = z.infer<typeof pushedOperationSchema>;
export type PushRequest = z.infer<typeof pushRequestSchema>;
export type PushResponse = z.infer<typeof pushResponseSchema>;
export type OperationResult = z.infer<typeof operationResultSchema>;
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;
export type PullRequest = z.infer<typeof pullRequestSchema>;
export type PullResponse = z.infer<typeof pullResponseSchema>;
export type OperationFateRecord = z.infer<typeof operationFateSchema>;
