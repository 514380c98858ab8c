/**
 * An operation done on a device, as it travels to the server. The device writes it
 * to its outbox in the same transaction as its own effect; the server applies each
 * id once. Operation types are added by the floor flows (putaway, pick, count).
 */
import { z } from 'zod';

export const operationStatuses = ['pending', 'sent', 'applied', 'rejected'] as const;

export const operationSchema = z.object({
  /** Made on the device (UUID); the server applies each id once. */
  opId: z.uuid(),
  /** Gapless per device, from 1; the server refuses gaps and reorders. */
  deviceSeq: z.number().int().positive(),
  type: z.string().min(1).max(40),
  payload: z.unknown(),
  /** When the worker did it, by the device's clock (ISO 8601). */
  createdAt: z.iso.datetime({ offset: true }),
});

export type Operation = z.infer<typeof operationSchema>;
export type OperationStatus = (typeof operationStatuses)[number];
