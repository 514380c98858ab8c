import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countDecisionSchema, countReviewListSchema, type CountReviewList } from '../../../../protocol/countReviews';
import { bulkDecisionResultSchema, bulkDecisionSchema } from '../../../../protocol/console';
import { apiPaths } from '../../../../protocol/paths';
import { sessionOf } from '../../../plugins/app/authentication';
import { ApiProblem } from '../../../problems';
import { decidedReviews, decideCountReview, waitingReviews } from '../../../repositories/deviceSync/countReviews';
import { access, done, problems, warehouseParams, type BodyLimits } from '../routeSchema';

const reviewParams = warehouseParams.extend({ opId: z.uuid().describe('The count operation’s id.') });
const historyQuery = z.object({ days: z.coerce.number().int().min(1).max(90).optional().describe('Days back, 1 to 90 (default 7).') });

const waitingDescription =
  'Counts over the warehouse threshold: per line the book at the count’s moment and what was counted. The book includes work done before the count that reached the server after it: such work recomputes the review (recomputedAt; linesAtArrival: the lines as first seen), and a review it brings within the threshold is settled by the server (auto-approved) and leaves this list.';
const decisionDescription =
  'Approve posts the count as of its moment (work after it is kept); reject leaves the stock and tells the counting device why; recount leaves the stock and makes an open count task for the bin (201 with recountTaskId). 204 on approve and reject, 404 when it is not waiting any more.';

/** Counts over the warehouse's threshold, waiting for a supervisor; approve posts the count, reject leaves the stock. */
export default async function countReviewRoutes(app: FastifyInstance, options: { bodyLimits: BodyLimits }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const bodyLimit = options.bodyLimits.request;
  const supervisor = access('supervisor');
  const refused = problems('supervisor');

  routes.get(
    apiPaths.routes.countReviews,
    { bodyLimit, config: { what: 'warehouse' }, schema: { operationId: 'waitingCountReviews', summary: 'Counts waiting for review', description: waitingDescription, ...supervisor, params: warehouseParams, response: { 200: countReviewListSchema, ...refused } } },
    async (request): Promise<CountReviewList> => {
      const { warehouseId } = request.params;
      await app.requireWarehouse(request, warehouseId);
      return { reviews: await waitingReviews(app.db, warehouseId) };
    },
  );

  // Decided lately, by a supervisor or settled by the server: the history beside the waiting list.
  routes.get(
    apiPaths.routes.countReviewHistory,
    {
      bodyLimit,
      config: { what: 'history' },
      schema: {
        operationId: 'decidedCountReviews',
        summary: 'Counts decided lately',
        description: 'Counts decided in the last `days` (default 7, at most 90), newest first: approved, rejected or sent for recount by a supervisor (decidedBy), or auto-approved by the server (decidedBy null, with its note).',
        ...supervisor,
        params: warehouseParams,
        querystring: historyQuery,
        response: { 200: countReviewListSchema, ...refused },
      },
    },
    async (request): Promise<CountReviewList> => {
      const { warehouseId } = request.params;
      const { days = 7 } = request.query;
      await app.requireWarehouse(request, warehouseId);
      return { reviews: await decidedReviews(app.db, warehouseId, new Date(app.now().getTime() - days * 86_400_000)) };
    },
  );

  // A selection decided at once: each count in its own transaction, so one already decided elsewhere does not stop the rest.
  routes.post(
    apiPaths.routes.countReviewsBulk,
    {
      bodyLimit,
      config: { what: 'decision' },
      schema: {
        operationId: 'decideCountReviews',
        summary: 'Decide several counts at once',
        description: 'Each count in its own transaction: those decided already (or unknown) are listed in `failed` with the reason, the others decided.',
        ...supervisor,
        params: warehouseParams,
        body: bulkDecisionSchema,
        response: { 200: bulkDecisionResultSchema, ...refused },
      },
    },
    async (request) => {
      const { warehouseId } = request.params;
      const body = request.body;
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
    },
  );

  routes.post(
    apiPaths.routes.countReviewDecision,
    {
      bodyLimit,
      config: { what: 'decision' },
      schema: {
        operationId: 'decideCountReview',
        summary: 'Approve, reject or recount a count in review',
        description: decisionDescription,
        ...supervisor,
        params: reviewParams,
        body: countDecisionSchema,
        response: { 201: z.object({ recountTaskId: z.string() }).describe('A recount task was made.'), 204: done, ...refused },
      },
    },
    async (request, reply) => {
      const { warehouseId, opId } = request.params;
      const body = request.body;
      await app.requireWarehouse(request, warehouseId);
      const { recountTaskId } = await decideCountReview(app.db, { warehouseId, opId, decision: body.decision, userId: sessionOf(request).userId, note: body.note ?? null, now: app.now() });
      return recountTaskId ? reply.status(201).send({ recountTaskId }) : reply.status(204).send();
    },
  );
}
