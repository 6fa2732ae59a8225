import { describe, expect, it } from 'vitest';
import { snap } from '../../test-support/namespace-snapshot.js';
import { parseStatusMasks } from '../signal-mask.js';
import { diagnose, execFormOf, exitCodeFor, growthPerSecond, parseFailOn, shortVerdict } from './diagnosis.js';
import { identifyPid1 } from './pid1-kind.js';
import { lastingZombies, type ContainerFacts, type ProcInfo } from './snapshot.js';

// Masks as read from /proc/<pid>/status of real containers on Debian 12 (bookworm).
const MASKS = {
  python3: 'SigBlk:\t0000000000000000\nSigIgn:\t0000000001001000\nSigCgt:\t0000000000000202\n',
  tini: 'SigBlk:\t0000000000000000\nSigIgn:\t0000000000300000\nSigCgt:\t0000000000000000\n',
  dumbInit: 'SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\nSigCgt:\t000000007ffbfeff\n',
  catatonit: 'SigBlk:\tfffffffe3ffbfa07\nSigIgn:\t0000000000000000\nSigCgt:\t0000000000000000\n',
  dash: 'SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\nSigCgt:\t0000000000010002\n',
  handler: 'SigBlk:\t0000000000000000\nSigIgn:\t0000000001001000\nSigCgt:\t0000000000004202\n',
};

const facts = (over: Partial<ContainerFacts> = {}): ContainerFacts => ({
  id: 'abc',
  name: 'x',
  image: 'img',
  entrypoint: null,
  cmd: ['python3', 'app.py'],
  init: false,
  stopSignal: null,
  stopTimeoutS: null,
  pidsLimit: 256,
  startedBy: { kind: 'docker' },
  restartCount: 0,
  labels: {},
  ...over,
});


const zombie = (pid: number, ppid: number): ProcInfo => ({ pid, ppid, comm: 'python3', state: 'Z' });

describe('identifyPid1', () => {
  it('knows the inits, also behind an interpreter', () => {
    expect(identifyPid1(['/sbin/docker-init', '--', 'python3'], null, { entrypoint: null, cmd: null }).init).toBe('docker-init');
    expect(identifyPid1(['/usr/bin/python3', '/usr/bin/supervisord', '-n'], null, { entrypoint: null, cmd: null }).init).toBe('supervisord');
    expect(identifyPid1(['/pause'], null, { entrypoint: null, cmd: null }).init).toBe('pause');
    expect(identifyPid1(['python3', 'app.py'], null, { entrypoint: null, cmd: null }).kind).toBe('app');
  });
  it('tells a shell from shell form apart from a script', () => {
    const sf = identifyPid1(['/bin/sh', '-c', 'python3 app.py'], null, { entrypoint: null, cmd: ['/bin/sh', '-c', 'python3 app.py'] });
    expect(sf).toMatchObject({ kind: 'shell', shellForm: true, shellFromShellForm: true });
    const script = identifyPid1(['bash', '/work/start.sh'], null, { entrypoint: ['/work/start.sh'], cmd: null });
    expect(script).toMatchObject({ kind: 'shell', shellFromShellForm: false, script: '/work/start.sh' });
    // bash -c execs a lone command: PID 1 is the app, though the config had the shell form.
    const execd = identifyPid1(['python3', 'app.py'], null, { entrypoint: null, cmd: ['/bin/sh', '-c', 'python3 app.py'] });
    expect(execd).toMatchObject({ kind: 'app', shellForm: true });
  });
});

