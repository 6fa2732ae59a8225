import { describe, expect, it } from 'vitest';
import { parseStatusMasks } from '../signal-mask.js';
import { identifyPid1 } from './pid1-kind.js';
import { scriptStop } from './script-stop.js';
import type { ProcInfo } from './snapshot.js';
import { dispositionOf, maskName, signalNumber, stopChain } from './stop-chain.js';

// Masks as read from /proc/<pid>/status on Debian 12.
const DEFAULT = parseStatusMasks('SigBlk:\t0\nSigIgn:\t0\nSigCgt:\t0\n');
const DASH = parseStatusMasks('SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\nSigCgt:\t0000000000010002\n');
const TRAPPED = parseStatusMasks('SigBlk:\t0000000000000000\nSigIgn:\t0000000000000004\nSigCgt:\t0000000000014002\n');
const PY = parseStatusMasks('SigBlk:\t0000000000000000\nSigIgn:\t0000000001001000\nSigCgt:\t0000000000000202\n');

const TRAP_WAIT = "#!/bin/bash\ntrap 'kill -TERM $child' TERM\npython3 /work/app.py &\nchild=$!\nwait \"$child\"\n";
const start = { entrypoint: null, cmd: null };
const proc = (pid: number, ppid: number, cmdline: string[], masks = DEFAULT, extra: Partial<ProcInfo> = {}): ProcInfo => ({ pid, ppid, comm: cmdline[0] ?? '?', state: 'S', cmdline, masks, ...extra });

describe('signal numbers', () => {
  it('counts real-time signals as Docker and glibc do, and finds them in the masks', () => {
    expect(signalNumber('SIGRTMIN+3')).toBe(37);
    expect(signalNumber('SIGTERM')).toBe(15);
    expect(maskName('SIGRTMIN+3')).toBe('SIGRT5');
    const masks = parseStatusMasks('SigBlk:\t0000001000000000\nSigIgn:\t0\nSigCgt:\t0\n');
    expect(dispositionOf(masks!, 'SIGRTMIN+3')).toBe('blocked');
    expect(dispositionOf(masks!, 'SIGTERM')).toBe('default');
  });
});

