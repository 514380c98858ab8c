import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/storage/openDatabase';

// The embedded database's folder holds the whole warehouse: nobody but the server's user may read it.

/** Every path under the folder whose mode lets the group or others in, with its mode. */
function openToOthers(folder: string): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) found.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(folder);
  return found;
}

function countFiles(folder: string): number {
  return readdirSync(folder, { recursive: true }).length;
}

describe('the embedded data folder', () => {
  const folders: string[] = [];
  const newFolder = () => {
    const parent = mkdtempSync(join(tmpdir(), 'handheld-private-'));
    folders.push(parent);
    return join(parent, 'data');
  };
  afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

  it('is made 0700 with every file 0600, PGlite\'s own included, and stays so while written to and after closing', async () => {
    const dataDir = newFolder();
    const db = await openDatabase({ dataDir });
    try {
      await db.transaction(async (tx) => {
        await tx.execScript('create table privacy_probe (n int primary key, label text); insert into privacy_probe select n, repeat(\'x\', 200) from generate_series(1, 50000) n;');
      });
      expect(countFiles(dataDir)).toBeGreaterThan(500);
      expect((lstatSync(dataDir).mode & 0o777).toString(8)).toBe('700');
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      await db.close();
    }
    expect(openToOthers(dataDir)).toEqual([]);
  });

  it('makes a folder left open by an older version private when it is opened', async () => {
    const dataDir = newFolder();
    await (await openDatabase({ dataDir })).close();
    // As an older version left it: folders 0755, files 0666, a TLS file 0644.
    const loosen = (path: string) => {
      const stat = lstatSync(path);
      chmodSync(path, stat.isDirectory() ? 0o755 : 0o666);
      if (stat.isDirectory()) for (const name of readdirSync(path)) loosen(join(path, name));
    };
    writeFileSync(join(dataDir, 'old-note.txt'), 'left by an older version');
    loosen(dataDir);
    expect(openToOthers(dataDir).length).toBeGreaterThan(500);
    const db = await openDatabase({ dataDir });
    try {
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