describe('diagnose', () => {
  it('python3 as PID 1: SIGTERM dropped, SIGINT handled, 137 predicted', () => {
    const d = diagnose({ facts: facts(), snapshot: snap(['python3', 'app.py'], MASKS.python3) });
    expect(d.stop).toMatchObject({ endsOnSignal: false, expectedExit: 137, timeoutS: 10 });
    expect(d.stop.text).toContain('wait the full 10 s and SIGKILL it (exit 137)');
    expect(d.signals.find((s) => s.signal === 'SIGINT')?.effect).toBe('handled');
    expect(d.findings.map((f) => f.id)).toEqual(['stop-signal-dropped']);
    expect(shortVerdict(d)).toBe('app python3 · 0 zombies · drops SIGTERM (137 after 10 s)');
    // With STOPSIGNAL SIGINT python ends (KeyboardInterrupt).
    expect(diagnose({ facts: facts({ stopSignal: 'SIGINT' }), snapshot: snap(['python3'], MASKS.python3) }).stop.endsOnSignal).toBe(true);
  });

  it("python3 as a pod's main process, not its namespace's PID 1: SIGTERM's default action kills it (143)", () => {
    const d = diagnose({ facts: facts(), snapshot: snap(['python3', 'app.py'], MASKS.python3), notPid1: true });
    expect(d.stop).toMatchObject({ endsOnSignal: true, expectedExit: 143, appGetsSignal: true });
    expect(d.signals[0]).toMatchObject({ signal: 'SIGTERM', disposition: 'default', effect: 'handled' });
    expect(d.findings.map((f) => f.id)).toEqual([]);
    expect(diagnose({ facts: facts(), snapshot: snap(['python3', 'app.py'], MASKS.python3), notPid1: true, lang: 'de' }).stop.text).toContain('nicht PID 1');
  });

  it('tini is judged by name, not by its misleading masks', () => {
    const d = diagnose({ facts: facts({ init: true }), snapshot: snap(['/sbin/docker-init', '--', 'python3'], MASKS.tini) });
    expect(d.stop.endsOnSignal).toBe(true);
    expect(d.signals[0]?.judgedBy).toContain('sigtimedwait');
    expect(d.findings).toEqual([]);
    expect(d.verdict).toMatch(/^ok: PID 1 is init docker-init, ends on SIGTERM, 0 zombies/);
  });

  it('catatonit blocks and reads signals; dumb-init catches them', () => {
    expect(diagnose({ facts: facts(), snapshot: snap(['catatonit', '--', 'x'], MASKS.catatonit) }).stop.endsOnSignal).toBe(true);
    expect(diagnose({ facts: facts(), snapshot: snap(['dumb-init', 'x'], MASKS.dumbInit) }).stop.endsOnSignal).toBe(true);
  });

  it('dash from a shell-form CMD: shell finding, exec-form fix, the SIGINT handler does not count', () => {
    const cmd = ['/bin/sh', '-c', 'python3 app.py'];
    const d = diagnose({ facts: facts({ cmd, stopSignal: 'SIGINT' }), snapshot: snap(cmd, MASKS.dash) });
    expect(d.signals[0]).toMatchObject({ signal: 'SIGINT', disposition: 'caught', effect: 'deferred' });
    expect(d.findings.map((f) => f.id).sort()).toEqual(['shell-pid1', 'stop-signal-dropped']);
    expect(d.findings.find((f) => f.id === 'shell-pid1')?.fix[0]).toBe('Dockerfile: exec form instead of shell form: CMD ["python3", "app.py"]');
  });

  it('zombies under PID 1 vs under a live parent, each with its own fix', () => {
    const procs = [{ pid: 7, ppid: 1, comm: 'worker', state: 'S' }, zombie(8, 1), zombie(9, 1), zombie(10, 7)];
    const d = diagnose({ facts: facts({ startedBy: { kind: 'compose', project: 'p', service: 'web' } }), snapshot: snap(['python3', 'app.py'], MASKS.handler, procs) });
    const under = d.findings.find((f) => f.id === 'zombies-under-pid1');
    expect(under?.message).toMatch(/^2 zombies under PID 1/);
    expect(under?.fix[0]).toBe('compose: add `init: true` to service "web"');
    const live = d.findings.find((f) => f.id === 'zombies-live-parent');
    expect(live?.message).toMatch(/^1 zombie under worker \(PID 7\)/);
    expect(live?.message).toContain('an init cannot reap these');
    expect(d.stop.endsOnSignal).toBe(true);
  });

  it('one zombie under an init is a reap in flight, not a finding', () => {
    const d = diagnose({ facts: facts(), snapshot: snap(['tini', '--', 'x'], MASKS.tini, [zombie(5, 1)]) });
    expect(d.findings).toEqual([]);
  });

  it('no PID limit names pid_max; a full table and refused forks are findings', () => {
    const none = diagnose({ facts: facts({ pidsLimit: null }), snapshot: snap(['tini'], MASKS.tini, [], { pids: { used: 2, limit: null, refusedForks: null } }) });
    expect(none.findings.map((f) => f.id)).toEqual(['no-pids-limit']);
    expect(none.findings[0]?.message).toContain('32768');
    const full = diagnose({ facts: facts(), snapshot: snap(['tini'], MASKS.tini, [], { pids: { used: 250, limit: 256, refusedForks: 3 } }) });
    expect(full.findings.map((f) => f.id)).toEqual(['pids-near-limit', 'refused-forks']);
  });

  it('kubernetes gets shareProcessNamespace as the init fix', () => {
    const d = diagnose({ facts: facts({ startedBy: { kind: 'kubernetes', pod: 'p', namespace: 'd', container: 'c' } }), snapshot: snap(['python3'], MASKS.python3, [zombie(4, 1)]) });
    expect(d.findings.find((f) => f.id === 'zombies-under-pid1')?.fix[0]).toContain('shareProcessNamespace: true');
  });
});

