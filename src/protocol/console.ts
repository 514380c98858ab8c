/**
 * The supervisor's console: one schema per message, shared by the server's routes and
 * the console's screens. Times are ISO strings; quantities whole units.
 */
import { z } from './zod';
import { wireTime } from './wireText';
import { whySchema } from './syncMessages';
import { deviceSummarySchema } from './devices';
import { taskSchema } from './catalog';
import { IMPORT_COLUMNS } from '../domain/masterData/importRows';
import { DEVIATION_KINDS, type DeviationKind } from '../domain/floor/operations';
import { MAX_STEP_QTY } from '../domain/floor/quantityLimits';
import { MAX_DUE_TEXT } from '../domain/tasks/dueTime';

const iso = wireTime;

/** One operation as the console lists it: who, where, what, and what became of it. */
export const activityEntrySchema = z.object({
  opId: z.uuid(),
  deviceId: z.string(),
  /** The device's name, when a supervisor gave it one. */
  deviceName: z.nullable(z.string()),
  deviceSeq: z.int(),
  username: z.nullable(z.string()),
  type: z.string(),
  status: z.enum(['applied', 'rejected', 'review', 'undone']),
  binCode: z.nullable(z.string()),
  productId: z.nullable(z.string()),
  productName: z.nullable(z.string()),
  qty: z.nullable(z.int()),
  taskId: z.nullable(z.string()),
  occurredAt: iso,
  receivedAt: iso,
  why: z.nullable(whySchema),
  message: z.nullable(z.string()),
  resolvedAt: z.nullable(iso),
  resolvedBy: z.nullable(z.string()),
  resolutionNote: z.nullable(z.string()),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityQuerySchema = z.object({
  user: z.optional(z.string().check(z.trim(), z.maxLength(64))),
  device: z.optional(z.string().check(z.trim(), z.maxLength(64))),
  bin: z.optional(z.string().check(z.trim(), z.maxLength(32))),
  /** A SKU, a product id, or a code printed on it. */
  product: z.optional(z.string().check(z.trim(), z.maxLength(64))),
  from: z.optional(iso),
  to: z.optional(iso),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000))),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;
export const activityListSchema = z.object({ entries: z.array(activityEntrySchema) });

/** One sync as the server saw it: the status the device reported and how its run before went. */
export const syncHistoryEntrySchema = z.object({
  reportedAt: iso,
  /** Steps that reached the server since the report before. */
  pushed: z.int(),
  pending: z.int(),
  oldestPendingAt: z.nullable(iso),
  lastError: z.nullable(z.string()),
  run: z.nullable(z.object({ startedAt: iso, durationMs: z.int(), pushed: z.int(), error: z.nullable(z.string()) })),
});

export const deviceDetailSchema = z.object({
  device: deviceSummarySchema,
  operations: z.array(activityEntrySchema),
  rejected: z.array(activityEntrySchema),
  syncs: z.array(syncHistoryEntrySchema),
});
export type DeviceDetail = z.infer<typeof deviceDetailSchema>;

/** Operations per hour and how late they reached the server (sync lag), per device. */
export const shiftChartSchema = z.object({
  from: iso,
  to: iso,
  hours: z.array(z.object({ hour: iso, deviceId: z.string(), deviceName: z.nullable(z.string()), operations: z.int(), lagMedianMs: z.number(), lagMaxMs: z.number() })),
});
export type ShiftChart = z.infer<typeof shiftChartSchema>;

export const resolveSchema = z.object({ note: z.string().check(z.trim(), z.minLength(1, 'Say how it was resolved.'), z.maxLength(300)) });

export const taskConflictRowSchema = z.object({
  id: z.string(),
  kind: z.enum(['over-pick', 'worked-after-decision']),
  taskId: z.string(),
  reference: z.nullable(z.string()),
  lineNo: z.nullable(z.int()),
  binCode: z.nullable(z.string()),
  productId: z.nullable(z.string()),
  productName: z.nullable(z.string()),
  lineQty: z.nullable(z.int()),
  excess: z.nullable(z.int()),
  /** The worker whose step met the other work, and their device. */
  username: z.nullable(z.string()),
  deviceId: z.string(),
  deviceName: z.nullable(z.string()),
  /** over-pick: each device with its units on the line and who used it. */
  devices: z.array(z.object({ deviceId: z.string(), deviceName: z.nullable(z.string()), qty: z.nullable(z.int()), username: z.nullable(z.string()) })),
  /** worked-after-decision: the task as the supervisor left it. */
  decision: z.nullable(z.object({ status: z.string(), assignedTo: z.nullable(z.string()) })),
  at: iso,
});

export const floorExceptionsSchema = z.object({
  shortPicks: z.array(z.object({ opId: z.uuid(), taskId: z.string(), lineNo: z.int(), binCode: z.string(), productId: z.string(), productName: z.nullable(z.string()), qty: z.int(), reason: z.string(), username: z.nullable(z.string()), at: iso })),
  flags: z.array(z.object({ id: z.string(), kind: z.enum(['negative-stock', 'count-requested']), binCode: z.string(), productId: z.nullable(z.string()), productName: z.nullable(z.string()), lot: z.nullable(z.string()), at: iso, opId: z.uuid() })),
  /** Work on a task that met someone else's: an over-pick (devices named, units each), or a step after a supervisor's decision. */
  taskConflicts: z.array(taskConflictRowSchema),
  /** Tasks taken over explicitly in the last 7 days: from whom, to whom. */
  takeovers: z.array(
    z.object({ opId: z.uuid(), taskId: z.string(), reference: z.nullable(z.string()), fromUser: z.nullable(z.string()), fromDevice: z.nullable(z.string()), fromDeviceName: z.nullable(z.string()), toUser: z.nullable(z.string()), toDevice: z.string(), toDeviceName: z.nullable(z.string()), at: iso }),
  ),
});
export type FloorExceptions = z.infer<typeof floorExceptionsSchema>;

export const bulkDecisionSchema = z.object({
  opIds: z.array(z.uuid()).check(z.minLength(1), z.maxLength(500)),
  decision: z.enum(['approve', 'reject']),
  note: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(200)))),
});
export const bulkDecisionResultSchema = z.object({ decided: z.array(z.uuid()), failed: z.array(z.object({ opId: z.uuid(), message: z.string() })) });

