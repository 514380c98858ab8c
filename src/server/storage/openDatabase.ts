import { join } from 'node:path';
import type { Database } from './database';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import { lockDataDir } from './dataDirLock';
import { keepPrivate } from './privateFiles';

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
    // Made private before anything is read: a folder left by an older version may be open to all.
    keepPrivate(choice.dataDir);
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
