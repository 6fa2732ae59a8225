/**
 * The app's next demo run, started ahead of time: its three containers wait for their start
 * line, so pressing r plots within a tick instead of after the engine's half second of starting
 * containers. Only when the images are already built (a build must show its progress), and
 * never after close().
 */
import type Docker from 'dockerode';
import type { DemoOptions } from './demo/demo-options.js';
import { discardPrepared, prepareDemo, type PreparedDemo } from './demo/prepare.js';

export interface Standby {
  opts: DemoOptions;
  ready: Promise<PreparedDemo | null>;
}

/** A standby that expires sooner than this is not replaced: something is wrong, and r still works without one. */
const MIN_LIFETIME_MS = 60_000;

export class DemoStandby {
  private next: (Standby & { abort: AbortController }) | null = null;
  private closed = false;

  constructor(
    private readonly docker: Docker,
    private readonly makeOptions: () => DemoOptions,
  ) {}

  /** Starts preparing the next run, unless one is prepared already or the standby is closed. */
  warm(): void {
    if (this.closed || this.next) return;
    const opts = this.makeOptions();
    const abort = new AbortController();
    const born = Date.now();
    const ready = prepareDemo(this.docker, opts, { signal: abort.signal, onlyIfBuilt: true }).catch(() => null);
    const entry = { opts, ready, abort };
    this.next = entry;
    // Waiting containers give up after their TTL; a fresh set replaces them while nobody pressed r.
    void ready.then(async (p) => {
      if (!p) return;
      await Promise.race([...p.lanes.values()].map((r) => (r.status === 'fulfilled' ? r.value.exited : new Promise(() => undefined))));
      if (this.next !== entry) return;
      this.next = null;
      await discardPrepared(p);
      if (Date.now() - born >= MIN_LIFETIME_MS) this.warm();
    });
  }

  /** Hands the prepared run to its caller, who now owns its containers. */
  take(): Standby | null {
    const n = this.next;
    this.next = null;
    return n ? { opts: n.opts, ready: n.ready } : null;
  }

  /** No more standbys; removes the one not taken. */
  async close(): Promise<void> {
    this.closed = true;
    const n = this.next;
    this.next = null;
    if (!n) return;
    n.abort.abort();
    const p = await n.ready;
    if (p) await discardPrepared(p);
  }
}
