/** `zombie-lab clean [--images] [--all]`: removes what the lab made, and nothing else. */
import { removeLabContainers, removeLabImages } from '../engine/cleanup.js';
import { connectDocker } from '../engine/docker-connect.js';
import { CommandOutput } from './command-output.js';
import { engineLine } from './command-session.js';
import { sweepHostLeftovers } from '../engine/host-leftovers.js';
import { reportProblem } from './report-problem.js';

export async function runClean(opts: { images?: boolean; all?: boolean }): Promise<number> {
  // What was removed is clean's result (stdout); what could not be, a problem (stderr).
  const output = new CommandOutput(false);
  try {
    const conn = await connectDocker();
    const { docker } = conn;
    output.result(`${engineLine(conn)}\n`);
    const c = await removeLabContainers(docker, { all: opts.all ?? false });
    output.result(`containers: removed ${c.removed.length}${c.removed.length ? ` (${c.removed.map((x) => x.name).join(', ')})` : ''}\n`);
    if (c.kept.length) {
      output.result(`containers: kept ${c.kept.length} of a lab that is still running (it removes them when it ends; --all removes them now)\n`);
    }
    for (const f of c.failed) output.problem({ message: `could not remove ${f.c.name}: ${f.reason}` });
    // Temporary folders and cgroups only of lab processes that are gone: a live one still uses its own.
    const h = await sweepHostLeftovers();
    if (h.removed.length) output.result(`temporary files: removed ${h.removed.length} (${h.removed.join(', ')})\n`);
    for (const f of h.failed) output.problem({ message: `could not remove ${f.path}: ${f.reason}` });
    let failed = c.failed.length + h.failed.length;
    if (opts.images) {
      const i = await removeLabImages(docker);
      output.result(`images: removed ${i.removed.length}${i.removed.length ? ` (${i.removed.join(', ')})` : ''}\n`);
      for (const f of i.failed) output.problem({ message: `could not remove image ${f.tag}: ${f.reason}` });
      failed += i.failed.length;
    }
    return failed ? 1 : 0;
  } catch (err) {
    return reportProblem(err);
  }
}
