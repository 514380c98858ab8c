import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { resolveSchema, type FloorExceptions } from '../../../../protocol/console';
import { apiPaths } from '../../../../protocol/paths';
import { sessionOf } from '../../../plugins/app/authentication';
import { parseOr400 } from '../../../problems';
import { floorExceptions, resolveFlag } from '../../../repositories/console/floorExceptions';
import { resolveTaskConflict } from '../../../repositories/console/taskConflicts';
import { supervisedWarehouse } from './warehouseParam';

/** Short picks and stock flags waiting for a supervisor; a flag is resolved with a note. */
export default async function floorExceptionRoutes(app: FastifyInstance) {
  app.get(apiPaths.routes.exceptions, async (request): Promise<FloorExceptions> => floorExceptions(app.db, await supervisedWarehouse(app, request)));

  app.post(apiPaths.routes.resolveFlag, async (request, reply) => {
    const warehouseId = await supervisedWarehouse(app, request);
    const { flagId } = parseOr400(z.object({ flagId: z.string().regex(/^\d{1,18}$/, 'a flag number') }).loose(), request.params, 'flag');
    const { note } = parseOr400(resolveSchema, request.body, 'resolution');
    await resolveFlag(app.db, { warehouseId, flagId, userId: sessionOf(request).userId, note, now: app.now() });
    return reply.status(204).send();
  });

  // An over-pick or a step after a decision, resolved with a note; the devices named hear at their next pull.
  app.post(apiPaths.routes.resolveTaskConflict, async (request, reply) => {
    const warehouseId = await supervisedWarehouse(app, request);
    const { conflictId } = parseOr400(z.object({ conflictId: z.string().regex(/^\d{1,18}$/, 'a conflict number') }).loose(), request.params, 'task conflict');
    const { note } = parseOr400(resolveSchema, request.body, 'resolution');
    await resolveTaskConflict(app.db, { warehouseId, conflictId, userId: sessionOf(request).userId, note, now: app.now() });
    return reply.status(204).send();
  });
}
