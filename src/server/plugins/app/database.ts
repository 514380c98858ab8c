import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../../storage/database';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    /** The server's clock (tests set it); devices' clocks are measured against it. */
    now(): Date;
  }
}

/** Makes the opened, migrated database available to routes, and closes it last on shutdown. */
export default fp(async function database(app: FastifyInstance, options: { db: Database; closeWithApp: boolean; now?: () => Date }) {
  app.decorate('db', options.db);
  app.decorate('now', options.now ?? (() => new Date()));
  if (options.closeWithApp) app.addHook('onClose', async () => options.db.close());
});
