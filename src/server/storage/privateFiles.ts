/**
 * The data folder holds the whole warehouse (and the TLS keys): only the server's own
 * user may read it. The server starts with umask 077, so what it creates is private;
 * PGlite does not follow the umask (its first data folder is unpacked with mode 0666,
 * and it sets some files' modes itself), and folders made by older versions are not
 * private yet: `keepPrivate` puts every folder at 0700 and every file at 0600.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_UMASK = 0o077;
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

/** Makes the folder (and its parents) if missing, then makes it and everything in it private. */
export function keepPrivate(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
  privateTree(folder);
}

function privateTree(path: string): void {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  // Symbolic links are left alone: their own mode means nothing, and what they point at is not ours.
  if (!stat || stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== FOLDER_MODE) chmodUnlessGone(path, FOLDER_MODE);
    for (const name of readdirSync(path)) privateTree(join(path, name));
  } else if (stat.isFile() && (stat.mode & 0o777) !== FILE_MODE) {
    chmodUnlessGone(path, FILE_MODE);
  }
}

/** A file PGlite removed between the listing and the change (an old WAL segment) is no longer ours to protect. */
function chmodUnlessGone(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
