/**
 * One demo run shared by every browser: `serve` starts and stops it on request, keeps what it
 * said so far, and hands each message to every viewer already serialised (one JSON.stringify per
 * event, however many watch). A viewer that joins late gets the history of the run first.
 */
import type { EventSource } from '../../core/event-source.js';
import type { RunEvent } from '../../core/run-events.js';
import { boundHistory, MAX_RUN_HISTORY, withoutTree } from '../../core/run-history.js';
import { firstLine } from '../lab-error.js';
import type { RunChannelMessage } from '../run-channel.js';

export type RunPhase = 'idle' | 'running' | 'stopping' | 'ended';

/** The run's own state, sent as the SSE event `run` before its RunEvents and on every change. */
export interface RunInfo {
  /** 0 before the first run, then 1, 2, … */
  run: number;
  phase: RunPhase;
  source: 'live' | 'replay';
  /** Following the terminal app's run (`serve --follow`): run and stop are the app's. */
  follows?: true;
}

/** One SSE message as it goes on the wire. */
export interface HubMessage {
  /** The SSE event name: `run` for RunInfo, `message` (the default) for a RunEvent. */
  kind: 'run' | 'message';
  /** The JSON text of the data line. */
  data: string;
}

export type Viewer = (m: HubMessage) => void;

export class RunHub {
  private info: RunInfo;
  private history: HubMessage[] = [];
  private readonly viewers = new Set<Viewer>();
  private current: { abort: AbortController; stop: AbortController; done: Promise<void> } | null = null;

  /** `source` null: the hub follows runs made elsewhere (feed), and run and stop are not its own. */
  constructor(
    private readonly source: EventSource | null,
    source_: 'live' | 'replay',
    private readonly maxHistory = MAX_RUN_HISTORY,
  ) {
    this.info = { run: 0, phase: 'idle', source: source_, ...(source ? {} : { follows: true as const }) };
    this.history = [this.runMessage()];
  }

  get phase(): RunPhase {
    return this.info.phase;
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  /** Adds a viewer and gives it the history so far, in order, before anything new. */
  join(viewer: Viewer): () => void {
    for (const m of this.history) viewer(m);
    this.viewers.add(viewer);
    return () => this.viewers.delete(viewer);
  }

  /** Starts a run unless one is going ('busy': one run for the whole room, stop it first). */
  start(): 'started' | 'busy' | 'follows' {
    if (!this.source) return 'follows';
    if (this.current) return 'busy';
    const abort = new AbortController();
    const stop = new AbortController();
    this.info = { ...this.info, run: this.info.run + 1, phase: 'running' };
    this.history = [];
    this.publish(this.runMessage());
    const done = this.consume({ signal: abort.signal, stop: stop.signal }).finally(() => {
      this.current = null;
      this.info = { ...this.info, phase: 'ended' };
      this.publish(this.runMessage());
    });
    this.current = { abort, stop, done };
    return 'started';
  }

  /** The lesson's timed `docker stop` of every lane; 'idle' when no run is going. */
  stop(): 'stopping' | 'idle' | 'follows' {
    if (!this.source) return 'follows';
    if (!this.current) return 'idle';
    if (!this.current.stop.signal.aborted) {
      this.current.stop.abort();
      this.info = { ...this.info, phase: 'stopping' };
      this.publish(this.runMessage());
    }
    return 'stopping';
  }

  /** Ends the run at once (its containers are removed by the run itself) and waits for it. */
  async shutdown(): Promise<void> {
    const c = this.current;
    if (!c) return;
    c.abort.abort();
    await c.done;
  }

  /** `serve --follow`: the terminal app's run, message by message (engine/run-channel.ts). */
  feed(m: RunChannelMessage): void {
    if (m.kind === 'event') return this.publish({ kind: 'message', data: JSON.stringify(withoutTree(m.event)) });
    if (m.phase === 'running') {
      this.info = { ...this.info, run: this.info.run + 1, phase: 'running', source: m.replay ? 'replay' : 'live' };
      this.history = [];
    } else {
      this.info = { ...this.info, phase: m.phase };
    }
    this.publish(this.runMessage());
  }

  /** The followed app went away: a run it left open is over. */
  presenterGone(): void {
    if (this.info.phase === 'running' || this.info.phase === 'stopping') this.feed({ kind: 'run', phase: 'ended', replay: this.info.source === 'replay' });
  }

  private async consume(ctl: { signal: AbortSignal; stop: AbortSignal }): Promise<void> {
    try {
      if (!this.source) return;
      for await (const e of this.source(ctl)) {
        if (ctl.signal.aborted) break;
        this.publish({ kind: 'message', data: JSON.stringify(withoutTree(e)) });
      }
    } catch (err) {
      const problem = { message: firstLine(err), fix: 'run `zombie-lab doctor`' };
      this.publish({ kind: 'message', data: JSON.stringify({ type: 'problem', problem } satisfies RunEvent) });
    }
  }

  private runMessage(): HubMessage {
    return { kind: 'run', data: JSON.stringify(this.info) };
  }

  private publish(m: HubMessage): void {
    this.history.push(m);
    this.history = boundHistory(this.history, (h) => h.kind === 'message' && h.data.startsWith('{"type":"sample"'), this.maxHistory);
    for (const v of this.viewers) v(m);
  }
}
