/**
 * The payloads of floor operations on the wire, one schema per type, checked by the
 * device before it writes to its outbox and by the server before it applies. Each
 * quantity is a whole number; texts are bounded so one bad payload cannot be huge.
 */
import { z } from './zod';
import { plainText, wireTime } from './wireText';
import { MAX_BIN_QTY, MAX_STEP_QTY } from '../domain/floor/quantityLimits';
import { DEVIATION_KINDS, type DeviationKind } from '../domain/floor/operations';
import type { CountOp, FloorOperation, PickOp, PutawayOp, RejectionSettledOp, ShortPickOp, TaskFinishedOp, TaskTakenOp, UndoOp } from '../domain/floor/operations';

const code = z.pipe(plainText(64), z.string().check(z.minLength(1)));
const lot = plainText(20);
const expiry = z.nullable(z.iso.date());
const units = z.int().check(z.positive(), z.maximum(MAX_STEP_QTY));
const lineNumber = () => z.int().check(z.positive());

const stockKey = { binCode: code, productId: code, lot, expiry };
/** Absent in steps recorded before deviations were confirmed: read as none. */
const deviations = z._default(z.array(z.enum(DEVIATION_KINDS as [DeviationKind, ...DeviationKind[]])).check(z.maxLength(DEVIATION_KINDS.length)), []);

export const putawayOpSchema = z.object({
  type: z.literal('putaway'),
  ...stockKey,
  taskId: z.nullable(code),
  lineNo: z.nullable(lineNumber()),
  qty: units,
  suggestedBinCode: z.nullable(code),
  deviations,
});

export const pickOpSchema = z.object({
  type: z.literal('pick'),
  ...stockKey,
  taskId: code,
  lineNo: lineNumber(),
  qty: units,
  proposedLot: z.nullable(lot),
  deviations,
});

export const shortPickOpSchema = z.object({
  type: z.literal('pick-short'),
  taskId: code,
  lineNo: lineNumber(),
  binCode: code,
  productId: code,
  shortQty: units,
  reason: z.enum(['not-found', 'damaged', 'less-than-expected']),
});

const countedLine = z.object({
  productId: code,
  lot,
  expiry,
  counted: z.int().check(z.minimum(0), z.maximum(MAX_STEP_QTY)),
  firstCount: z.nullable(z.int().check(z.minimum(0), z.maximum(MAX_STEP_QTY))),
  unexpected: z.boolean(),
});

export const countOpSchema = z.object({
  type: z.literal('count'),
  taskId: z.nullable(code),
  lineNo: z.nullable(lineNumber()),
  binCode: code,
  startedAt: wireTime,
  bookAtStart: z.array(z.object({ productId: code, lot, expiry, qty: z.int().check(z.minimum(-MAX_BIN_QTY), z.maximum(MAX_BIN_QTY)) })).check(z.maxLength(500)),
  lines: z.array(countedLine).check(z.maxLength(500)),
  deviations,
});

/** `takeOver`: taking a task another device has, explicitly; absent in steps recorded before it existed (false). */
export const taskTakenOpSchema = z.object({ type: z.literal('task-taken'), taskId: code, takeOver: z._default(z.boolean(), false) });

export const taskFinishedOpSchema = z.object({ type: z.literal('task-finished'), taskId: code });

export const undoOpSchema = z.object({ type: z.literal('undo'), undoesOpId: z.uuid() });

export const rejectionSettledOpSchema = z.object({
  type: z.literal('rejection-settled'),
  rejectedOpId: z.uuid(),
  how: z.enum(['dismissed', 'fixed']),
  note: z.pipe(plainText(200), z.string().check(z.trim(), z.minLength(1))),
  fixedByOpId: z.nullable(z.uuid()),
});

export const floorOperationSchema = z.discriminatedUnion('type', [putawayOpSchema, pickOpSchema, shortPickOpSchema, countOpSchema, taskTakenOpSchema, taskFinishedOpSchema, undoOpSchema, rejectionSettledOpSchema]);

// Compile-time: what each wire schema lets through is its domain type, with the same fields.
type Same<Wire, Domain> = [Wire] extends [Domain] ? ([keyof Wire] extends [keyof Domain] ? ([keyof Domain] extends [keyof Wire] ? true : false) : false) : false;
const shapesMatch: [
  Same<z.output<typeof putawayOpSchema>, PutawayOp>,
  Same<z.output<typeof pickOpSchema>, PickOp>,
  Same<z.output<typeof shortPickOpSchema>, ShortPickOp>,
  Same<z.output<typeof countOpSchema>, CountOp>,
  Same<z.output<typeof taskTakenOpSchema>, TaskTakenOp>,
  Same<z.output<typeof taskFinishedOpSchema>, TaskFinishedOp>,
  Same<z.output<typeof undoOpSchema>, UndoOp>,
  Same<z.output<typeof rejectionSettledOpSchema>, RejectionSettledOp>,
  Same<z.output<typeof floorOperationSchema>, FloorOperation>,
] = [true, true, true, true, true, true, true, true, true];
void shapesMatch;
