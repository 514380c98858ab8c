/**
 * Wire shapes of the warehouse's master data and stock as the device downloads
 * them. They mirror the domain types, and a compile-time check below keeps the
 * two from drifting apart.
 */
import { z } from 'zod';
import { wireTime } from './wireText';
import type { Bin, BinWithStock, Product, StockLine, Warehouse } from '../domain/catalog/product';
import type { Task } from '../domain/tasks/task';
import type { Gtin14 } from '../domain/codes/gtin';
import { DEFAULT_STEP_LIMIT, type WarehouseSettings } from '../domain/floor/warehouseSettings';
import { localTimeZone } from '../domain/floor/floorDate';

const gtin14 = z
  .string()
  .regex(/^\d{14}$/)
  .transform((gtin) => gtin as Gtin14);
const isoDate = z.iso.date();

export const warehouseSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const warehouseSettingsSchema = z.object({
  blindCount: z.boolean(),
  recountThreshold: z.object({ units: z.number().int().min(0), percent: z.number().min(0) }),
  /** A server from before the per-step limit sends none: the default applies. */
  stepLimit: z.number().int().positive().max(1_000_000).default(DEFAULT_STEP_LIMIT),
  /**
   * The warehouse's IANA time zone. Not checked against this runtime's zones here: a
   * device whose browser lacks one falls back to its own (device/taskWork.ts) rather than
   * refusing the whole page. A server from before sends none: the device's own zone.
   */
  timeZone: z.string().min(1).max(64).default(localTimeZone),
});

export const productCodeSchema = z.object({
  gtin: gtin14,
  packQty: z.number().int().positive(),
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
  walkSeq: z.number().int(),
});

export const stockLineSchema = z.object({
  binCode: z.string(),
  productId: z.string(),
  lot: z.string(),
  expiry: isoDate.nullable(),
  qty: z.number().int(),
});

export const binWithStockSchema = binSchema.extend({ stock: z.array(stockLineSchema) });

export const taskLineSchema = z.object({
  lineNo: z.number().int().positive(),
  binCode: z.string().nullable(),
  productId: z.string().nullable(),
  lot: z.string().nullable(),
  qty: z.number().int().nullable(),
  /** The server's progress on the line, from every device. A server from before sends none: nothing done. */
  done: z.number().int().default(0),
  short: z.object({ qty: z.number().int().positive(), reason: z.enum(['not-found', 'damaged', 'less-than-expected']) }).nullable().default(null),
});

export const taskConflictSchema = z.object({
  kind: z.enum(['over-pick', 'worked-after-decision']),
  lineNo: z.number().int().positive().nullable(),
  excess: z.number().int().nullable(),
  devices: z.array(z.object({ deviceId: z.string(), userName: z.string().nullable() })),
  decision: z.object({ status: z.enum(['open', 'in-progress', 'done', 'cancelled']), assignedToName: z.string().nullable() }).nullable(),
  at: wireTime,
});

export const taskSchema = z.object({
  id: z.string(),
  kind: z.enum(['pick', 'putaway', 'count']),
  reference: z.string(),
  status: z.enum(['open', 'in-progress', 'done', 'cancelled']),
  assignedTo: z.string().nullable(),
  workedOnDevice: z.string().nullable(),
  /** Absent from a server from before: the device shows the user id. */
  assignedToName: z.string().nullable().default(null),
  conflicts: z.array(taskConflictSchema).default([]),
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
