/** A namespace as inspect sees it, for the inspect tests: PID 1's command line and signal masks, its processes. */
import { parseStatusMasks } from '../core/signal-mask.js';
import type { NamespaceSnapshot, ProcInfo } from '../core/inspect/snapshot.js';

export const snap = (cmdline: string[], masks: string, procs: ProcInfo[] = [], over: Partial<NamespaceSnapshot> = {}): NamespaceSnapshot => ({
  source: 'host-proc',
  pid1: { cmdline, comm: cmdline[0] ?? null, masks: parseStatusMasks(masks) },
  procs: [{ pid: 1, ppid: 0, comm: cmdline[0] ?? '?', state: 'S' }, ...procs],
  zombies: procs.filter((p) => p.state === 'Z').length,
  live: 1 + procs.filter((p) => p.state !== 'Z').length,
  pids: { used: 1 + procs.length, limit: 256, refusedForks: 0 },
  pidMax: 32768,
  pidMaxSeenFrom: 'host',
  ...over,
});
