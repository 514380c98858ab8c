/**
 * What a warehouse decides for its floor, set by its supervisors and sent to every
 * device with the warehouse's data: whether counts are blind, and how far off a
 * count may be before the device asks for a recount on the spot.
 */
import { DEFAULT_VARIANCE_THRESHOLD, type VarianceThreshold } from './variance';

export interface WarehouseSettings {
  /** True: the counter does not see the quantity the device expects (the default). */
  readonly blindCount: boolean;
  readonly recountThreshold: VarianceThreshold;
}

export const DEFAULT_WAREHOUSE_SETTINGS: WarehouseSettings = { blindCount: true, recountThreshold: DEFAULT_VARIANCE_THRESHOLD };
