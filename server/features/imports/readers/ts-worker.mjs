// Starts a TypeScript worker: Node 20 workers do not inherit the parent's tsx loader hooks (bin/manyi.mjs
// registers them programmatically, Vitest transforms without them), so the worker registers tsx itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
