/**
 * The supervisor's console: one schema per message, shared by the server's routes and
 * the console's screens. Times are ISO strings; quantities whole units.
 */
import { z } from 'zod';
import { wireTime } from './wireText';
import { whySchema } from './syncMessages';
import { deviceSummarySchema } from './devices';
import { taskSchema } from './catalog';
import { IMPORT_COLUMNS } from '../domain/masterData/importRows';
import { DEVIATION_KINDS, type DeviationKind } from '../domain/floor/operations';
import { MAX_STEP_QTY } from '../domain/floor/quantityLimits';

const iso = wireTime;

/** One operation as the console lists it: who, where, what, and what became of it. */
export const activityEntrySchema = z.object({
  opId: z.uuid(),
  deviceId: z.string(),
  /** The device's name, when a supervisor gave it one. */
  deviceName: z.string().nullable(),
  deviceSeq: z.number().int(),
  username: z.string().nullable(),
  type: z.string(),
  status: z.enum(['applied', 'rejected', 'review', 'undone']),
  binCode: z.string().nullable(),
  productId: z.string().nullable(),
  productName: z.string().nullable(),
  qty: z.number().int().nullable(),
  taskId: z.string().nullable(),
  occurredAt: iso,
  receivedAt: iso,
  why: whySchema.nullable(),
  message: z.string().nullable(),
  resolvedAt: iso.nullable(),
  resolvedBy: z.string().nullable(),
  resolutionNote: z.string().nullable(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityQuerySchema = z.object({
  user: z.string().trim().max(64).optional(),
  device: z.string().trim().max(64).optional(),
  bin: z.string().trim().max(32).optional(),
  /** A SKU, a product id, or a code printed on it. */
  product: z.string().trim().max(64).optional(),
  from: iso.optional(),
  to: iso.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;
export const activityListSchema = z.object({ entries: z.array(activityEntrySchema) });

/** One sync as the server saw it: the status the device reported and how its run before went. */
export const syncHistoryEntrySchema = z.object({
  reportedAt: iso,
  /** Steps that reached the server since the report before. */
  pushed: z.number().int(),
  pending: z.number().int(),
  oldestPendingAt: iso.nullable(),
  lastError: z.string().nullable(),
  run: z.object({ startedAt: iso, durationMs: z.number().int(), pushed: z.number().int(), error: z.string().nullable() }).nullable(),
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
  hours: z.array(z.object({ hour: iso, deviceId: z.string(), deviceName: z.string().nullable(), operations: z.number().int(), lagMedianMs: z.number(), lagMaxMs: z.number() })),
});
export type ShiftChart = z.infer<typeof shiftChartSchema>;

export const resolveSchema = z.object({ note: z.string().trim().min(1, 'Say how it was resolved.').max(300) });

export const taskConflictRowSchema = z.object({
  id: z.string(),
  kind: z.enum(['over-pick', 'worked-after-decision']),
  taskId: z.string(),
  reference: z.string().nullable(),
  lineNo: z.number().int().nullable(),
  binCode: z.string().nullable(),
  productId: z.string().nullable(),
  productName: z.string().nullable(),
  lineQty: z.number().int().nullable(),
  excess: z.number().int().nullable(),
  /** The worker whose step met the other work, and their device. */
  username: z.string().nullable(),
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  /** over-pick: each device with its units on the line and who used it. */
  devices: z.array(z.object({ deviceId: z.string(), deviceName: z.string().nullable(), qty: z.number().int().nullable(), username: z.string().nullable() })),
  /** worked-after-decision: the task as the supervisor left it. */
  decision: z.object({ status: z.string(), assignedTo: z.string().nullable() }).nullable(),
  at: iso,
});

export const floorExceptionsSchema = z.object({
  shortPicks: z.array(z.object({ opId: z.uuid(), taskId: z.string(), lineNo: z.number().int(), binCode: z.string(), productId: z.string(), productName: z.string().nullable(), qty: z.number().int(), reason: z.string(), username: z.string().nullable(), at: iso })),
  flags: z.array(z.object({ id: z.string(), kind: z.enum(['negative-stock', 'count-requested']), binCode: z.string(), productId: z.string().nullable(), productName: z.string().nullable(), lot: z.string().nullable(), at: iso, opId: z.uuid() })),
  /** Work on a task that met someone else's: an over-pick (devices named, units each), or a step after a supervisor's decision. */
  taskConflicts: z.array(taskConflictRowSchema),
  /** Tasks taken over explicitly in the last 7 days: from whom, to whom. */
  takeovers: z.array(
    z.object({ opId: z.uuid(), taskId: z.string(), reference: z.string().nullable(), fromUser: z.string().nullable(), fromDevice: z.string().nullable(), fromDeviceName: z.string().nullable(), toUser: z.string().nullable(), toDevice: z.string(), toDeviceName: z.string().nullable(), at: iso }),
  ),
});
export type FloorExceptions = z.infer<typeof floorExceptionsSchema>;

export const bulkDecisionSchema = z.object({
  opIds: z.array(z.uuid()).min(1).max(500),
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(200).nullable().optional(),
});
export const bulkDecisionResultSchema = z.object({ decided: z.array(z.uuid()), failed: z.array(z.object({ opId: z.uuid(), message: z.string() })) });

export const importKinds = ['products', 'bins', 'stock'] as const;
export const importRequestSchema = z.object({
  kind: z.enum(importKinds),
  csv: z.string().min(1, 'The file is empty.').max(20_000_000),
  /** check: only report; all: import only if every row is valid; valid-only: import the valid rows, explicitly leaving the others out. */
  mode: z.enum(['check', 'all', 'valid-only']),
});
/** The most problems an import's report lists: enough to see what is wrong, and an answer of a few hundred kB at most. */
export const MAX_LISTED_PROBLEMS = 1000;

export const importReportSchema = z.object({
  kind: z.enum(importKinds),
  mode: z.enum(['check', 'all', 'valid-only']),
  rows: z.number().int(),
  valid: z.number().int(),
  /** The first MAX_LISTED_PROBLEMS problems, by line. */
  problems: z.array(z.object({ line: z.number().int(), column: z.string().nullable(), message: z.string() })),
  /** Problems found past those listed (a file that is wrong throughout is not answered with all of them). */
  problemsNotListed: z.number().int().min(0).optional(),
  /** Rows written; 0 when nothing was imported. */
  imported: z.number().int(),
  columns: z.array(z.string()),
});
export type ImportReport = z.infer<typeof importReportSchema>;
export const importColumns = IMPORT_COLUMNS;

/** A task as the console lists it: the wire task with counts of lines instead of the lines, and `assignedTo` as the user name. */
export const taskSummarySchema = taskSchema.omit({ lines: true }).extend({ lines: z.number().int(), linesDone: z.number().int(), workedOnDeviceName: z.string().nullable() });
export const taskSummaryListSchema = z.object({ tasks: z.array(taskSummarySchema) });
export type TaskSummary = z.infer<typeof taskSummarySchema>;

const sku = z.string().trim().min(1).max(40);
const assignee = z.string().trim().min(1).max(64).nullable();
export const newTaskSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pick'), reference: z.string().trim().min(1).max(60), assignedTo: assignee, lines: z.array(z.object({ sku, qty: z.number().int().min(1).max(MAX_STEP_QTY) })).min(1).max(500) }),
  z.object({ kind: z.literal('putaway'), reference: z.string().trim().min(1).max(60), assignedTo: assignee, lines: z.array(z.object({ sku, qty: z.number().int().min(1).max(MAX_STEP_QTY), lot: z.string().trim().max(20).optional() })).min(1).max(500) }),
  z.object({
    kind: z.literal('count'),
    reference: z.string().trim().min(1).max(60),
    assignedTo: assignee,
    /** Exactly one of: these bins, every bin of a zone, or bins not counted for this many days. */
    bins: z.array(z.string().trim().min(1).max(32)).min(1).max(2000).optional(),
    zone: z.string().trim().min(1).max(8).optional(),
    notCountedForDays: z.number().int().min(1).max(3650).optional(),
  }),
]);
export type NewTask = z.infer<typeof newTaskSchema>;

/** Pick lists from a CSV of order lines (order, sku, qty), putaway tasks from a receipt (receipt, sku, qty, lot): one task per order or receipt. */
export const taskCsvSchema = z.object({ kind: z.enum(['pick', 'putaway']), csv: z.string().min(1).max(5_000_000), assignedTo: assignee, mode: z.enum(['check', 'all']) });
export const createdTasksSchema = z.object({
  tasks: z.array(z.object({ id: z.string(), reference: z.string(), lines: z.number().int() })),
  problems: z.array(z.object({ line: z.number().int(), column: z.string().nullable(), message: z.string() })),
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
  productId: z.string().nullable(),
  productName: z.string().nullable(),
  lot: z.string().nullable(),
  qty: z.number().int().nullable(),
  /** What the server saw: the book at the step's moment, the FEFO lot and its expiry, the limit. */
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  username: z.string().nullable(),
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  taskId: z.string().nullable(),
  at: iso,
});
export type DeviationRow = z.infer<typeof deviationRowSchema>;
export const deviationListSchema = z.object({ deviations: z.array(deviationRowSchema) });
