import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { deviceListSchema } from '../../../../protocol/devices';
import { apiPaths } from '../../../../protocol/paths';
import { sessionOf } from '../../../plugins/app/authentication';
import { listDevices, warehousesOf } from '../../../repositories/people';
import { access, problems, type BodyLimits } from '../routeSchema';

/** The devices of the supervisor's warehouses, most recently seen first. */
export default async function deviceRoutes(app: FastifyInstance, options: { bodyLimits: BodyLimits }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    apiPaths.supervisorDevices,
    {
      bodyLimit: options.bodyLimits.request,
      schema: { operationId: 'listDevices', summary: 'Devices and their sync status', description: 'The devices of the warehouses you work in, most recently seen first.', ...access('supervisor'), response: { 200: deviceListSchema, ...problems('supervisor') } },
    },
    async (request): Promise<z.input<typeof deviceListSchema>> => {
      const warehouses = await warehousesOf(app.db, sessionOf(request).userId);
      const devices = await listDevices(app.db, warehouses.map((w) => w.id));
      const iso = (at: Date | null) => (at === null ? null : new Date(at).toISOString());
      return { devices: devices.map((d) => ({ ...d, lastSeenAt: iso(d.lastSeenAt), lastSyncAt: iso(d.lastSyncAt), statusAt: iso(d.statusAt) })) };
    },
  );
}
