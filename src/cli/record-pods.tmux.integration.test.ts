/**
 * `record --pods` on the real engine (Docker here: the pods are the pause-container emulation),
 * then that recording replayed in the real app in tmux: the pods slide plays the recorded pods
 * run on its lanes (REPLAY, each pod's PID 1, its zombies, its stop and exit code), as the demo
 * slide plays the demo. A recording without pods still says, on the same slide, that pods run
 * live only. Nothing of the recorded runs is left.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecording } from '../core/recording.js';
import { CLI_ENTRY, RECORDINGS_DIR } from '../engine/package-paths.js';
import { newestRecording } from '../engine/replay-source.js';
import { dockerForTests } from '../test-support/docker-for-tests.js';
import { TmuxSession, tmuxForTests } from '../test-support/tmux-session.js';
import { runRecord } from './record-command.js';

const conn = await dockerForTests();
const tmuxOk = tmuxForTests();
const prefix = `h29podrec-${randomBytes(3).toString('hex')}`;
const dir = mkdtempSync(path.join(tmpdir(), 'zl-recpods-'));
const sessions: TmuxSession[] = [];

async function ours(): Promise<string[]> {
  const list = await conn!.docker.listContainers({ all: true, filters: { label: ['zombie-lab'] } });
  return list.filter((c) => (c.Labels['zombie-lab'] ?? '').includes(prefix)).map((c) => c.Names[0] ?? c.Id);
}

afterAll(async () => {
  for (const s of sessions) s.kill();
  rmSync(dir, { recursive: true, force: true });
  if (conn) for (const name of await ours()) await conn.docker.getContainer(name.replace(/^\//, '')).remove({ force: true }).catch(() => undefined);
});

/** A deck of one slide, the pods slide, in both languages. */
function podsDeck(): string {
  const root = path.join(dir, 'deck');
  for (const lang of ['en', 'de']) {
    mkdirSync(path.join(root, lang), { recursive: true });
    writeFileSync(path.join(root, lang, '01-pods.md'), '## Pods\n\n::: lanes pods\n');
  }
  return root;
}

describe.skipIf(!conn || !tmuxOk)('record --pods, replayed on the pods slide', () => {
  it('records the pods run after the demo, and the app replays it on the pods slide: REPLAY, each pod, its zombies and exit code', async () => {
    const out = path.join(dir, 'pods.json');
    expect(await runRecord({ out, durationS: 3, runIdPrefix: prefix, pods: true })).toBe(0);
    expect(await ours()).toEqual([]);
    const rec = parseRecording(readFileSync(out, 'utf8'), out);
    expect(rec.version).toBe(2);
    // The demo as before, and the pods run on the same lanes.
    expect(rec.events.at(-1)?.event.type).toBe('done');
    const pods = rec.pods?.events.map((e) => e.event) ?? [];
    expect(pods.flatMap((e) => (e.type === 'pod' ? [[e.pod, e.emulated]] : []))).toEqual([
      ['app-pid1', true],
      ['shared-pid-ns', true],
      ['tini', true],
    ]);
    const exits = Object.fromEntries(pods.flatMap((e) => (e.type === 'lane' && e.state.kind === 'stopped' ? [[e.mode, e.state.exitCode]] : [])));
    expect(exits).toEqual({ 'no-init': 137, 'dumb-init': 143, init: 143 });
    expect(Math.max(...pods.flatMap((e) => (e.type === 'sample' && e.mode === 'no-init' ? [e.sample.zombies] : [0])))).toBeGreaterThan(0);

    const term = new TmuxSession(`zl-recpods-${process.pid}`, 160, 48);
    sessions.push(term);
    term.start();
    term.run(`ZOMBIE_LAB_SLIDES=${podsDeck()} node ${CLI_ENTRY} --replay ${out} --lang en`);
    await term.waitScreen((s) => (s.includes('r run pods') ? true : undefined), 20_000, 'the pods slide');
    term.keys('r');
    const running = await term.waitScreen((s) => (/zombies [1-9]\d* \(probe \d+\)/.test(s) && s.includes('PID 1: python3') ? s : undefined), 30_000, 'the recorded pods on the lanes');
    for (const text of ['REPLAY', '1 app-pid1', '2 shared-pid-ns', '3 tini', 'PID 1: catatonit', 'PID 1: tini', 'emulated']) expect(running).toContain(text);
    expect(running).not.toContain('live only');
    // s jumps to the recorded stop, as in the demo's replay: the no-init pod waits out its grace period.
    term.keys('s');
    const stopped = await term.waitScreen((s) => (s.includes('exit 137') ? s : undefined), 30_000, 'the recorded stop');
    // The app as PID 1 waited out its pod's grace period (5 s); the others ended on SIGTERM.
    expect(stopped).toMatch(/app-pid1 .*stopped (in )?([5-9]|\d\d)[.,]\d+ s · exit 137/);
    for (const pod of ['shared-pid-ns', 'tini']) expect(stopped, pod).toMatch(new RegExp(`${pod} .*stopped (in )?\\d+[.,]\\d+ s · exit 143`));
    term.keys('q');
    expect(await term.exited(20_000, 'the app to quit')).toMatch(/ZL_EXIT=0\b/);
  }, 180_000);

  it('a recording without pods: the pods slide says they run live only', async () => {
    const old = newestRecording(RECORDINGS_DIR);
    if (!old) throw new Error('no recording committed under recordings/');
    expect(parseRecording(readFileSync(old, 'utf8'), old).pods).toBeUndefined();
    const term = new TmuxSession(`zl-recpods-old-${process.pid}`, 160, 48);
    sessions.push(term);
    term.start();
    term.run(`ZOMBIE_LAB_SLIDES=${podsDeck()} node ${CLI_ENTRY} --replay ${old} --lang en`);
    await term.waitScreen((s) => (s.includes('r run pods') ? true : undefined), 20_000, 'the pods slide');
    term.keys('r');
    await term.waitScreen((s) => (s.replace(/\s+/g, ' ').includes('the pods run live only') ? true : undefined), 20_000, 'the pods slide to say pods run live only');
    term.keys('q');
    expect(await term.exited(20_000, 'the app to quit')).toMatch(/ZL_EXIT=0\b/);
  }, 60_000);
});
