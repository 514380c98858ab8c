import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiPaths } from '../../../../protocol/paths';
import { changedAnswerSchema, deviceNameSchema, settingsChangeSchema, settingsViewSchema, warehouseChangeListSchema, type SettingsView, type WarehouseChangeEntry } from '../../../../protocol/warehouseSettings';
import { sessionOf } from '../../../plugins/app/authentication';
import { renameDevice, saveSettings, settingsView } from '../../../repositories/console/floorSettings';
import { warehouseChangesIn } from '../../../repositories/console/warehouseChanges';
import { access, problems, warehouseParams, type BodyLimits } from '../routeSchema';
import { supervisedWarehouse } from './warehouseParam';

const changesQuery = z.object({ days: z.coerce.number().int().min(1).max(90).optional().describe('Days back from now, 1 to 90 (default 7).') });

/** The warehouse's floor settings (read, saved with their audit) and the names of its devices. */
export default async function floorSettingsRoutes(app: FastifyInstance, options: { bodyLimits: BodyLimits }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const bodyLimit = options.bodyLimits.request;
  const supervisor = access('supervisor');
  const refused = problems('supervisor');
  const actorOf = (request: Parameters<typeof sessionOf>[0]) => ({ id: sessionOf(request).userId, name: sessionOf(request).username });

  routes.get(
    apiPaths.routes.settings,
    {
      bodyLimit,
      config: { what: 'warehouse' },
      schema: {
        operationId: 'warehouseSettings',
        summary: 'The warehouse’s floor settings',
        description: 'Blind counting, the recount threshold, the per-step quantity limit and the time zone, with their version (a save names it) and the last changes (who, when, before and after).',
        ...supervisor,
        params: warehouseParams,
        response: { 200: settingsViewSchema, ...refused },
      },
    },
    async (request): Promise<SettingsView> => settingsView(app.db, await supervisedWarehouse(app, request)),
  );

  routes.post(
    apiPaths.routes.settings,
    {
      bodyLimit,
      config: { what: 'settings' },
      schema: {
        operationId: 'saveWarehouseSettings',
        summary: 'Change the warehouse’s floor settings',
        description:
          'Any of the settings, with the `version` they were read at. Each is checked (recount units 0 to 1,000,000, percent 0 to 100, step limit 1 to 1,000,000, a time zone the server knows): one out of range is a 400 saying which, and nothing is saved. A save on an older version that would change something is a 409 (someone saved since), nothing saved; one that changes nothing is answered `changed: false`. Audited; devices get the new settings at their next sync.',
        ...supervisor,
        params: warehouseParams,
        body: settingsChangeSchema,
        response: { 200: changedAnswerSchema, ...refused },
      },
    },
    async (request) => {
      const warehouseId = await supervisedWarehouse(app, request);
      return saveSettings(app.db, { warehouseId, actor: actorOf(request), change: request.body, now: app.now() });
    },
  );

  routes.post(
    apiPaths.routes.deviceName,
    {
      bodyLimit,
      config: { what: 'device name' },
      schema: {
        operationId: 'nameDevice',
        summary: 'Name a device',
        description: 'What supervisors call a handheld, shown wherever it appears in the console: 1 to 40 characters of plain text, or empty to take the name away. The device must work in this warehouse (404 otherwise). Audited.',
        ...supervisor,
        params: warehouseParams.extend({ deviceId: z.string().min(1).max(64).describe('The device id.') }),
        body: deviceNameSchema,
        response: { 200: changedAnswerSchema, ...refused },
      },
    },
    async (request) => {
      const warehouseId = await supervisedWarehouse(app, request);
      return renameDevice(app.db, { warehouseId, deviceId: request.params.deviceId, name: request.body.name, actor: actorOf(request), now: app.now() });
    },
  );

  routes.get(
    apiPaths.routes.warehouseChanges,
    {
      bodyLimit,
      config: { what: 'search' },
      schema: {
        operationId: 'warehouseChanges',
        summary: 'Changes to the warehouse’s settings and device names',
        description: 'Newest first, over the last `days` (default 7): who, when, what before and after.',
        ...supervisor,
        params: warehouseParams,
        querystring: changesQuery,
        response: { 200: warehouseChangeListSchema, ...refused },
      },
    },
    async (request): Promise<{ changes: WarehouseChangeEntry[] }> => {
      const warehouseId = await supervisedWarehouse(app, request);
      const from = new Date(app.now().getTime() - (request.query.days ?? 7) * 86_400_000);
      return { changes: await warehouseChangesIn(app.db, warehouseId, { from, limit: 500 }) };
    },
  );
}
