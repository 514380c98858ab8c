import { z } from './zod';
import { protocolRangeSchema } from './version';

export const healthSchema = z.object({
  ok: z.literal(true),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
  /** The protocol versions this server reads (push and pull). A server from before says nothing. */
  protocol: z.optional(protocolRangeSchema),
});

export type Health = z.infer<typeof healthSchema>;
