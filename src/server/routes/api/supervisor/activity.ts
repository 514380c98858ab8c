import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activityListSchema, activityQuerySchema, deviceDetailSchema, resolveSchema, shiftChartSchema, type ActivityEntry, type DeviceDetail, type ShiftChart } from '../../../../protocol/console';
import { apiPaths } from '../../../../protocol/paths';
import { sessionOf } from '../../../plugins/app/authentication';
import { deviceDetail, listActivity, rejectedOperations, resolveRejected, shiftChart } from '../../../repositories/console/activity';
import { warehousesOf } from '../../../repositories/people';
import { access, done, problems, warehouseParams, type BodyLimits } from '../routeSchema';
import { supervisedWarehouse } from './warehouseParam';

const chartQuery = z.object({ hours: z.coerce.number().int().min(1).max(168).optional().describe('Hours back from now, 1 to 168 (default 12).') });

/** What the devices did: a device's detail, the activity log, the shift's chart, and rejected operations to resolve. */
export default async function activityRoutes(app: FastifyInstance, options: { bodyLimits: BodyLimits }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const bodyLimit = options.bodyLimits.request;
  const supervisor = access('supervisor');
  const refused = problems('supervisor');

  routes.get(
    apiPaths.routes.deviceDetail,
    {
      bodyLimit,
      config: { what: 'device' },
      schema: {
        operationId: 'deviceDetail',
        summary: 'One device in detail',
        description: 'What it last said of itself, its last 100 operations with their fate, rejected ones not resolved, and its sync history (one row per sync: steps that arrived, steps waiting, and how its run before went).',
        ...supervisor,
        params: z.object({ deviceId: z.string().min(1).max(64).describe('The device id.') }),
        response: { 200: deviceDetailSchema, ...refused },
      },
    },
    async (request): Promise<DeviceDetail> => {
      const warehouses = await warehousesOf(app.db, sessionOf(request).userId);
      return deviceDetail(app.db, request.params.deviceId, warehouses.map((w) => w.id));
    },
  );

  routes.get(
    apiPaths.routes.activity,
    {
      bodyLimit,
      config: { what: 'search' },
      schema: {
        operationId: 'listActivity',
        summary: 'The activity log',
        description: 'Operations, newest first (at most `limit`, default 200), filtered by user (user name or id), device (id, its first characters, or part of its name), bin, product (SKU, id or a printed code; 404 when none has it) and time (`from` inclusive, `to` exclusive; without `from`, the last 24 hours).',
        ...supervisor,
        params: warehouseParams,
        querystring: activityQuerySchema,
        response: { 200: activityListSchema, ...refused },
      },
    },
    async (request): Promise<{ entries: ActivityEntry[] }> => {
      const warehouseId = await supervisedWarehouse(app, request);
      return { entries: await listActivity(app.db, warehouseId, request.query, app.now()) };
    },
  );

  routes.get(
    apiPaths.routes.shiftChart,
    {
      bodyLimit,
      config: { what: 'chart' },
      schema: {
        operationId: 'shiftChart',
        summary: 'Operations per hour and sync lag',
        description: 'Per hour of the last `hours` (default 12) and device: operations done, and the median and worst delay between doing and reaching the server.',
        ...supervisor,
        params: warehouseParams,
        querystring: chartQuery,
        response: { 200: shiftChartSchema, ...refused },
      },
    },
    async (request): Promise<ShiftChart> => {
      const warehouseId = await supervisedWarehouse(app, request);
      const { hours = 12 } = request.query;
      const now = app.now();
      const to = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
      return shiftChart(app.db, warehouseId, new Date(to.getTime() - hours * 3_600_000), to);
    },
  );

  routes.get(
    apiPaths.routes.rejected,
    {
      bodyLimit,
      config: { what: 'warehouse' },
      schema: { operationId: 'listRejected', summary: 'Rejected operations not resolved', description: 'From every device of the warehouse, oldest first, with the reason.', ...supervisor, params: warehouseParams, response: { 200: activityListSchema, ...refused } },
    },
    async (request): Promise<{ entries: ActivityEntry[] }> => ({ entries: await rejectedOperations(app.db, await supervisedWarehouse(app, request)) }),
  );

  routes.post(
    apiPaths.routes.resolveRejected,
    {
      bodyLimit,
      config: { what: 'resolution' },
      schema: {
        operationId: 'resolveRejected',
        summary: 'Resolve a rejected operation',
        description: 'With a note; it stops being flagged here and, after its next pull, on the device that sent it. 409 when it was not rejected or is resolved already.',
        ...supervisor,
        params: warehouseParams.extend({ opId: z.uuid().describe('The operation id.') }),
        body: resolveSchema,
        response: { 204: done, ...refused },
      },
    },
    async (request, reply) => {
      const warehouseId = await supervisedWarehouse(app, request);
      await resolveRejected(app.db, { warehouseId, opId: request.params.opId, userId: sessionOf(request).userId, note: request.body.note, now: app.now() });
      return reply.status(204).send();
    },
  );
}