describe('helpers', () => {
  it('exec form only for plain commands', () => {
    expect(execFormOf('node server.js --port 80')).toBe('["node", "server.js", "--port", "80"]');
    expect(execFormOf('cd /app && node server.js')).toBeNull();
    expect(execFormOf('exec node server.js')).toBeNull();
  });
  it('growth per second by least squares', () => {
    expect(growthPerSecond([{ t: 0, zombies: 0 }, { t: 1000, zombies: 10 }, { t: 2000, zombies: 20 }])).toBeCloseTo(10);
    expect(growthPerSecond([{ t: 0, zombies: 5 }])).toBe(0);
  });
  it('lasting zombies are the ones in both snapshots', () => {
    expect(lastingZombies([zombie(5, 1), zombie(6, 1)], [zombie(6, 1), zombie(7, 1)]).map((p) => p.pid)).toEqual([6]);
  });
  it('--fail-on and the exit code', () => {
    expect(() => parseFailOn('zombies,nope')).toThrow(/unknown category "nope"/);
    const f = [{ id: 'no-pids-limit' as const, category: 'no-pids-limit' as const, message: '', fix: [] }];
    expect(exitCodeFor(f, null)).toBe(1);
    expect(exitCodeFor(f, parseFailOn('zombies,sigterm'))).toBe(0);
    expect(exitCodeFor([], null)).toBe(0);
  });
});