export const importKinds = ['products', 'bins', 'stock'] as const;
export const importRequestSchema = z.object({
  kind: z.enum(importKinds),
  csv: z.string().check(z.minLength(1, 'The file is empty.'), z.maxLength(20_000_000)),
  /** check: only report; all: import only if every row is valid; valid-only: import the valid rows, explicitly leaving the others out. */
  mode: z.enum(['check', 'all', 'valid-only']),
});
/** The most problems an import's report lists: enough to see what is wrong, and an answer of a few hundred kB at most. */
export const MAX_LISTED_PROBLEMS = 1000;

export const importReportSchema = z.object({
  kind: z.enum(importKinds),
  mode: z.enum(['check', 'all', 'valid-only']),
  rows: z.int(),
  valid: z.int(),
  /** The first MAX_LISTED_PROBLEMS problems, by line. */
  problems: z.array(z.object({ line: z.int(), column: z.nullable(z.string()), message: z.string() })),
  /** Problems found past those listed (a file that is wrong throughout is not answered with all of them). */
  problemsNotListed: z.optional(z.int().check(z.minimum(0))),
  /** Rows written; 0 when nothing was imported. */
  imported: z.int(),
  columns: z.array(z.string()),
});
export type ImportReport = z.infer<typeof importReportSchema>;
export const importColumns = IMPORT_COLUMNS;

/** A task as the console lists it: the wire task (its due time, its device's name) with counts of lines instead of the lines, and `assignedTo` as the user name. */
export const taskSummarySchema = z.extend(z.omit(taskSchema, { lines: true }), { lines: z.int(), linesDone: z.int() });
export const taskSummaryListSchema = z.object({ tasks: z.array(taskSummarySchema) });
export type TaskSummary = z.infer<typeof taskSummarySchema>;

