/**
 * A big file's check in a worker thread gives the report the server's own thread gives,
 * asking the server's thread only for what the warehouse holds.
 */
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/server/csvCheck/checkFile';
import { checkInWorker } from '../../src/server/csvCheck/checkInWorker';
import { yieldingWork } from '../../src/server/yieldingWork';
import type { WarehouseHolding } from '../../src/domain/masterData/importRows';
import type { HoldingKeys } from '../../src/domain/masterData/holdingKeys';

const holding: WarehouseHolding = {
  zones: new Set(['A']),
  bins: new Set(['A-01-01-1', 'A-01-02-1']),
  products: new Map([['SKU-1', { id: 'P1', lotTracked: false, expiryTracked: false }]]),
  codeOwners: new Map(),
};

describe('a file checked in a worker thread', () => {
  it('gives the same rows, good rows, first problems and counts as a check in the server thread', async () => {
    const lines = ['bin,sku,qty'];
    for (let i = 0; i < 3_000; i++) lines.push(i % 3 === 0 ? `A-01-0${1 + (i % 2)}-1,SKU-1,${i}` : i % 3 === 1 ? `NO-BIN,SKU-1,1` : `A-01-02-1,SKU-9,x`);
    const file = { kind: 'stock' as const, csv: lines.join('\n'), keepValid: true };
    const asked: HoldingKeys[] = [];
    const holdingOf = async (keys: HoldingKeys) => (asked.push(keys), holding);
    const here = await checkFile(file, yieldingWork, holdingOf);
    const there = await checkInWorker(file, holdingOf);
    expect(there).toEqual(here);
    expect(there.rows).toBe(3_000);
    expect(there.validCount).toBeGreaterThan(0);
    expect(there.valid).toHaveLength(there.validCount);
    expect(there.problemCount).toBeGreaterThan(1_000);
    expect(there.problems).toHaveLength(1_000);
    expect(asked[1]).toEqual({ bins: ['A-01-01-1', 'NO-BIN', 'A-01-02-1'], skus: ['SKU-1', 'SKU-9'], gtins: [] });
  });

  it('answers an unreadable file with its reason, and a check alone without the good rows', async () => {
    const holdingOf = async () => holding;
    expect(await checkInWorker({ kind: 'stock', csv: 'bin,sku,qty\n"A-01-01-1,SKU-1,1', keepValid: false }, holdingOf)).toMatchObject({ rows: 0, problemCount: 1 });
    const checkOnly = await checkInWorker({ kind: 'stock', csv: 'bin,sku,qty\nA-01-01-1,SKU-1,4', keepValid: false }, holdingOf);
    expect(checkOnly).toMatchObject({ rows: 1, validCount: 1, valid: [] });
  });
});
