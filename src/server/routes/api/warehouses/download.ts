import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { downloadEntities, downloadManifestSchema, downloadPageQuerySchema, downloadPageSchemas, type DownloadManifest } from '../../../../protocol/download';
import { apiPaths } from '../../../../protocol/paths';
import { sessionOf } from '../../../plugins/app/authentication';
import { ApiProblem } from '../../../problems';
import { manifest, pageReaders } from '../../../repositories/floorData';
import { touchDevice } from '../../../repositories/people';
import { access, problems, warehouseParams, type BodyLimits } from '../routeSchema';

/** Rows a page holds unless the device asks for fewer: big enough to keep round trips few on Wi-Fi. */
export const DEFAULT_PAGE_SIZE = 5000;

const pageParams = warehouseParams.extend({ entity: z.enum(downloadEntities).describe('The kind of data: products, bins (with their stock) or tasks.') });
const pageAnswer = z.union([downloadPageSchemas.products, downloadPageSchemas.bins, downloadPageSchemas.tasks]);

export default async function downloadRoutes(app: FastifyInstance, options: { bodyLimits: BodyLimits }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    apiPaths.routes.downloadManifest,
    {
      bodyLimit: options.bodyLimits.request,
      config: { what: 'warehouse' },
      schema: {
        operationId: 'downloadManifest',
        summary: 'Start the first download of a warehouse',
        description: 'Counts per kind of data, the data epoch, the change clock, the pull cursor to start from afterwards, and the warehouse settings.',
        ...access('device'),
        params: warehouseParams,
        response: { 200: downloadManifestSchema, ...problems('device') },
      },
    },
    async (request): Promise<DownloadManifest> => {
      const { warehouseId } = request.params;
      await app.requireWarehouse(request, warehouseId);
      const found = await manifest(app.db, warehouseId, DEFAULT_PAGE_SIZE);
      if (found === null) throw new ApiProblem(404, 'not-found', `There is no warehouse ${warehouseId}.`);
      await touchDevice(app.db, sessionOf(request).deviceId, warehouseId);
      return { warehouseId, ...found };
    },
  );

  routes.get(
    apiPaths.routes.downloadPage,
    {
      bodyLimit: options.bodyLimits.request,
      config: { what: 'download page' },
      schema: {
        operationId: 'downloadPage',
        summary: 'Download products, bins or tasks, a page at a time',
        description: 'Pages in key order; `next` is the cursor of the following page (`?after=`), null on the last. Store each page with its cursor to resume after an interruption.',
        ...access('device'),
        params: pageParams,
        querystring: downloadPageQuerySchema,
        response: { 200: pageAnswer, ...problems('device') },
      },
    },
    async (request, reply) => {
      const { warehouseId, entity } = request.params;
      const query = request.query;
      await app.requireWarehouse(request, warehouseId);
      const page = await pageReaders[entity](app.db, warehouseId, query.after, query.limit ?? DEFAULT_PAGE_SIZE);
      if ('json' in page) return reply.type('application/json; charset=utf-8').send(page.json as never);
      return page;
    },
  );
}
