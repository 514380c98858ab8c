import { join } from 'node:path';
import type { Database } from './database';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export interface DatabaseChoice {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  readonly databaseUrl?: string | undefined;
  /** Data folder of the embedded database; null keeps it in memory (tests). */
  readonly dataDir: string | null;
}

export async function openDatabase(choice: DatabaseChoice): Promise<Database> {
  if (choice.databaseUrl) return openPostgres(choice.databaseUrl);
  return openPglite(choice.dataDir === null ? null : join(choice.dataDir, 'pglite'));
}
