/**
 * Wire shapes of the warehouse's master data and stock as the device downloads
 * them. They mirror the domain types, and a compile-time check below keeps the
 * two from drifting apart.
 */
import { z } from './zod';
import { wireTime } from './wireText';
import type { Bin, BinWithStock, Product, StockLine, Warehouse } from '../domain/catalog/product';
import type { Task } from '../domain/tasks/task';
import type { Gtin14 } from '../domain/codes/gtin';
import { DEFAULT_STEP_LIMIT, type WarehouseSettings } from '../domain/floor/warehouseSettings';
import { localTimeZone } from '../domain/floor/floorDate';

const gtin14 = z.pipe(
  z.string().check(z.regex(/^\d{14}$/)),
  z.transform((gtin: string) => gtin as Gtin14),
);
const isoDate = z.iso.date();

export const warehouseSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const warehouseSettingsSchema = z.object({
  blindCount: z.boolean(),
  recountThreshold: z.object({ units: z.int().check(z.minimum(0)), percent: z.number().check(z.minimum(0)) }),
  /** A server from before the per-step limit sends none: the default applies. */
  stepLimit: z._default(z.int().check(z.positive(), z.maximum(1_000_000)), DEFAULT_STEP_LIMIT),
  /**
   * The warehouse's IANA time zone. Not checked against this runtime's zones here: a
   * device whose browser lacks one falls back to its own (device/taskWork.ts) rather than
   * refusing the whole page. A server from before sends none: the device's own zone.
   */
  timeZone: z._default(z.string().check(z.minLength(1), z.maxLength(64)), localTimeZone),
});

export const productCodeSchema = z.object({
  gtin: gtin14,
  packQty: z.int().check(z.positive()),
  packLevel: z.enum(['each', 'inner', 'case']),
  symbology: z.enum(['ean-13', 'ean-8', 'upc-a', 'upc-e', 'gtin-14']),
  printed: z.string(),
});

export const productSchema = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  zone: z.string(),
  lotTracked: z.boolean(),
  expiryTracked: z.boolean(),
  codes: z.array(productCodeSchema),
});

export const binSchema = z.object({
  code: z.string(),
  zone: z.string(),
  aisle: z.string(),
  walkSeq: z.int(),
});

export const stockLineSchema = z.object({
  binCode: z.string(),
  productId: z.string(),
  lot: z.string(),
  expiry: z.nullable(isoDate),
  qty: z.int(),
});

export const binWithStockSchema = z.extend(binSchema, { stock: z.array(stockLineSchema) });

export const taskLineSchema = z.object({
  lineNo: z.int().check(z.positive()),
  binCode: z.nullable(z.string()),
  productId: z.nullable(z.string()),
  lot: z.nullable(z.string()),
  qty: z.nullable(z.int()),
  /** The server's progress on the line, from every device. A server from before sends none: nothing done. */
  done: z._default(z.int(), 0),
  short: z._default(z.nullable(z.object({ qty: z.int().check(z.positive()), reason: z.enum(['not-found', 'damaged', 'less-than-expected']) })), null),
});

export const taskConflictSchema = z.object({
  kind: z.enum(['over-pick', 'worked-after-decision']),
  lineNo: z.nullable(z.int().check(z.positive())),
  excess: z.nullable(z.int()),
  /** deviceName: what a supervisor named the device; a server from before sends none. */
  devices: z.array(z.object({ deviceId: z.string(), userName: z.nullable(z.string()), deviceName: z._default(z.nullable(z.string()), null) })),
  decision: z.nullable(z.object({ status: z.enum(['open', 'in-progress', 'done', 'cancelled']), assignedToName: z.nullable(z.string()) })),
  at: wireTime,
});

export const taskSchema = z.object({
  id: z.string(),
  kind: z.enum(['pick', 'putaway', 'count']),
  reference: z.string(),
  status: z.enum(['open', 'in-progress', 'done', 'cancelled']),
  assignedTo: z.nullable(z.string()),
  workedOnDevice: z.nullable(z.string()),
  /** The name a supervisor gave that device, null when unnamed. Absent from a server from before: the device shows the id. */
  workedOnDeviceName: z._default(z.nullable(z.string()), null),
  /** When the task must be done (an instant; shown in the warehouse's zone), null when it has no due time. A server from before sends none. */
  dueAt: z._default(z.nullable(wireTime), null),
  /** Absent from a server from before: the device shows the user id. */
  assignedToName: z._default(z.nullable(z.string()), null),
  conflicts: z._default(z.array(taskConflictSchema), []),
  createdAt: wireTime,
  lines: z.array(taskLineSchema),
});

// Compile-time: what the wire carries is what the domain works with, field for field.
type Fits<Wire, Domain> = [Wire] extends [Domain] ? ([keyof Wire] extends [keyof Domain] ? ([keyof Domain] extends [keyof Wire] ? true : false) : false) : false;
const shapesFit: [
  Fits<z.output<typeof productSchema>, Product>,
  Fits<z.output<typeof binSchema>, Bin>,
  Fits<z.output<typeof stockLineSchema>, StockLine>,
  Fits<z.output<typeof binWithStockSchema>, BinWithStock>,
  Fits<z.output<typeof taskSchema>, Task>,
  Fits<z.output<typeof warehouseSchema>, Warehouse>,
  Fits<z.output<typeof warehouseSettingsSchema>, WarehouseSettings>,
] = [true, true, true, true, true, true, true];
void shapesFit;
