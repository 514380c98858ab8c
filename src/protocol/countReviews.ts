/** Counts waiting for a supervisor's decision, and the decision. */
import { z } from './zod';
import { wireTime } from './wireText';

export const countReviewSchema = z.object({
  opId: z.uuid(),
  binCode: z.string(),
  countedAt: wireTime,
  userId: z.string(),
  username: z.nullable(z.string()),
  deviceId: z.string(),
  deviceName: z.nullable(z.string()),
  /** auto-approved: settled by the server when work done before the count, arriving after it, brought every line within the threshold. */
  status: z.enum(['waiting', 'approved', 'rejected', 'recount', 'withdrawn', 'auto-approved']),
  /** When and by whom it was decided (null by: the server), with the note. */
  decidedAt: z.nullable(wireTime),
  decidedBy: z.nullable(z.string()),
  note: z.nullable(z.string()),
  /** When work that arrived late last changed the book at the count's moment; null when it never did. */
  recomputedAt: z.nullable(wireTime),
  /** The book and count per product and lot as they were when the count arrived, when they have changed since. */
  linesAtArrival: z.nullable(z.array(z.object({ productId: z.string(), lot: z.string(), qty: z.int(), counted: z.int() }))),
  /** Per product and lot: the book at the count's moment (as the ledger now knows it), what was counted, and the first count when a recount was asked for. */
  lines: z.array(
    z.object({
      productId: z.string(),
      sku: z.nullable(z.string()),
      productName: z.nullable(z.string()),
      lot: z.string(),
      expiry: z.nullable(z.string()),
      qty: z.int(),
      counted: z.int(),
      firstCount: z.nullable(z.int()),
      /** Cost of one unit where the master data has one: the difference's value is (counted - qty) x unitCost. */
      unitCost: z.nullable(z.number()),
    }),
  ),
});

export const countReviewListSchema = z.object({ reviews: z.array(countReviewSchema) });

export const countDecisionSchema = z.object({
  /** approve: post the count; reject: leave the stock; recount: leave the stock and make a count task for the bin. */
  decision: z.enum(['approve', 'reject', 'recount']),
  note: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(200)))),
});

export type CountReviewList = z.infer<typeof countReviewListSchema>;
export type CountDecision = z.infer<typeof countDecisionSchema>;
