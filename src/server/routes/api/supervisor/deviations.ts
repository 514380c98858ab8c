import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { resolveSchema, type DeviationRow } from '../../../../protocol/console';
import { apiPaths } from '../../../../protocol/paths';
import { sessionOf } from '../../../plugins/app/authentication';
import { parseOr400 } from '../../../problems';
import { openDeviations, resolveDeviation } from '../../../repositories/console/deviations';
import { supervisedWarehouse } from './warehouseParam';

/** Deviations on the floor waiting for a supervisor (found by the server or confirmed by the worker); each resolved with a note. */
export default async function deviationRoutes(app: FastifyInstance) {
  app.get(apiPaths.routes.deviations, async (request): Promise<{ deviations: DeviationRow[] }> => ({ deviations: await openDeviations(app.db, await supervisedWarehouse(app, request)) }));

  app.post(apiPaths.routes.resolveDeviation, async (request, reply) => {
    const warehouseId = await supervisedWarehouse(app, request);
    const { deviationId } = parseOr400(z.object({ deviationId: z.string().regex(/^\d{1,18}$/, 'a deviation number') }).loose(), request.params, 'deviation');
    const { note } = parseOr400(resolveSchema, request.body, 'resolution');
    await resolveDeviation(app.db, { warehouseId, deviationId, userId: sessionOf(request).userId, note, now: app.now() });
    return reply.status(204).send();
  });
}
