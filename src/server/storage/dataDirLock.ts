/**
 * One server process per embedded data folder. PGlite is a single-user
 * PostgreSQL: two processes opening the same folder corrupt it. The first server
 * writes its process id to `server.lock`; a second one refuses to start with a
 * message that says which process holds the folder. A lock left by a process
 * that no longer runs (a crash, kill -9) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && running(holder)) {
        throw new Error(`Another server (process ${holder}) is using the data folder ${dataDir}. Stop it first, or give this one another DATA_DIR.`, { cause: error });
      }
      unlinkSync(path); // left by a process that is gone
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}.`);
}
