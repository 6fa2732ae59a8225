/** `zombie-lab prepare`: build what is missing, with visible progress; a no-op when nothing changed. */
import { assertPidLimitHolds } from '../engine/engine-facts.js';
import { readyImages, type WayChoice } from '../engine/images.js';
import { CommandOutput } from './command-output.js';
import { connectAndSweep, engineLine, interruptScope } from './command-session.js';
import { reportProblem } from './report-problem.js';

export async function runPrepare(opts: { way?: WayChoice; imagesDir?: string }): Promise<number> {
  const scope = interruptScope();
  // The build's progress on stderr; the report (engine, each image and how it was made) is prepare's result, on stdout.
  const output = new CommandOutput(false);
  try {
    const { conn, sweptLine } = await connectAndSweep();
    output.result(`${engineLine(conn)}\n`);
    if (sweptLine) output.say(sweptLine);
    // Where the lab refuses to run them, the images are of no use (and the build may fail for the
    // same reason, rootless on cgroup v1): the gate's one line, before any build.
    await assertPidLimitHolds(conn.docker);
    await readyImages(conn.docker, { signal: scope.signal, way: opts.way, imagesDir: opts.imagesDir }, (e) => {
      if (e.type === 'build-progress') output.update(`[${e.image}] ${e.line}`);
      else if (e.type === 'build-done') {
        const how = e.way === 'cached' ? 'up to date' : e.way === 'offline' ? 'built offline from Debian packages (mmdebstrap)' : e.way === 'registry' ? 'built from the registry image' : 'built';
        output.result(`${e.image.padEnd(6)} ${e.tag}: ${how}${e.way === 'cached' ? '' : ` in ${(e.ms / 1000).toFixed(1)} s`}\n`);
      }
    });
    return 0;
  } catch (err) {
    output.done();
    const by = scope.interrupted();
    if (by) return output.interrupted(by, `prepare interrupted by ${by}; nothing half-built was tagged`);
    return reportProblem(err);
  } finally {
    scope.dispose();
  }
}