describe('stopChain', () => {
  it('docker-init → sh → app: fast, 143, and the app is SIGKILLed without the signal', () => {
    const id = identifyPid1(['/sbin/docker-init', '--', '/bin/sh', '-c', 'python3 app.py'], null, start);
    const procs = [proc(1, 0, ['/sbin/docker-init', '--', '/bin/sh', '-c', 'python3 app.py']), proc(7, 1, ['/bin/sh', '-c', 'python3 app.py'], DASH, { script: { path: '-c', text: 'python3 app.py' } }), proc(8, 7, ['python3', 'app.py'], PY)];
    expect(stopChain({ identity: id, procs, pid1Masks: DEFAULT, signal: 'SIGTERM' })).toMatchObject({ endsOnSignal: true, expectedExit: 143, appGetsSignal: false, chain: ['docker-init', 'sh', 'python3'] });
  });

  it('dumb-init signals the group: the app behind sh gets it', () => {
    const id = identifyPid1(['dumb-init', '/bin/sh', '-c', 'python3 app.py'], null, start);
    const procs = [proc(1, 0, ['dumb-init']), proc(7, 1, ['/bin/sh', '-c', 'python3 app.py'], DASH), proc(8, 7, ['python3', 'app.py'], PY)];
    expect(stopChain({ identity: id, procs, pid1Masks: DEFAULT, signal: 'SIGTERM' })).toMatchObject({ endsOnSignal: true, expectedExit: 143, appGetsSignal: true });
  });

  it('tini → app with no handler: the app dies of it, 143', () => {
    const id = identifyPid1(['tini', '--', 'python3', 'app.py'], null, start);
    const r = stopChain({ identity: id, procs: [proc(1, 0, ['tini']), proc(6, 1, ['python3', 'app.py'], PY)], pid1Masks: DEFAULT, signal: 'SIGTERM' });
    expect(r).toMatchObject({ endsOnSignal: true, expectedExit: 143, appGetsSignal: true, chain: ['tini', 'python3'] });
  });

  it('a bash script with trap + wait passes SIGTERM on: fast, 143', () => {
    const argv = ['/bin/bash', '/start.sh'];
    const id = identifyPid1(argv, null, start);
    const procs = [proc(1, 0, argv, TRAPPED), proc(6, 1, ['python3', 'app.py'], PY)];
    const r = stopChain({ identity: id, procs, pid1Masks: TRAPPED, pid1Script: { path: '/start.sh', text: TRAP_WAIT }, signal: 'SIGTERM' });
    expect(r).toMatchObject({ endsOnSignal: true, expectedExit: 143, appGetsSignal: true });
    // The same shell with a script that runs the app in the foreground keeps the signal.
    const fg = stopChain({ identity: id, procs, pid1Masks: DASH, pid1Script: { path: '/start.sh', text: '#!/bin/sh\npython3 app.py\n' }, signal: 'SIGTERM' });
    expect(fg).toMatchObject({ endsOnSignal: false, expectedExit: 137, appGetsSignal: false });
    // Unreadable script: judged by the masks, and said so.
    const unread = stopChain({ identity: id, procs, pid1Masks: DASH, pid1Script: { path: '/start.sh', text: null, unreadable: 'EACCES' }, signal: 'SIGTERM' });
    expect(unread?.why).toContain('could not be read (EACCES)');
  });

  it('systemd: SIGTERM does not stop it, SIGRTMIN+3 does', () => {
    const id = identifyPid1(['/lib/systemd/systemd'], null, start);
    expect(stopChain({ identity: id, procs: [proc(1, 0, ['/lib/systemd/systemd'])], pid1Masks: DEFAULT, signal: 'SIGTERM' })).toMatchObject({ endsOnSignal: false, expectedExit: 137 });
    expect(stopChain({ identity: id, procs: [proc(1, 0, ['/lib/systemd/systemd'])], pid1Masks: DEFAULT, signal: 'SIGRTMIN+3' })).toMatchObject({ endsOnSignal: true });
  });

  it('runsvdir exits 0 on SIGTERM leaving its services to SIGKILL; on SIGHUP it stops them (111)', () => {
    const id = identifyPid1(['runsvdir', '-P', '/etc/service'], null, start);
    const procs = [proc(1, 0, ['runsvdir']), proc(6, 1, ['runsv', 'app']), proc(7, 6, ['python3', 'app.py'], PY)];
    expect(stopChain({ identity: id, procs, pid1Masks: DEFAULT, signal: 'SIGTERM' })).toMatchObject({ endsOnSignal: true, expectedExit: 0, appGetsSignal: false, chain: ['runsvdir', 'runsv', 'python3'] });
    expect(stopChain({ identity: id, procs, pid1Masks: DEFAULT, signal: 'SIGHUP' })).toMatchObject({ endsOnSignal: true, expectedExit: 111, appGetsSignal: true });
  });

  it('busybox init is known behind `busybox init`', () => {
    const id = identifyPid1(['busybox', 'init'], null, start);
    expect(id).toMatchObject({ kind: 'init', init: 'busybox-init' });
    expect(identifyPid1(['busybox', 'sh', '-c', 'x'], null, start)).toMatchObject({ kind: 'shell', program: 'sh' });
    expect(stopChain({ identity: id, procs: [proc(1, 0, ['busybox', 'init'])], pid1Masks: DEFAULT, signal: 'SIGTERM' })).toMatchObject({ endsOnSignal: true, expectedExit: 0 });
  });
});

describe('scriptStop (core/shell reads the script)', () => {
  it('trap + wait forwards, 143', () => {
    expect(scriptStop(TRAP_WAIT, 'SIGTERM')).toMatchObject({ kind: 'forwards', exit: 143 });
    expect(scriptStop("trap 'kill -TERM $c' 15; app & c=$!; wait $c", 'SIGTERM')).toMatchObject({ kind: 'forwards', exit: 143 });
    // Through a function, as real entrypoints write it.
    expect(scriptStop("#!/bin/sh\nterm() { kill -TERM \"$child\"; }\ntrap term TERM\napp &\nchild=$!\nwait \"$child\"\n", 'SIGTERM').kind).toBe('forwards');
  });
  it('no trap, a trap that does not kill, or a foreground app: keeps it', () => {
    expect(scriptStop('#!/bin/sh\npython3 app.py\n', 'SIGTERM')).toMatchObject({ kind: 'keeps', why: expect.stringContaining('line 2') as unknown });
    expect(scriptStop("trap 'echo bye' TERM\napp &\nwait\n", 'SIGTERM').kind).toBe('keeps');
    expect(scriptStop("trap 'kill $c' TERM\napp\n", 'SIGTERM').kind).toBe('keeps');
    expect(scriptStop(TRAP_WAIT, 'SIGHUP').kind).toBe('keeps');
  });
});
