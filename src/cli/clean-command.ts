/** `zombie-lab clean [--images] [--all]`: removes what the lab made, and nothing else. */
import { removeLabContainers, removeLabImages } from '../engine/cleanup.js';
import { connectDocker } from '../engine/docker-connect.js';
import { engineLine } from './command-session.js';
import { sweepHostLeftovers } from '../engine/host-leftovers.js';
import { reportProblem } from './report-problem.js';

export async function runClean(opts: { images?: boolean; all?: boolean }): Promise<number> {
  try {
    const conn = await connectDocker();
    const { docker } = conn;
    process.stdout.write(`${engineLine(conn)}\n`);
    const c = await removeLabContainers(docker, { all: opts.all ?? false });
    process.stdout.write(`containers: removed ${c.removed.length}${c.removed.length ? ` (${c.removed.map((x) => x.name).join(', ')})` : ''}\n`);
    if (c.kept.length) {
      process.stdout.write(`containers: kept ${c.kept.length} of a lab that is still running (it removes them when it ends; --all removes them now)\n`);
    }
    for (const f of c.failed) process.stderr.write(`zombie-lab: could not remove ${f.c.name}: ${f.reason}\n`);
    // Temporary folders and cgroups only of lab processes that are gone: a live one still uses its own.
    const h = await sweepHostLeftovers();
    if (h.removed.length) process.stdout.write(`temporary files: removed ${h.removed.length} (${h.removed.join(', ')})\n`);
    for (const f of h.failed) process.stderr.write(`zombie-lab: could not remove ${f.path}: ${f.reason}\n`);
    let failed = c.failed.length + h.failed.length;
    if (opts.images) {
      const i = await removeLabImages(docker);
      process.stdout.write(`images: removed ${i.removed.length}${i.removed.length ? ` (${i.removed.join(', ')})` : ''}\n`);
      for (const f of i.failed) process.stderr.write(`zombie-lab: could not remove image ${f.tag}: ${f.reason}\n`);
      failed += i.failed.length;
    }
    return failed ? 1 : 0;
  } catch (err) {
    return reportProblem(err);
  }
}
