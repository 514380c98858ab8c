/**
 * A big file is checked in a worker thread: reading and checking 600,000 rows makes
 * seconds of garbage, whose collection would pause every other request in the server's
 * thread (a 17 MB check held /api/health for 1.9 s; docs/BENCHMARKS.md). The server's
 * thread only answers the worker's one question, what the warehouse holds.
 */
import { Worker } from 'node:worker_threads';
import type { HoldingKeys } from '../../domain/masterData/holdingKeys';
import type { WarehouseHolding } from '../../domain/masterData/importRows';
import type { CheckedFile, FileToCheck } from './checkFile';

/** Files of at least this many characters are checked in a worker (starting one costs ~0.5 s). */
export const IN_WORKER_FROM_CHARS = 2_000_000;

type FromWorker = { type: 'keys'; keys: HoldingKeys } | { type: 'checked'; checked: CheckedFile };

export function checkInWorker(file: FileToCheck, holdingOf: (keys: HoldingKeys) => Promise<WarehouseHolding>): Promise<CheckedFile> {
  const worker = new Worker(new URL('./workerBoot.mjs', import.meta.url), { workerData: { entry: new URL('./checkWorker.ts', import.meta.url).href, file } });
  return new Promise<CheckedFile>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, checked?: CheckedFile) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve(checked!);
    };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'checked') finish(null, message.checked);
      else holdingOf(message.keys).then((holding) => worker.postMessage(holding), (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
    });
    worker.on('error', (error) => finish(error));
    worker.on('exit', (code) => finish(new Error(`the file check stopped (exit ${code})`)));
  });
}
