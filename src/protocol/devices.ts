import { z } from 'zod';
import { wireTime } from './wireText';
import { deviceStatusSchema } from './syncMessages';

/** What a supervisor sees of each device: who, when last seen and synced, and what it last said of itself. */
export const deviceSummarySchema = z.object({
  deviceId: z.string(),
  /** What the supervisors call it; null until one names it (the console shows its id). */
  name: z.string().nullable(),
  username: z.string().nullable(),
  warehouseId: z.string().nullable(),
  appVersion: z.string().nullable(),
  lastSeenAt: wireTime.nullable(),
  lastSyncAt: wireTime.nullable(),
  /** As the device reported it with its last pull: steps waiting and the oldest, storage, last error. */
  status: deviceStatusSchema.nullable(),
  statusAt: wireTime.nullable(),
  /** Operations the server rejected and nobody has settled yet. */
  rejectedOpen: z.number().int(),
});

export const deviceListSchema = z.object({ devices: z.array(deviceSummarySchema) });
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;
