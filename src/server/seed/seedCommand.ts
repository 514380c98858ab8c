/**
 * `npm run seed`: migrates the configured database and seeds the demo warehouses
 * if it is empty. `npm run seed -- --reset` empties it first (asks no question:
 * it is meant for demo and test databases).
 */
import { readConfig } from '../config';
import { openDatabase } from '../storage/openDatabase';
import { migrate } from '../storage/migrate';
import { seedDemoIfEmpty } from './seedDemo';
import { PRIVATE_UMASK } from '../storage/privateFiles';

// What the seed writes into the data folder is for the server's user only, as the server's own writes are.
process.umask(PRIVATE_UMASK);
const config = readConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  if (process.argv.includes('--reset')) {
    await db.execScript('drop schema public cascade; create schema public;');
    console.log('emptied the database');
  }
  await migrate(db);
  const result = await seedDemoIfEmpty(db);
  console.log(result.seeded ? `seeded ${result.warehouses} demo warehouses` : `not seeded: the database already holds ${result.warehouses} warehouses`);
} finally {
  await db.close();
}
