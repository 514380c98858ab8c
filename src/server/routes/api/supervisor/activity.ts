import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { activityQuerySchema, resolveSchema, type ActivityEntry, type DeviceDetail, type ShiftChart } from '../../../../protocol/console';
import { apiPaths } from '../../../../protocol/paths';
import { sessionOf } from '../../../plugins/app/authentication';
import { parseOr400 } from '../../../problems';
import { deviceDetail, listActivity, rejectedOperations, resolveRejected, shiftChart } from '../../../repositories/console/activity';
import { warehousesOf } from '../../../repositories/people';
import { supervisedWarehouse } from './warehouseParam';

const chartQuery = z.object({ hours: z.coerce.number().int().min(1).max(168).optional() });

/** What the devices did: a device's detail, the activity log, the shift's chart, and rejected operations to resolve. */
export default async function activityRoutes(app: FastifyInstance) {
  app.get(apiPaths.routes.deviceDetail, async (request): Promise<DeviceDetail> => {
    const { deviceId } = parseOr400(z.object({ deviceId: z.string().min(1).max(64) }), request.params, 'device');
    const warehouses = await warehousesOf(app.db, sessionOf(request).userId);
    return deviceDetail(app.db, deviceId, warehouses.map((w) => w.id));
  });

  app.get(apiPaths.routes.activity, async (request): Promise<{ entries: ActivityEntry[] }> => {
    const warehouseId = await supervisedWarehouse(app, request);
    const query = parseOr400(activityQuerySchema, request.query, 'search');
    return { entries: await listActivity(app.db, warehouseId, query, app.now()) };
  });

  app.get(apiPaths.routes.shiftChart, async (request): Promise<ShiftChart> => {
    const warehouseId = await supervisedWarehouse(app, request);
    const { hours = 12 } = parseOr400(chartQuery, request.query, 'chart');
    const now = app.now();
    const to = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
    return shiftChart(app.db, warehouseId, new Date(to.getTime() - hours * 3_600_000), to);
  });

  app.get(apiPaths.routes.rejected, async (request): Promise<{ entries: ActivityEntry[] }> => {
    const warehouseId = await supervisedWarehouse(app, request);
    return { entries: await rejectedOperations(app.db, warehouseId) };
  });

  app.post(apiPaths.routes.resolveRejected, async (request, reply) => {
    const warehouseId = await supervisedWarehouse(app, request);
    const { opId } = parseOr400(z.object({ opId: z.uuid() }).loose(), request.params, 'operation');
    const { note } = parseOr400(resolveSchema, request.body, 'resolution');
    await resolveRejected(app.db, { warehouseId, opId, userId: sessionOf(request).userId, note, now: app.now() });
    return reply.status(204).send();
  });
}
