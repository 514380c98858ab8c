import { join } from 'node:path';
import type { Database } from './database';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import { lockDataDir } from './dataDirLock';

export interface DatabaseChoice {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  readonly databaseUrl?: string | undefined;
  /** Data folder of the embedded database; null keeps it in memory (tests). */
  readonly dataDir: string | null;
}

export async function openDatabase(choice: DatabaseChoice): Promise<Database> {
  if (choice.databaseUrl) return openPostgres(choice.databaseUrl);
  if (choice.dataDir === null) return openPglite(null);
  const unlock = lockDataDir(choice.dataDir);
  try {
    const db = await openPglite(join(choice.dataDir, 'pglite'));
    return {
      ...db,
      async close() {
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
