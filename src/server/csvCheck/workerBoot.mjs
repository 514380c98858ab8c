// Starts a worker thread on TypeScript: tsx's loader is registered before the entry is imported
// (Node 20 does not apply a worker's --import before loading its entry).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
