/** Counts waiting for a supervisor's decision, and the decision. */
import { z } from 'zod';
import { wireTime } from './wireText';

export const countReviewSchema = z.object({
  opId: z.uuid(),
  binCode: z.string(),
  countedAt: wireTime,
  userId: z.string(),
  username: z.string().nullable(),
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  /** auto-approved: settled by the server when work done before the count, arriving after it, brought every line within the threshold. */
  status: z.enum(['waiting', 'approved', 'rejected', 'recount', 'withdrawn', 'auto-approved']),
  /** When and by whom it was decided (null by: the server), with the note. */
  decidedAt: wireTime.nullable(),
  decidedBy: z.string().nullable(),
  note: z.string().nullable(),
  /** When work that arrived late last changed the book at the count's moment; null when it never did. */
  recomputedAt: wireTime.nullable(),
  /** The book and count per product and lot as they were when the count arrived, when they have changed since. */
  linesAtArrival: z.array(z.object({ productId: z.string(), lot: z.string(), qty: z.number().int(), counted: z.number().int() })).nullable(),
  /** Per product and lot: the book at the count's moment (as the ledger now knows it), what was counted, and the first count when a recount was asked for. */
  lines: z.array(
    z.object({
      productId: z.string(),
      sku: z.string().nullable(),
      productName: z.string().nullable(),
      lot: z.string(),
      expiry: z.string().nullable(),
      qty: z.number().int(),
      counted: z.number().int(),
      firstCount: z.number().int().nullable(),
      /** Cost of one unit where the master data has one: the difference's value is (counted - qty) x unitCost. */
      unitCost: z.number().nullable(),
    }),
  ),
});

export const countReviewListSchema = z.object({ reviews: z.array(countReviewSchema) });

export const countDecisionSchema = z.object({
  /** approve: post the count; reject: leave the stock; recount: leave the stock and make a count task for the bin. */
  decision: z.enum(['approve', 'reject', 'recount']),
  note: z.string().trim().max(200).nullable().optional(),
});

export type CountReviewList = z.infer<typeof countReviewListSchema>;
export type CountDecision = z.infer<typeof countDecisionSchema>;
