import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { deviationListSchema, resolveSchema, type DeviationRow } from '../../../../protocol/console';
import { apiPaths } from '../../../../protocol/paths';
import { sessionOf } from '../../../plugins/app/authentication';
import { openDeviations, resolveDeviation } from '../../../repositories/console/deviations';
import { access, done, problems, rowNumber, warehouseParams, type BodyLimits } from '../routeSchema';
import { supervisedWarehouse } from './warehouseParam';

const deviationsDescription =
  'Picks, putaways and counts that were unusual, newest first: a lot the bin does not hold (lot-not-in-bin), a lot other than the first-expiring good one (not-fefo), more units in one step than the warehouse’s limit (over-step-limit), “bin is empty” on a bin whose book held stock (empty-bin-held-stock), more taken than the book held (more-than-bin-holds). onDevice: the worker confirmed it; byServer: the server found it from its own book at the step’s moment (facts: what it saw). The steps were applied; steps undone since are left out.';

/** Deviations on the floor waiting for a supervisor (found by the server or confirmed by the worker); each resolved with a note. */
export default async function deviationRoutes(app: FastifyInstance, options: { bodyLimits: BodyLimits }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const bodyLimit = options.bodyLimits.request;
  routes.get(
    apiPaths.routes.deviations,
    { bodyLimit, config: { what: 'warehouse' }, schema: { operationId: 'listDeviations', summary: 'Deviations not resolved', description: deviationsDescription, ...access('supervisor'), params: warehouseParams, response: { 200: deviationListSchema, ...problems('supervisor') } } },
    async (request): Promise<{ deviations: DeviationRow[] }> => ({ deviations: await openDeviations(app.db, await supervisedWarehouse(app, request)) }),
  );

  routes.post(
    apiPaths.routes.resolveDeviation,
    {
      bodyLimit,
      config: { what: 'resolution' },
      schema: {
        operationId: 'resolveDeviation',
        summary: 'Resolve a deviation',
        description: 'With a note. 404 when there is no open deviation of that number.',
        ...access('supervisor'),
        params: warehouseParams.extend({ deviationId: rowNumber('deviation') }),
        body: resolveSchema,
        response: { 204: done, ...problems('supervisor') },
      },
    },
    async (request, reply) => {
      const warehouseId = await supervisedWarehouse(app, request);
      const { deviationId } = request.params;
      await resolveDeviation(app.db, { warehouseId, deviationId, userId: sessionOf(request).userId, note: request.body.note, now: app.now() });
      return reply.status(204).send();
    },
  );
}