const sku = z.string().check(z.trim(), z.minLength(1), z.maxLength(40));
const assignee = z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(64)));
const reference = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(60));
const lineQty = () => z.int().check(z.minimum(1), z.maximum(MAX_STEP_QTY));
/**
 * When the task must be done, as written (domain/tasks/dueTime.ts): `YYYY-MM-DD HH:MM` on
 * the warehouse's clocks, or an ISO time with its offset; empty or absent for none. Read
 * by the server in the warehouse's zone, so a wrong one is answered with its reason.
 */
const due = () => z.optional(z.nullable(z.string().check(z.maxLength(MAX_DUE_TEXT))));
export const newTaskSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pick'), reference: reference(), assignedTo: assignee, due: due(), lines: z.array(z.object({ sku, qty: lineQty() })).check(z.minLength(1), z.maxLength(500)) }),
  z.object({ kind: z.literal('putaway'), reference: reference(), assignedTo: assignee, due: due(), lines: z.array(z.object({ sku, qty: lineQty(), lot: z.optional(z.string().check(z.trim(), z.maxLength(20))) })).check(z.minLength(1), z.maxLength(500)) }),
  z.object({
    kind: z.literal('count'),
    reference: reference(),
    assignedTo: assignee,
    due: due(),
    /** Exactly one of: these bins, every bin of a zone, or bins not counted for this many days. */
    bins: z.optional(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(32))).check(z.minLength(1), z.maxLength(2000))),
    zone: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(8))),
    notCountedForDays: z.optional(z.int().check(z.minimum(1), z.maximum(3650))),
  }),
]);
export type NewTask = z.infer<typeof newTaskSchema>;

/** Pick lists from a CSV of order lines (order, sku, qty, due), putaway tasks from a receipt (receipt, sku, qty, lot, due): one task per order or receipt. */
export const taskCsvSchema = z.object({ kind: z.enum(['pick', 'putaway']), csv: z.string().check(z.minLength(1), z.maxLength(5_000_000)), assignedTo: assignee, mode: z.enum(['check', 'all']) });
/** A task made: its id, its reference and how many lines it has. */
export const createdTaskSchema = z.object({ id: z.string(), reference: z.string(), lines: z.int() });
export const createdTasksSchema = z.object({
  tasks: z.array(createdTaskSchema),
  problems: z.array(z.object({ line: z.int(), column: z.nullable(z.string()), message: z.string() })),
});
export type CreatedTasks = z.infer<typeof createdTasksSchema>;

export const assignTaskSchema = z.object({ assignedTo: assignee });

export const floorPeopleSchema = z.object({ people: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string(), role: z.string(), jobs: z.array(z.string()) })) });

export { iso as isoTimeSchema };

/**
 * A deviation recorded against a pick, putaway or count (domain/floor/operations.ts
 * DeviationKind): confirmed by the worker on the device, found by the server from its
 * own book, or both. The step was applied; a supervisor resolves the deviation with a note.
 */
export const deviationRowSchema = z.object({
  id: z.string(),
  kind: z.enum(DEVIATION_KINDS as [DeviationKind, ...DeviationKind[]]),
  opId: z.uuid(),
  stepType: z.string(),
  onDevice: z.boolean(),
  byServer: z.boolean(),
  binCode: z.string(),
  productId: z.nullable(z.string()),
  productName: z.nullable(z.string()),
  lot: z.nullable(z.string()),
  qty: z.nullable(z.int()),
  /** What the server saw: the book at the step's moment, the FEFO lot and its expiry, the limit. */
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  username: z.nullable(z.string()),
  deviceId: z.string(),
  deviceName: z.nullable(z.string()),
  taskId: z.nullable(z.string()),
  at: iso,
});
export type DeviationRow = z.infer<typeof deviationRowSchema>;
export const deviationListSchema = z.object({ deviations: z.array(deviationRowSchema) });