describe('diagnose with the zombies followed and the chain', () => {
  const reaping = (verdict: 'reaps' | 'does-not-reap', comm: string) => ({ watchedMs: 6000, oldestAgeS: 4, parents: [{ pid: 1, comm, isPid1: true, verdict, seen: 6, gone: verdict === 'reaps' ? 6 : 0, longestSeenMs: verdict === 'reaps' ? 4200 : 6600 }] });
  it('a slow reaper (runsvdir, zombies up to 5 s) is not blamed; a non-reaper is, whatever the count', () => {
    const procs = [zombie(8, 1), zombie(9, 1), zombie(10, 1), zombie(11, 1)];
    const slow = diagnose({ facts: facts({ stopSignal: 'SIGHUP' }), snapshot: snap(['runsvdir', '-P', '/etc/service'], MASKS.handler, procs), reaping: reaping('reaps', 'runsvdir') });
    expect(slow.findings.map((f) => f.id)).not.toContain('zombies-under-pid1');
    const none = diagnose({ facts: facts(), snapshot: snap(['tini', '--', 'x'], MASKS.tini, [zombie(5, 1)]), reaping: reaping('does-not-reap', 'tini') });
    expect(none.findings.map((f) => f.id)).toContain('zombies-under-pid1');
    expect(none.findings[0]?.message).toContain('one lasted 6.6 s');
  });
  it('systemd: SIGTERM dropped, and the fix is SIGRTMIN+3 the way it was started', () => {
    const d = diagnose({ facts: facts({ startedBy: { kind: 'compose', project: 'p', service: 'os' } }), snapshot: snap(['/lib/systemd/systemd'], MASKS.catatonit) });
    expect(d.stop).toMatchObject({ endsOnSignal: false, expectedExit: 137 });
    expect(d.signals[0]?.judgedBy).toContain('SIGRTMIN+3');
    expect(d.findings.find((f) => f.id === 'stop-signal-dropped')?.fix).toEqual(['systemd stops on SIGRTMIN+3, not SIGTERM: compose: `stop_signal: SIGRTMIN+3` for service "os"', 'or in the Dockerfile: STOPSIGNAL SIGRTMIN+3']);
    expect(diagnose({ facts: facts({ stopSignal: 'SIGRTMIN+3' }), snapshot: snap(['/lib/systemd/systemd'], MASKS.catatonit) }).stop.endsOnSignal).toBe(true);
  });
  it('docker-init → sh → app: app-sigkilled with an exec-form fix', () => {
    const cmd = ['/bin/sh', '-c', 'python3 app.py'];
    const procs: ProcInfo[] = [
      { pid: 7, ppid: 1, comm: 'sh', state: 'S', cmdline: cmd, masks: parseStatusMasks(MASKS.dash) },
      { pid: 8, ppid: 7, comm: 'python3', state: 'S', cmdline: ['python3', 'app.py'], masks: parseStatusMasks(MASKS.python3) },
    ];
    const d = diagnose({ facts: facts({ init: true, cmd }), snapshot: snap(['/sbin/docker-init', '--', ...cmd], MASKS.tini, procs) });
    expect(d.stop).toMatchObject({ endsOnSignal: true, expectedExit: 143, appGetsSignal: false, chain: ['docker-init', 'sh', 'python3'] });
    const f = d.findings.find((x) => x.id === 'app-sigkilled');
    expect(f?.message).toMatch(/^the app \(python3\) never gets SIGTERM/);
    expect(f?.fix[0]).toBe('Dockerfile: exec form, so the init\'s child is the app: CMD ["python3", "app.py"]');
  });
  it('a bash script with trap + wait: ends on SIGTERM (143), no shell finding', () => {
    const text = "#!/bin/bash\ntrap 'kill -TERM $child' TERM\npython3 app.py &\nchild=$!\nwait \"$child\"\n";
    const trapped = 'SigBlk:\t0000000000000000\nSigIgn:\t0000000000000004\nSigCgt:\t0000000000014002\n';
    const s = snap(['/bin/bash', '/start.sh'], trapped, [{ pid: 6, ppid: 1, comm: 'python3', state: 'S', cmdline: ['python3', 'app.py'], masks: parseStatusMasks(MASKS.python3) }]);
    s.pid1.script = { path: '/start.sh', text };
    const d = diagnose({ facts: facts({ entrypoint: ['/start.sh'], cmd: null }), snapshot: s });
    expect(d.stop).toMatchObject({ endsOnSignal: true, expectedExit: 143, appGetsSignal: true });
    expect(d.signals[0]).toMatchObject({ signal: 'SIGTERM', effect: 'handled' });
    expect(d.findings).toEqual([]);
    // Read through the sidecar the script is not read: a trap is set, so it cannot be told, and nothing is asserted.
    s.pid1.script = { path: '/start.sh', text: null, unreadable: 'read through the sampler sidecar, which does not read files' };
    const unsure = diagnose({ facts: facts({ entrypoint: ['/start.sh'], cmd: null }), snapshot: s });
    expect(unsure.stop).toMatchObject({ certain: false, endsOnSignal: false, expectedExit: null, appGetsSignal: null });
    expect(unsure.stop.text).toMatch(/^cannot tell whether docker stop ends on SIGTERM/);
    expect(unsure.findings).toEqual([]);
    // Without a trap (dash's masks), an unread script still decides nothing: the kernel drops SIGTERM.
    const plain = diagnose({ facts: facts({ entrypoint: ['/start.sh'], cmd: null }), snapshot: { ...s, pid1: { ...s.pid1, masks: parseStatusMasks(MASKS.dash) } } });
    expect(plain.stop).toMatchObject({ certain: true, endsOnSignal: false, expectedExit: 137 });
  });
});
