/**
 * The /proc path off the main thread: one worker, one scan in flight at a time (its reads are
 * sequential, so a scan of 20,000 processes holds one file open at a time and cannot hit EMFILE).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NamespaceCache } from './host-proc.js';
import { PACKAGE_ROOT } from './package-paths.js';
import { scanProc, type ScanResult } from './proc-scan.js';

/** The compiled worker: beside this file when built, from dist/ when this runs from src/ (tests build dist/ first). */
export function procWorkerFile(): string | null {
  const here = fileURLToPath(new URL('./proc-worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = path.join(PACKAGE_ROOT, 'dist', 'engine', 'proc-worker.js');
  return existsSync(built) ? built : null;
}

export class ProcScanner {
  private worker: Worker | null = null;
  private cache: NamespaceCache | null = null;
  private nextId = 1;
  private pending: { id: number; resolve: (r: ScanResult) => void; reject: (e: unknown) => void } | null = null;
  /** True when scans run on a worker thread (false: in-thread fallback). */
  readonly threaded: boolean;

  constructor(opts: { threaded?: boolean } = {}) {
    const file = opts.threaded === false ? null : procWorkerFile();
    if (file) {
      this.worker = new Worker(file);
      this.worker.unref();
      this.worker.on('message', (r: ScanResult) => {
        const p = this.pending;
        if (p && p.id === r.id) {
          this.pending = null;
          p.resolve(r);
        }
      });
      this.worker.on('error', (err) => this.fail(err));
      this.worker.on('exit', () => this.fail(new Error('the /proc worker ended')));
    } else {
      this.cache = new NamespaceCache();
    }
    this.threaded = this.worker !== null;
  }

  private fail(err: unknown) {
    const p = this.pending;
    this.pending = null;
    p?.reject(err);
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  scan(namespaces: string[], treeLimit = 0): Promise<ScanResult> {
    if (this.pending) return Promise.reject(new Error('a /proc scan is already running'));
    const id = this.nextId++;
    if (!this.worker) return Promise.resolve(scanProc({ id, namespaces, treeLimit }, this.cache as NamespaceCache));
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject };
      this.worker?.postMessage({ id, namespaces, treeLimit });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
