import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../../storage/database';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
  }
}

/** Makes the opened, migrated database available to routes, and closes it last on shutdown. */
export default fp(async function database(app: FastifyInstance, options: { db: Database; closeWithApp: boolean }) {
  app.decorate('db', options.db);
  if (options.closeWithApp) app.addHook('onClose', async () => options.db.close());
});
