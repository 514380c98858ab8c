import { z } from 'zod';

/** What a supervisor sees of each device (grows with sync, issue by issue). */
export const deviceSummarySchema = z.object({
  deviceId: z.string(),
  username: z.string().nullable(),
  warehouseId: z.string().nullable(),
  appVersion: z.string().nullable(),
  lastSeenAt: z.iso.datetime({ offset: true }).nullable(),
});

export const deviceListSchema = z.object({ devices: z.array(deviceSummarySchema) });
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;
