import { z } from './zod';
import { wireTime } from './wireText';
import { deviceStatusSchema } from './syncMessages';

/** What a supervisor sees of each device: who, when last seen and synced, and what it last said of itself. */
export const deviceSummarySchema = z.object({
  deviceId: z.string(),
  /** What the supervisors call it; null until one names it (the console shows its id). */
  name: z.nullable(z.string()),
  username: z.nullable(z.string()),
  warehouseId: z.nullable(z.string()),
  appVersion: z.nullable(z.string()),
  lastSeenAt: z.nullable(wireTime),
  lastSyncAt: z.nullable(wireTime),
  /** As the device reported it with its last pull: steps waiting and the oldest, storage, last error. */
  status: z.nullable(deviceStatusSchema),
  statusAt: z.nullable(wireTime),
  /** Operations the server rejected and nobody has settled yet. */
  rejectedOpen: z.int(),
});

export const deviceListSchema = z.object({ devices: z.array(deviceSummarySchema) });
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;
