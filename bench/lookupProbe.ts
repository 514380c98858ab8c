/**
 * Built only for `npm run bench` (into dist/bench/): exposes the device's own
 * look-up to the benchmark page, on the app's origin, so it reads the same
 * IndexedDB the app downloaded into. Not part of the app.
 */
import { openFloorDb } from '../src/device/floorDb';
import { lookUpCode } from '../src/device/lookup';

export async function timeLookups(codes: string[]): Promise<{ ms: number[]; kinds: Record<string, number>; slowest: [string, string, number][] }> {
  const db = openFloorDb();
  const ms: number[] = [];
  const kinds: Record<string, number> = {};
  const slow: [string, string, number][] = [];
  for (const code of codes) {
    const start = performance.now();
    const result = await lookUpCode(db, code);
    ms.push(performance.now() - start);
    slow.push([code, result.kind, ms.at(-1)!]);
    kinds[result.kind] = (kinds[result.kind] ?? 0) + 1;
  }
  db.close();
  return { ms, kinds, slowest: slow.sort((a, b) => b[2] - a[2]).slice(0, 15) };
}
