/**
 * Where the demo's events come from, for the app and for `serve` alike: the recording asked for
 * (`--replay FILE`); else the live engine, swept of a killed run's leftovers first; else the newest
 * recording (the user's own, then the package's). Each command words the outcome its own way.
 */
import type { EventSource } from '../core/event-source.js';
import type { Connection } from '../engine/docker-connect.js';
import { userRecordingsDir } from '../engine/handout-dir.js';
import { RECORDINGS_DIR } from '../engine/package-paths.js';
import type { SweepCounts } from '../core/i18n.js';

export type DemoSource =
  /** `--replay FILE` as asked (`error` when it cannot be read). */
  | { kind: 'replay'; file: string; source: EventSource }
  | { kind: 'bad-replay'; error: string }
  | { kind: 'live'; source: EventSource; close: () => Promise<void>; conn: Connection; sweptCounts: SweepCounts; sweptLine: string | null }
  /** No engine answers: the newest recording, or none, or one that cannot be read. */
  | { kind: 'fallback'; file: string; source: EventSource }
  | { kind: 'no-recording' }
  | { kind: 'broken-recording'; file: string; error: string };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function chooseDemoSource(o: { replay?: string; runIdPrefix?: string; timeoutMs: number }): Promise<DemoSource> {
  // Imported where needed, not at the top: dockerode and zod take a noticeable part of a second to load.
  const replays = () => import('../engine/replay-source.js');
  if (o.replay) {
    const { loadRecording, replaySource } = await replays();
    try {
      return { kind: 'replay', file: o.replay, source: replaySource(await loadRecording(o.replay)) };
    } catch (err) {
      return { kind: 'bad-replay', error: message(err) };
    }
  }
  const [{ connectAndSweep }, { liveSource }] = await Promise.all([import('./command-session.js'), import('./live-source.js')]);
  try {
    // The sweep first: a killed app's containers would otherwise count against the PID budget.
    const { conn, sweptCounts, sweptLine } = await connectAndSweep({ timeoutMs: o.timeoutMs });
    const live = liveSource(conn.docker, o.runIdPrefix);
    return { kind: 'live', source: live.source, close: live.close, conn, sweptCounts, sweptLine };
  } catch {
    // Why no engine answers is `zombie-lab doctor`'s to explain, in full; the commands say where to look.
  }
  const { loadRecording, newestRecording, replaySource } = await replays();
  // The user's own recordings first (`zombie-lab record`), else the one the package ships.
  const file = newestRecording(userRecordingsDir()) ?? newestRecording(RECORDINGS_DIR);
  if (!file) return { kind: 'no-recording' };
  try {
    return { kind: 'fallback', file, source: replaySource(await loadRecording(file)) };
  } catch (err) {
    return { kind: 'broken-recording', file, error: message(err) };
  }
}
