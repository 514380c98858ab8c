import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { floorExceptionsSchema, resolveSchema, type FloorExceptions } from '../../../../protocol/console';
import { apiPaths } from '../../../../protocol/paths';
import { sessionOf } from '../../../plugins/app/authentication';
import { floorExceptions, resolveFlag } from '../../../repositories/console/floorExceptions';
import { resolveTaskConflict } from '../../../repositories/console/taskConflicts';
import { access, done, problems, rowNumber, warehouseParams, type BodyLimits } from '../routeSchema';
import { supervisedWarehouse } from './warehouseParam';

/** Short picks and stock flags waiting for a supervisor; a flag is resolved with a note. */
export default async function floorExceptionRoutes(app: FastifyInstance, options: { bodyLimits: BodyLimits }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const bodyLimit = options.bodyLimits.request;
  routes.get(
    apiPaths.routes.exceptions,
    {
      bodyLimit,
      config: { what: 'warehouse' },
      schema: {
        operationId: 'floorExceptions',
        summary: 'Short picks and stock flags',
        description: 'Short picks not undone, and flags not resolved: negative stock after a pick, bins a picker asked to be counted.',
        ...access('supervisor'),
        params: warehouseParams,
        response: { 200: floorExceptionsSchema, ...problems('supervisor') },
      },
    },
    async (request): Promise<FloorExceptions> => floorExceptions(app.db, await supervisedWarehouse(app, request)),
  );

  routes.post(
    apiPaths.routes.resolveFlag,
    {
      bodyLimit,
      config: { what: 'resolution' },
      schema: {
        operationId: 'resolveFlag',
        summary: 'Resolve a stock flag',
        description: 'With a note. 404 when there is no open flag of that number.',
        ...access('supervisor'),
        params: warehouseParams.extend({ flagId: rowNumber('flag') }),
        body: resolveSchema,
        response: { 204: done, ...problems('supervisor') },
      },
    },
    async (request, reply) => {
      const warehouseId = await supervisedWarehouse(app, request);
      await resolveFlag(app.db, { warehouseId, flagId: request.params.flagId, userId: sessionOf(request).userId, note: request.body.note, now: app.now() });
      return reply.status(204).send();
    },
  );

  // An over-pick or a step after a decision, resolved with a note; the devices named hear at their next pull.
  routes.post(
    apiPaths.routes.resolveTaskConflict,
    {
      bodyLimit,
      config: { what: 'resolution' },
      schema: {
        operationId: 'resolveTaskConflict',
        summary: 'Resolve a task conflict',
        description: 'An over-pick or a step after a supervisor’s decision, with a note; the devices named stop showing it at their next pull. 404 when there is no open conflict of that number.',
        ...access('supervisor'),
        params: warehouseParams.extend({ conflictId: rowNumber('conflict') }),
        body: resolveSchema,
        response: { 204: done, ...problems('supervisor') },
      },
    },
    async (request, reply) => {
      const warehouseId = await supervisedWarehouse(app, request);
      await resolveTaskConflict(app.db, { warehouseId, conflictId: request.params.conflictId, userId: sessionOf(request).userId, note: request.body.note, now: app.now() });
      return reply.status(204).send();
    },
  );
}
