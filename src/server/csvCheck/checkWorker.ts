/**
 * The worker thread's side of a big file's check (checkInWorker.ts): checks the file,
 * asking the server's thread for what the warehouse holds, and sends the result back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { finished } from '../../domain/csv/csvTable';
import type { HoldingKeys } from '../../domain/masterData/holdingKeys';
import type { WarehouseHolding } from '../../domain/masterData/importRows';
import { checkFile, type FileToCheck } from './checkFile';

const port = parentPort!;
const holdingOf = (keys: HoldingKeys) =>
  new Promise<WarehouseHolding>((resolve) => {
    port.once('message', (holding: WarehouseHolding) => resolve(holding));
    port.postMessage({ type: 'keys', keys });
  });

const checked = await checkFile((workerData as { file: FileToCheck }).file, async (work) => finished(work), holdingOf);
port.postMessage({ type: 'checked', checked });
