/** `zombie-lab prepare`: build what is missing, with visible progress; a no-op when nothing changed. */
import { removeLabContainers } from '../engine/cleanup.js';
import { connectDocker } from '../engine/docker-connect.js';
import { ensureImages, type WayChoice } from '../engine/images.js';
import { setInterruptHandler } from './exit-cleanup.js';
import { engineLine } from './command-session.js';
import { ProgressLine } from './progress-line.js';
import { reportProblem } from './report-problem.js';

export async function runPrepare(opts: { way?: WayChoice }): Promise<number> {
  const abort = new AbortController();
  const uninstall = setInterruptHandler(() => abort.abort());
  const progress = new ProgressLine(process.stdout);
  try {
    const conn = await connectDocker();
    const { docker } = conn;
    process.stdout.write(`${engineLine(conn)}\n`);
    await removeLabContainers(docker);
    const gen = ensureImages(docker, { signal: abort.signal, ...(opts.way ? { way: opts.way } : {}) });
    for (;;) {
      const r = await gen.next();
      if (r.done) break;
      const e = r.value;
      if (e.type === 'build-progress') progress.update(`[${e.image}] ${e.line}`);
      else if (e.type === 'build-done') {
        progress.done();
        const how = e.way === 'cached' ? 'up to date' : e.way === 'offline' ? 'built offline from Debian packages (mmdebstrap)' : e.way === 'registry' ? 'built from the registry image' : 'built';
        process.stdout.write(`${e.image.padEnd(6)} ${e.tag}: ${how}${e.way === 'cached' ? '' : ` in ${(e.ms / 1000).toFixed(1)} s`}\n`);
      }
    }
    return 0;
  } catch (err) {
    progress.done();
    if (abort.signal.aborted) {
      process.stderr.write('zombie-lab: prepare interrupted; nothing half-built was tagged\n');
      return 130;
    }
    return reportProblem(err);
  } finally {
    uninstall();
  }
}
