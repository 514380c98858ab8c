import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/storage/openDatabase';

describe('the embedded data folder', () => {
  it('is opened by one server at a time, and freed when it closes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'handheld-lock-'));
    writeFileSync(join(dataDir, 'server.lock'), '1'); // process 1 always runs: a live holder
    await expect(openDatabase({ dataDir })).rejects.toThrow(/Another server \(process 1\) is using the data folder/);

    writeFileSync(join(dataDir, 'server.lock'), '999999999'); // a process that is gone
    const db = await openDatabase({ dataDir });
    expect(existsSync(join(dataDir, 'server.lock'))).toBe(true);
    await db.close();
    expect(existsSync(join(dataDir, 'server.lock'))).toBe(false);
  });
});
