/**
 * Every kind of fix `lint` writes out, applied and run on the real engine: the Dockerfile as found
 * is built and run (PID 1 is the shell, `docker stop` ends in SIGKILL, 137), lint's edit is applied
 * to it, and the fixed image is built and run again: it still starts, PID 1 is the program the fix
 * promised (read from the host's /proc, with its arguments whole and its variables expanded), and
 * the stop ends on SIGTERM (143). The base is the lab's own Debian image (dash as /bin/sh), named
 * to lint through `ARG BASE=debian:bookworm-slim` as a learner's Dockerfile would.
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { containerSpec } from '../core/container-spec.js';
import { LABEL_IMAGE } from '../core/labels.js';
import type { LintFinding } from '../core/lint/types.js';
import { createAndStart, removeQuietly, stopTimed } from './containers.js';
import { buildFolder } from './folder-build.js';
import { imageTags } from './images.js';
import { lintPaths } from './lint-files.js';
import { newRunId, ownerFor } from './run-id.js';
import { dockerForTests, waitFor } from '../test-support/docker-for-tests.js';

const conn = await dockerForTests();
const runId = newRunId();
const owner = ownerFor(runId);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'zl-lint-fix-'));
const images: string[] = [];

afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  for (const t of images) await conn?.docker.getImage(t).remove({ force: true }).catch(() => undefined);
});

/** Handles SIGTERM as an app should (exit 143), so a stop that reaches it ends at once. */
const APP = 'import signal, sys, time\nsignal.signal(signal.SIGTERM, lambda *a: sys.exit(143))\ntime.sleep(int(sys.argv[1]) if len(sys.argv) > 1 else 600)\n';

interface Case {
  name: string;
  rule: string;
  dockerfile: string;
  files?: Record<string, string>;
  /** What PID 1 must be after the fix: its command line, and its working folder. */
  cmdline: string[];
  cwd?: string;
}

const HEAD = 'ARG BASE=debian:bookworm-slim\nFROM ${BASE}\nCOPY app.py /app.py\n';
const CASES: Case[] = [
  { name: 'shell form with a quoted argument → exec form', rule: 'shell-form-cmd', dockerfile: `${HEAD}CMD python3 /app.py "600"  \n`, cmdline: ['python3', '/app.py', '600'] },
  { name: 'shell form with a variable → exec inside the shell', rule: 'shell-form-cmd', dockerfile: `${HEAD}ENV SECS=601\nCMD python3 /app.py $SECS\n`, cmdline: ['python3', '/app.py', '601'] },
  { name: 'sh -c with && → exec inside the string', rule: 'json-sh-c', dockerfile: `${HEAD}CMD ["sh", "-c", "cd /tmp && python3 /app.py 602"]\n`, cmdline: ['python3', '/app.py', '602'], cwd: '/tmp' },
  {
    name: 'entrypoint script without exec → exec on its line',
    rule: 'entrypoint-script-no-exec',
    dockerfile: `${HEAD}COPY entry.sh /entry.sh\nRUN chmod +x /entry.sh\nENTRYPOINT ["/entry.sh"]\nCMD ["603"]\n`,
    files: { 'entry.sh': '#!/bin/sh\nset -e\nmkdir -p /tmp/ready\npython3 /app.py "$@"\n' },
    cmdline: ['python3', '/app.py', '603'],
  },
];

function applyEdit(file: string, f: LintFinding): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  const e = f.edit!;
  lines.splice(e.line - 1, e.endLine - e.line + 1, e.text);
  writeFileSync(file, lines.join('\n'));
}

async function buildAndRun(dir: string, tag: string): Promise<{ cmdline: string[]; cwd: string; exitCode: number | null }> {
  const { docker } = conn!;
  images.push(tag);
  await buildFolder(docker, dir, { tags: [tag], what: { kind: 'yours' }, onLine: () => {}, labels: { [LABEL_IMAGE]: tag }, buildargs: { BASE: (await imageTags()).base } });
  const s = await createAndStart(docker, containerSpec({ owner, kind: 'probe', image: tag, cmd: [], limits: { pidsLimit: 16, memoryMb: 64 }, stopTimeoutS: 3 }));
  try {
    const pid = s.initPid;
    const argv = (p: number | string) => readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').filter(Boolean);
    // The app caught SIGTERM: its handler is in place (SigCgt bit 15), so a stop that reaches it ends it.
    const handles = (p: number | string) => (BigInt(`0x${/SigCgt:\s*([0-9a-f]+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? '0'}`) & (1n << 14n)) !== 0n;
    // Ready once python3 runs with its handler: as PID 1 itself, or as the child of a shell that stayed.
    const cmdline = await waitFor(() => {
      try {
        const own = argv(pid);
        if (own[0] === 'python3') return handles(pid) ? own : undefined;
        const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
        return kids.some((k) => argv(k)[0] === 'python3' && handles(k)) ? own : undefined;
      } catch {
        return undefined;
      }
    }, 20_000, 'python3 to run');
    const cwd = realpathSync(`/proc/${pid}/cwd`);
    const stop = await stopTimed(s, 3);
    return { cmdline, cwd, exitCode: stop.exitCode };
  } finally {
    await removeQuietly(s.container);
  }
}

describe.runIf(conn !== null)('lint fixes, built and run', () => {
  it.each(CASES)('$name', async (c) => {
    const dir = mkdtempSync(path.join(tmp, 'case-'));
    writeFileSync(path.join(dir, 'Dockerfile'), c.dockerfile);
    writeFileSync(path.join(dir, 'app.py'), APP);
    for (const [name, text] of Object.entries(c.files ?? {})) writeFileSync(path.join(dir, name), text);
    const findings = lintPaths([dir]).findings.filter((f) => f.rule === c.rule);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.edit, f.fix).toBeDefined();

    // As found: the shell is PID 1, and the stop waits for SIGKILL.
    const before = await buildAndRun(dir, `zombie-lab/lint-fix-${runId}:${CASES.indexOf(c)}-before`);
    expect(['sh', '/bin/sh']).toContain(before.cmdline[0]);
    expect(before.exitCode).toBe(137);

    applyEdit(f.file, f);
    expect(lintPaths([dir]).findings.filter((x) => x.level !== 'note')).toEqual([]);
    const after = await buildAndRun(dir, `zombie-lab/lint-fix-${runId}:${CASES.indexOf(c)}-after`);
    expect(after.cmdline).toEqual(c.cmdline);
    if (c.cwd) expect(after.cwd).toBe(c.cwd);
    expect(after.exitCode).toBe(143);
  });
});
