import type { FastifyInstance } from 'fastify';
import type { Health } from '../../../protocol/health';
import { apiPaths } from '../../../protocol/paths';
import { APP_VERSION, READABLE_PROTOCOL, type ProtocolRange } from '../../../protocol/version';

export default async function healthRoutes(app: FastifyInstance, options: { readable?: ProtocolRange }) {
  app.get(apiPaths.health, async (): Promise<Health> => {
    // A real round trip, so "ok" means the database answers too.
    await app.db.query('select 1');
    return { ok: true, db: app.db.kind, version: APP_VERSION, protocol: options.readable ?? READABLE_PROTOCOL };
  });
}
