/** Worker thread entry: scans /proc on request, so the main thread (the UI) never waits on it. */
import { parentPort } from 'node:worker_threads';
import { NamespaceCache } from './host-proc.js';
import { scanProc, type ScanRequest } from './proc-scan.js';

const cache = new NamespaceCache();
parentPort?.on('message', (req: ScanRequest) => {
  parentPort?.postMessage(scanProc(req, cache));
});
