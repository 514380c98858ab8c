import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import { buildApp } from './app';
import { openDatabase } from './storage/openDatabase';
import { migrate } from './storage/migrate';
import { seedDemoIfEmpty } from './seed/seedDemo';
import { loadTls } from './tls/certificates';

/** What an empty database needs, said in the log (the demo is not seeded on PostgreSQL unless SEED_DEMO=1). */
export const FIRST_ADMIN_HINT =
  'No users yet. Create a warehouse and the first admin: npm run warehouse -- add MAIN --name "Main warehouse", ' +
  'then npm run user -- add <username> --name "Display Name" --role admin --warehouses MAIN (asks for the PIN); ' +
  'or start with SEED_DEMO=1 for the demo.';

/** Opens and migrates the database, seeds the demo into an empty one, and builds the app. */
export async function startServer(config: ServerConfig): Promise<FastifyInstance> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(db);
    const seeded = config.seedDemo ? await seedDemoIfEmpty(db) : { seeded: false, warehouses: 0 };
    // PGlite runs single-user, so no autovacuum keeps planner statistics fresh: refresh them at start.
    if (db.kind === 'pglite') await db.query('analyze');
    const tls = config.https ? await loadTls({ dataDir: config.dataDir, certFile: config.https.certFile, keyFile: config.https.keyFile }) : null;
    const app = await buildApp({ config, db, tls, closeDbWithApp: true });
    app.log.info({ db: db.kind, migrationsApplied: applied, demoSeeded: seeded.seeded, https: tls !== null }, 'database ready');
    const [people] = await db.query<{ n: number }>('select count(*)::int as n from users where disabled_at is null');
    if ((people?.n ?? 0) === 0) app.log.warn(FIRST_ADMIN_HINT);
    return app;
  } catch (error) {
    await db.close();
    throw error;
  }
}
