/** `zombie-lab prepare`: build what is missing, with visible progress; a no-op when nothing changed. */
import { assertPidLimitHolds } from '../engine/engine-facts.js';
import { readyImages, type WayChoice } from '../engine/images.js';
import { connectAndSweep, engineLine, exitCodeFor, interruptScope } from './command-session.js';
import { ProgressLine } from './progress-line.js';
import { reportProblem } from './report-problem.js';

export async function runPrepare(opts: { way?: WayChoice; imagesDir?: string }): Promise<number> {
  const scope = interruptScope();
  // The build's progress on stderr; the report (engine, each image and how it was made) on stdout.
  const progress = new ProgressLine(process.stderr);
  try {
    const { conn, sweptLine } = await connectAndSweep();
    process.stdout.write(`${engineLine(conn)}\n`);
    if (sweptLine) process.stderr.write(`${sweptLine}\n`);
    // Where the lab refuses to run them, the images are of no use (and the build may fail for the
    // same reason, rootless on cgroup v1): the gate's one line, before any build.
    await assertPidLimitHolds(conn.docker);
    await readyImages(conn.docker, { signal: scope.signal, way: opts.way, imagesDir: opts.imagesDir }, (e) => {
      if (e.type === 'build-progress') progress.update(`[${e.image}] ${e.line}`);
      else if (e.type === 'build-done') {
        progress.done();
        const how = e.way === 'cached' ? 'up to date' : e.way === 'offline' ? 'built offline from Debian packages (mmdebstrap)' : e.way === 'registry' ? 'built from the registry image' : 'built';
        process.stdout.write(`${e.image.padEnd(6)} ${e.tag}: ${how}${e.way === 'cached' ? '' : ` in ${(e.ms / 1000).toFixed(1)} s`}\n`);
      }
    });
    return 0;
  } catch (err) {
    progress.done();
    const by = scope.interrupted();
    if (by) {
      process.stderr.write(`zombie-lab: prepare interrupted by ${by}; nothing half-built was tagged\n`);
      return exitCodeFor(by);
    }
    return reportProblem(err);
  } finally {
    scope.dispose();
  }
}
