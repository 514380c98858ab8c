import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { downloadEntities, downloadPageQuerySchema, type DownloadManifest } from '../../../../protocol/download';
import { apiPaths } from '../../../../protocol/paths';
import { sessionOf } from '../../../plugins/app/authentication';
import { ApiProblem, parseOr400 } from '../../../problems';
import { manifest, pageReaders } from '../../../repositories/floorData';
import { touchDevice } from '../../../repositories/people';

/** Rows a page holds unless the device asks for fewer: big enough to keep round trips few on Wi-Fi. */
export const DEFAULT_PAGE_SIZE = 5000;

const warehouseParams = z.object({ warehouseId: z.string().min(1).max(64) });
const pageParams = warehouseParams.extend({ entity: z.enum(downloadEntities) });

export default async function downloadRoutes(app: FastifyInstance) {
  app.get(apiPaths.routes.downloadManifest, async (request): Promise<DownloadManifest> => {
    const { warehouseId } = parseOr400(warehouseParams, request.params, 'warehouse');
    await app.requireWarehouse(request, warehouseId);
    const found = await manifest(app.db, warehouseId, DEFAULT_PAGE_SIZE);
    if (found === null) throw new ApiProblem(404, 'not-found', `There is no warehouse ${warehouseId}.`);
    await touchDevice(app.db, sessionOf(request).deviceId, warehouseId);
    return { warehouseId, ...found };
  });

  app.get(apiPaths.routes.downloadPage, async (request, reply) => {
    const { warehouseId, entity } = parseOr400(pageParams, request.params, 'download page');
    const query = parseOr400(downloadPageQuerySchema, request.query, 'download page query');
    await app.requireWarehouse(request, warehouseId);
    const page = await pageReaders[entity](app.db, warehouseId, query.after, query.limit ?? DEFAULT_PAGE_SIZE);
    if ('json' in page) return reply.type('application/json; charset=utf-8').send(page.json);
    return page;
  });
}
