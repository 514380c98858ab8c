import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { countDecisionSchema, type CountReviewList } from '../../../../protocol/countReviews';
import { bulkDecisionSchema } from '../../../../protocol/console';
import { ApiProblem } from '../../../problems';
import { apiPaths } from '../../../../protocol/paths';
import { sessionOf } from '../../../plugins/app/authentication';
import { parseOr400 } from '../../../problems';
import { decidedReviews, decideCountReview, waitingReviews } from '../../../repositories/deviceSync/countReviews';

const params = z.object({ warehouseId: z.string().min(1).max(64) });
const reviewParams = params.extend({ opId: z.uuid() });
const historyQuery = z.object({ days: z.coerce.number().int().min(1).max(90).optional() });

/** Counts over the warehouse's threshold, waiting for a supervisor; approve posts the count, reject leaves the stock. */
export default async function countReviewRoutes(app: FastifyInstance) {
  app.get(apiPaths.routes.countReviews, async (request): Promise<CountReviewList> => {
    const { warehouseId } = parseOr400(params, request.params, 'warehouse');
    await app.requireWarehouse(request, warehouseId);
    return { reviews: await waitingReviews(app.db, warehouseId) };
  });

  // Decided lately, by a supervisor or settled by the server: the history beside the waiting list.
  app.get(apiPaths.routes.countReviewHistory, async (request): Promise<CountReviewList> => {
    const { warehouseId } = parseOr400(params, request.params, 'warehouse');
    const { days = 7 } = parseOr400(historyQuery, request.query, 'history');
    await app.requireWarehouse(request, warehouseId);
    return { reviews: await decidedReviews(app.db, warehouseId, new Date(app.now().getTime() - days * 86_400_000)) };
  });

  // A selection decided at once: each count in its own transaction, so one already decided elsewhere does not stop the rest.
  app.post(apiPaths.routes.countReviewsBulk, async (request) => {
    const { warehouseId } = parseOr400(params.loose(), request.params, 'warehouse');
    const body = parseOr400(bulkDecisionSchema, request.body, 'decision');
    await app.requireWarehouse(request, warehouseId);
    const decided: string[] = [];
    const failed: { opId: string; message: string }[] = [];
    for (const opId of new Set(body.opIds)) {
      try {
        await decideCountReview(app.db, { warehouseId, opId, decision: body.decision, userId: sessionOf(request).userId, note: body.note ?? null, now: app.now() });
        decided.push(opId);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        failed.push({ opId, message: error.message });
      }
    }
    return { decided, failed };
  });

  app.post(apiPaths.routes.countReviewDecision, async (request, reply) => {
    const { warehouseId, opId } = parseOr400(reviewParams, request.params, 'count review');
    const body = parseOr400(countDecisionSchema, request.body, 'decision');
    await app.requireWarehouse(request, warehouseId);
    const { recountTaskId } = await decideCountReview(app.db, { warehouseId, opId, decision: body.decision, userId: sessionOf(request).userId, note: body.note ?? null, now: app.now() });
    return recountTaskId ? reply.status(201).send({ recountTaskId }) : reply.status(204).send();
  });
}
