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
  /**
   * Units in one step (a pick, a putaway, a typed count) above which the device asks
   * "are you sure?" and records the step as a deviation: a slip of the thumb (99,999
   * for 9) is caught on the floor, a real big quantity goes through once confirmed.
   */
  readonly stepLimit: number;
}

export const DEFAULT_STEP_LIMIT = 1000;

export const DEFAULT_WAREHOUSE_SETTINGS: WarehouseSettings = { blindCount: true, recountThreshold: DEFAULT_VARIANCE_THRESHOLD, stepLimit: DEFAULT_STEP_LIMIT };
