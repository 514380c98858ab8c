import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { deviceListSchema } from '../../../../protocol/devices';
import { apiPaths } from '../../../../protocol/paths';
import { sessionOf } from '../../../plugins/app/authentication';
import { listDevices, warehousesOf } from '../../../repositories/people';

/** The devices of the supervisor's warehouses, most recently seen first. */
export default async function deviceRoutes(app: FastifyInstance) {
  app.get(apiPaths.supervisorDevices, async (request): Promise<z.input<typeof deviceListSchema>> => {
    const warehouses = await warehousesOf(app.db, sessionOf(request).userId);
    const devices = await listDevices(app.db, warehouses.map((w) => w.id));
    const iso = (at: Date | null) => (at === null ? null : new Date(at).toISOString());
    return { devices: devices.map((d) => ({ ...d, lastSeenAt: iso(d.lastSeenAt), lastSyncAt: iso(d.lastSyncAt), statusAt: iso(d.statusAt) })) };
  });
}
