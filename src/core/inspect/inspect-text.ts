/**
 * Every word `inspect` says, in both languages: one table each, as problem-text.ts does for the
 * engine's problems. Finding ids, categories, dispositions and effects are never translated (JSON
 * keeps them); the messages, fixes, verdicts, predictions and the text report are. The mapped types
 * make a missing translation a compile error; inspect-text.test.ts checks each id has its own words.
 */
import type { Lang } from '../lang.js';
import type { FindingId } from './finding-ids.js';

/** A finding's id (diagnosis.ts's FINDING_IDS, the one list): the same in every language and in JSON. */
export type InspectFindingId = FindingId;

/** How each kind of PID 1 is judged (signal-verdict.ts's JUDGED_BY). */
export type JudgedById = 'sigtimedwait' | 'signalfd' | 'dumbInit' | 'pause' | 'caught' | 'ignored' | 'blocked' | 'default' | 'shell' | 'systemdTerm' | 'systemdHalt' | 'busyboxInit' | 'supervisor' | 'noMasks' | 'notPid1';

export type StartedByWords = { kind: 'compose'; project: string; service: string } | { kind: 'kubernetes'; namespace: string; pod: string; container: string } | { kind: 'run' };

export interface InspectText {
  /** A short name of each finding (docs, lists). */
  findings: Record<InspectFindingId, string>;
  judgedBy: Record<JudgedById, string>;
  /** A signal's disposition in PID 1 and its effect on `docker stop` (the ids stay in JSON). Keys as in stop-chain.ts and signal-verdict.ts. */
  disposition: Record<'caught' | 'ignored' | 'blocked' | 'default', string>;
  effect: Record<'handled' | 'dropped' | 'deferred', string>;
  // Findings
  zombiesUnderPid1: (count: number, program: string, lastedS: string | null, growth: string | null) => string;
  initShouldReap: (program: string) => string;
  zombiesLiveParent: (count: number, comm: string, pid: number) => string;
  liveParentFix: (comm: string) => string[];
  appSigkilled: (app: string, signal: string, why: string) => string;
  shellPid1: (program: string, shellForm: string | null, script: string | null, signal: string) => string;
  noPidsLimit: (pidMax: string, fromHost: boolean) => string;
  pidsNear: (used: number, limit: number) => string;
  pidsNearFix: string;
  refused: (n: number) => string;
  refusedFix: string;
  theApp: string;
  // Fixes
  addInit: { compose: (service: string) => string; kubernetes: string; run: string; dockerfile: string; lead: (l: string) => string };
  shellExecForm: (which: string, exec: string) => string;
  shellExecLast: (which: string) => string;
  execNotEnough: string;
  scriptExec: (script: string) => string;
  scriptNotEnough: string;
  makeAppPid1: string;
  stopSignalRun: (signal: string, compose: string | null) => string;
  stopSignalDockerfile: (signal: string) => string;
  runsvdirFirst: (l: string) => string;
  appKilledExecForm: (which: string, exec: string) => string;
  appKilledShellExec: (shell: string) => string;
  appKilledGroup: string;
  appKilledInitChild: string;
  systemdStop: (signal: string, l: string) => string;
  handler: (signal: string) => string;
  initNoAct: (program: string, signal: string) => string;
  pidsLimitFix: { compose: (service: string) => string; kubernetes: string; run: string };
  // Judgements and predictions
  trapUncertain: (why: string) => string;
  trapWaits: (signal: string, why: string) => string;
  killStop: string;
  endsOnSignal: (signal: string, timeoutS: number) => string;
  diesOfSignal: (signal: string, code: number, timeoutS: number) => string;
  shellDefers: string;
  pid1Ignores: (signal: string) => string;
  pid1NoHandler: (signal: string) => string;
  willWait: (timeoutS: number, why: string) => string;
  exitApps: string;
  exitCode: (n: number) => string;
  cannotTell: (signal: string, timeoutS: number, why: string) => string;
  endsBefore: (signal: string, exit: string, timeoutS: number, why: string) => string;
  verdict: (problems: number, kind: 'init' | 'shell' | 'app', program: string, sig: string, zombies: number) => string;
  sigCannotTell: (signal: string) => string;
  sigEnds: (signal: string) => string;
  sigDropped: (signal: string, timeoutS: number) => string;
  // The chain (stop-chain.ts) and scripts (script-stop.ts)
  chain: {
    runsvdirTerm: string;
    runsvdirHup: string;
    supervisord: (signal: string) => string;
    systemdHalt: string;
    systemdTerm: string;
    s6: string;
    busybox: string;
    noScript: string;
    unreadable: (path: string, why: string) => string;
    passesOn: (program: string, signal: string, why: string) => string;
    trapUnknown: (program: string, signal: string, why: string) => string;
    groupDies: (program: string, signal: string) => string;
    diesAppNot: (program: string, signal: string, unseen: string) => string;
    keeps: (program: string, trap: boolean, signal: string) => string;
    handler: (program: string, signal: string) => string;
    ignores: (program: string, signal: string) => string;
    dies: (program: string, signal: string, code: number, unseen: string) => string;
    unseen: string;
    forwards: (pid1: string, signal: string, group: boolean, why: string) => string;
    pid1PassesOn: (pid1: string, signal: string, why: string) => string;
    pid1TrapUnknown: (pid1: string, signal: string, why: string) => string;
    noTrapDrops: (why: string, signal: string) => string;
    pid1NoExec: (pid1: string, why: string) => string;
  };
  script: {
    empty: string;
    unparsed: (err: string) => string;
    decides: (what: string) => string;
    forwards: (signal: string, code: number) => string;
    otherSignal: (signal: string) => string;
    line: (line: number, text: string, signal: string) => string;
    noTrap: (signal: string) => string;
  };
  // The text report
  startedBy: (s: StartedByWords) => string;
  kind: { init: string; shell: string; app: string };
  shellFormNote: string;
  execdNote: string;
  labels: { signals: string; stop: string; chain: string; zombies: string; reaping: string; watch: string; pids: string; verdict: string; fix: string };
  stopLine: (signal: string, timeoutS: number, text: string) => string;
  chainNoSignal: (app: string, signal: string) => string;
  zombiesUnder: (count: number, who: string) => string;
  pid1Who: (comm: string) => string;
  otherWho: (comm: string, pid: number) => string;
  zombiesNow: (count: number, parents: string, oldestS: number | null) => string;
  reapNone: (s: string) => string;
  reapAllWent: (s: string) => string;
  reapWords: { reaps: string; 'does-not-reap': string; 'not-judged': string };
  reapLasted: (s: string) => string;
  reapWent: (gone: number, seen: number, s: string) => string;
  reapSeen: (s: string) => string;
  watch: (seconds: number, growth: number, first: number, last: number) => string;
  pidsLine: (used: string, limit: number | null, pidMax: string, fromHost: boolean, refused: number | null) => string;
  readVia: (sidecar: boolean, why: string) => string;
  state: { paused: (when: string) => string; exited: (code: number | null, when: string) => string; removed: (when: string) => string; restarted: (when: string) => string; during: string };
  noVerdict: string;
  noContainers: (endpoint: string) => string;
  summary: (done: number, problems: number, notJudged: number, errors: number, failOn: string | null) => string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const s1 = (ms: number) => (ms / 1000).toFixed(1);

const EN: InspectText = {
  findings: {
    'zombies-under-pid1': 'zombies under PID 1, which does not reap',
    'zombies-live-parent': 'zombies under a live parent that never waits',
    'stop-signal-dropped': 'the stop signal is dropped: docker stop waits its timeout',
    'app-sigkilled': 'the app never gets the stop signal and is SIGKILLed',
    'shell-pid1': 'a shell is PID 1 and did not exec the app',
    'no-pids-limit': 'no PID limit',
    'pids-near-limit': 'PIDs near the limit',
    'refused-forks': 'forks refused at the PID limit',
  },
  judgedBy: {
    sigtimedwait: 'tini and docker-init wait for signals with sigtimedwait(): while they wait /proc shows them neither caught nor blocked, so the masks mislead; they forward SIGTERM and SIGINT to their child',
    signalfd: 'blocked and read with signalfd (catatonit, s6-svscan, systemd): the signal waits for PID 1, which acts on it',
    dumbInit: 'dumb-init catches every signal and forwards it to its child (by default to the whole process group)',
    pause: "Kubernetes' pause handles SIGINT and SIGTERM and exits",
    caught: 'in SigCgt: PID 1 has a handler for it',
    ignored: 'in SigIgn: PID 1 ignores it',
    blocked: 'in SigBlk: the signal waits until PID 1 unblocks or reads it',
    default: "default action: the kernel drops it for a namespace's PID 1 (only a signal PID 1 has a handler for reaches it; SIGKILL and SIGSTOP only from an ancestor namespace, the host)",
    shell: 'a shell that did not exec: its handlers (and `trap`) run only after the command it is waiting for ends, and that command never gets the signal',
    systemdTerm: 'systemd re-executes itself on SIGTERM and goes on running (systemd(1)); it halts on SIGRTMIN+3',
    systemdHalt: 'systemd halts on SIGRTMIN+3: it stops its units and exits (systemd(1))',
    busyboxInit: "BusyBox's init waits for signals without a handler (/proc shows none): on SIGTERM, SIGUSR1 or SIGUSR2 it sends SIGTERM to every process, SIGKILL a second later, and ends",
    supervisor: 'a supervisor acting on it its own way (see the stop line)',
    noMasks: 'the masks could not be read; judged as the default action',
    notPid1: "default action: this main process is not its namespace's PID 1 (a pod's shared PID namespace), so the kernel delivers it and the process dies of it",
  },
  zombiesUnderPid1: (count, program, lastedS, growth) =>
    `${plural(count, 'zombie', 'zombies')} under PID 1 (${program}), which does not reap the orphans it adopts${lastedS ? `; one lasted ${lastedS} s, longer than any init waits to reap` : ''}${growth ? `; growing by ${growth}/s` : ''}`,
  initShouldReap: (program) => `${program} as PID 1 should reap these at once: check that it is not stopped (state T) and is a version that reaps; dumb-init's --single-child changes only how signals are forwarded, not reaping`,
  zombiesLiveParent: (count, comm, pid) => `${plural(count, 'zombie', 'zombies')} under ${comm} (PID ${pid}), a live parent that never waits for its children: an init cannot reap these (they are not orphans)`,
  liveParentFix: (comm) => [`${comm} must wait for its children: waitpid / subprocess.wait() / a SIGCHLD handler that reaps`, 'they go only when it waits, or when it exits (then PID 1 adopts them: have an init there)'],
  appSigkilled: (app, signal, why) => `the app (${app}) never gets ${signal}: ${why}; it is SIGKILLed with no chance to clean up`,
  shellPid1: (program, shellForm, script, signal) => `PID 1 is the shell ${program}${shellForm ? `, put there by a shell-form ${shellForm}` : script ? ` running ${script}` : ''}: it did not exec the app, so the app never gets ${signal}`,
  noPidsLimit: (pidMax, fromHost) => `no PID limit: a zombie pile or a fork bomb here can use up ${fromHost ? `the host's ${pidMax} PIDs (pid_max)` : `the host's PIDs (pid_max is ${pidMax} as the container sees it; the host's own may be lower)`} for every container`,
  pidsNear: (used, limit) => `${used} of ${limit} PIDs used: new processes will soon be refused (fork: Resource temporarily unavailable)`,
  pidsNearFix: 'find what holds them (zombies above?)',
  refused: (n) => `${n} fork${n === 1 ? ' was' : 's were'} refused at the PID limit`,
  refusedFix: 'the container ran out of PIDs: stop the pile (zombies?) or raise the limit',
  theApp: 'the app',
  addInit: {
    compose: (service) => `compose: add \`init: true\` to service "${service}"`,
    kubernetes: 'pod spec: `shareProcessNamespace: true` makes the pause container PID 1, and it reaps orphans',
    run: 'docker run --init … (Docker puts tini in front as PID 1)',
    dockerfile: 'or in the Dockerfile: ENTRYPOINT ["tini", "--"] (or ["dumb-init", "--"]) before your command',
    lead: (l) => `or put an init in front, which forwards it: ${l}`,
  },
  shellExecForm: (which, exec) => `Dockerfile: exec form instead of shell form: ${which} ${exec}`,
  shellExecLast: (which) => `Dockerfile: start the last command with \`exec\` (${which} ["sh", "-c", "… && exec your-app"]), or use exec form`,
  execNotEnough: 'exec alone is not enough when the app starts children: it then is PID 1 and must reap them; add an init too',
  scriptExec: (script) => `${script}: put \`exec\` before the final command, so the app replaces the shell as PID 1 and gets SIGTERM`,
  scriptNotEnough: 'that alone is not enough when the app starts children (it then must reap them): put an init in front too',
  makeAppPid1: 'make the app PID 1 with exec form (or `exec` in the script), behind an init',
  stopSignalRun: (signal, compose) => (compose ? `compose: \`stop_signal: ${signal}\` for service "${compose}"` : `docker run --stop-signal ${signal} …`),
  stopSignalDockerfile: (signal) => `or in the Dockerfile: STOPSIGNAL ${signal}`,
  runsvdirFirst: (l) => `make runsvdir stop each service first: ${l}`,
  appKilledExecForm: (which, exec) => `Dockerfile: exec form, so the init's child is the app: ${which} ${exec}`,
  appKilledShellExec: (shell) => `make ${shell} exec the app: \`exec\` before its last command (in the script or the sh -c string)`,
  appKilledGroup: 'or have the init signal the whole process group (tini -g; dumb-init does by default)',
  appKilledInitChild: 'make the app the process the init starts (exec form, or exec in the script)',
  systemdStop: (signal, l) => `systemd stops on SIGRTMIN+3, not ${signal}: ${l}`,
  handler: (signal) => `handle ${signal} in the app (Python: signal.signal(signal.${signal}, handler); Node: process.on('${signal}', …); Go: signal.Notify)`,
  initNoAct: (program, signal) => `the init ${program} does not act on ${signal}: check its STOPSIGNAL and options`,
  pidsLimitFix: { compose: (service) => `compose: \`pids_limit: 256\` for service "${service}"`, kubernetes: "Kubernetes: set the kubelet's podPidsLimit (PIDs per pod)", run: 'docker run --pids-limit 256 …' },
  trapUncertain: (why) => `a trap is set; whether it runs at once (the script sits in wait) or only after the app ends cannot be told: ${why}`,
  trapWaits: (signal, why) => `its script traps ${signal} and waits: ${why}`,
  killStop: 'STOPSIGNAL is SIGKILL: it ends at once, with no chance to clean up (exit 137)',
  endsOnSignal: (signal, timeoutS) => `ends on ${signal}: PID 1 acts on it (docker stop does not need its ${timeoutS} s timeout)`,
  diesOfSignal: (signal, code, timeoutS) => `ends on ${signal} (exit ${code}): not PID 1, the process dies of it (docker stop does not need its ${timeoutS} s timeout)`,
  shellDefers: 'the shell acts only after its command ends',
  pid1Ignores: (signal) => `PID 1 ignores ${signal}`,
  pid1NoHandler: (signal) => `PID 1 has no handler for ${signal}, so the kernel drops it`,
  willWait: (timeoutS, why) => `docker stop will wait the full ${timeoutS} s and SIGKILL it (exit 137): ${why}`,
  exitApps: "the exit code is the app's",
  exitCode: (n) => `exit ${n}`,
  cannotTell: (signal, timeoutS, why) => `cannot tell whether docker stop ends on ${signal} or waits the full ${timeoutS} s (then exit 137): ${why} (inspect reads scripts where the engine runs on this host's kernel)`,
  endsBefore: (signal, exit, timeoutS, why) => `ends on ${signal} (${exit}), well before the ${timeoutS} s timeout: ${why}`,
  verdict: (problems, kind, program, sig, zombies) => `${problems === 0 ? 'ok' : plural(problems, 'problem', 'problems')}: PID 1 is ${kind} ${program}, ${sig}, ${plural(zombies, 'zombie', 'zombies')}`,
  sigCannotTell: (signal) => `${signal}: cannot tell`,
  sigEnds: (signal) => `ends on ${signal}`,
  sigDropped: (signal, timeoutS) => `${signal} dropped → SIGKILL after ${timeoutS} s`,
  chain: {
    runsvdirTerm: 'runsvdir exits at once on SIGTERM (exit 0) without stopping its services: the kernel SIGKILLs them (STOPSIGNAL SIGHUP makes it stop each service first)',
    runsvdirHup: 'runsvdir sends SIGTERM to each runsv on SIGHUP, which stops its service, and exits 111',
    supervisord: (signal) => `supervisord stops each program (SIGTERM, then SIGKILL after its stopwaitsecs) and exits 0 on ${signal}`,
    systemdHalt: 'systemd halts on SIGRTMIN+3: it stops its units and exits',
    systemdTerm: 'systemd re-executes itself on SIGTERM and goes on running; it stops on SIGRTMIN+3',
    s6: 's6-svscan has each s6-supervise bring its service down (SIGTERM), then exits 0',
    busybox: "BusyBox's init sends SIGTERM to every process, SIGKILL a second later, and ends (exit 0)",
    noScript: 'it runs no script inspect could name',
    unreadable: (path, why) => `its script ${path} could not be read (${why})`,
    passesOn: (program, signal, why) => `${program} passes ${signal} on (${why})`,
    trapUnknown: (program, signal, why) => `${program} did not exec and has a trap on ${signal}, and ${why}: whether the trap passes it on cannot be told`,
    groupDies: (program, signal) => `${program} dies of ${signal}; the app, in the same process group, gets it too`,
    diesAppNot: (program, signal, unseen) => `${program} did not exec: it dies of ${signal}${unseen}, and the app under it never gets the signal: it is SIGKILLed when PID 1 exits`,
    keeps: (program, trap, signal) => `${program} did not exec, and its ${trap ? 'trap runs only after its command ends' : `${signal} is ignored`}: nothing stops the app until the SIGKILL`,
    handler: (program, signal) => `${program} has a handler for ${signal}: the exit code is its own`,
    ignores: (program, signal) => `${program} ignores ${signal}: only the SIGKILL at the timeout ends it`,
    dies: (program, signal, code, unseen) => `${program} has no handler for ${signal} and is not PID 1: it dies of it (${code})${unseen}`,
    unseen: ' (its signal masks are not visible from here: judged as the default action)',
    forwards: (pid1, signal, group, why) => `${pid1} forwards ${signal} to ${group ? "its child's process group" : 'its child'}; ${why}`,
    pid1PassesOn: (pid1, signal, why) => `${pid1} passes ${signal} on: ${why}`,
    pid1TrapUnknown: (pid1, signal, why) => `${pid1} is PID 1 with a trap on ${signal}, and ${why}: whether the trap passes it on cannot be told`,
    noTrapDrops: (why, signal) => `${why}; with no trap on ${signal}, the kernel drops it`,
    pid1NoExec: (pid1, why) => `${pid1} is PID 1 and did not exec: ${why}`,
  },
  script: {
    empty: 'the script is empty',
    unparsed: (err) => `the script could not be parsed (${err})`,
    decides: (what) => `${what} decides how the script ends`,
    forwards: (signal, code) => `a trap kills the child, and \`wait\` returns as soon as ${signal} comes: the script ends with wait's ${code}`,
    otherSignal: (signal) => `its trap + wait forwards SIGTERM and SIGINT, not the stop signal ${signal}`,
    line: (line, text, signal) => `line ${line} (\`${text}\`) runs the app as a child that never gets ${signal}`,
    noTrap: (signal) => `no trap passes ${signal} on`,
  },
  startedBy: (s) => (s.kind === 'compose' ? `compose project "${s.project}", service "${s.service}"` : s.kind === 'kubernetes' ? `Kubernetes pod ${s.namespace}/${s.pod}, container ${s.container}` : 'docker run (or the API)'),
  kind: { init: 'an init', shell: 'a shell', app: 'the application itself' },
  shellFormNote: ', put there by a shell-form CMD/ENTRYPOINT',
  execdNote: " (the shell form's shell exec'd it)",
  disposition: { caught: 'caught', ignored: 'ignored', blocked: 'blocked', default: 'default' },
  effect: { handled: 'handled', dropped: 'dropped', deferred: 'deferred' },
  labels: { signals: 'signals', stop: 'docker stop', chain: 'chain', zombies: 'zombies', reaping: 'reaping', watch: 'watch', pids: 'PIDs', verdict: 'verdict', fix: 'fix' },
  stopLine: (signal, timeoutS, text) => `STOPSIGNAL ${signal}, timeout ${timeoutS} s: ${text}`,
  chainNoSignal: (app, signal) => ` (${app} gets no ${signal}: SIGKILLed)`,
  zombiesUnder: (count, who) => `${count} under ${who}`,
  pid1Who: (comm) => `PID 1 (${comm})`,
  otherWho: (comm, pid) => `${comm} (PID ${pid})`,
  zombiesNow: (count, parents, oldestS) => `${count} now${parents ? `: ${parents}` : ''}${oldestS ? ` (the oldest started ${oldestS} s ago)` : ''}`,
  reapNone: (s) => `no zombie in ${s} s: nothing to judge`,
  reapAllWent: (s) => `every zombie seen went (their parents wait for them), in ${s} s`,
  reapWords: { reaps: 'reaps', 'does-not-reap': 'does not reap', 'not-judged': 'not judged' },
  reapLasted: (s) => `a zombie of it lasted ${s} s, longer than any known init waits`,
  reapWent: (gone, seen, s) => `${gone} of ${seen} zombies seen went, the longest after ${s} s`,
  reapSeen: (s) => `its zombies were seen for ${s} s only`,
  watch: (seconds, g, first, last) => `${seconds.toFixed(0)} s: ${g > 0.05 ? `growing by ${g.toFixed(1)} zombies/s` : g < -0.05 ? `shrinking by ${(-g).toFixed(1)}/s` : 'not growing'} (${first} → ${last})`,
  pidsLine: (used, limit, pidMax, fromHost, refused) =>
    `${used} used, ${limit === null ? `no limit (${fromHost ? "the host's" : 'as the container sees it,'} pid_max is ${pidMax})` : `of ${limit}`}; ${refused === null ? 'refused forks not visible from here' : `${refused} fork${refused === 1 ? '' : 's'} refused`}`,
  readVia: (sidecar, why) => `(read via ${sidecar ? `a sampler container joined to its PID namespace: ${why}` : "this host's /proc"})`,
  state: {
    paused: (when) => `paused${when}: its processes are frozen, so nothing they do (reap, act on a signal) can be seen`,
    exited: (code, when) => `exited${code !== null ? ` (exit code ${code})` : ''}${when}`,
    removed: (when) => `removed${when}`,
    restarted: (when) => `restarted${when}: what was read belongs to its previous run`,
    during: ' while inspect read it',
  },
  noVerdict: 'no verdict',
  noContainers: (endpoint) => `no running containers on ${endpoint}`,
  summary: (done, problems, notJudged, errors, failOn) =>
    `${plural(done, 'container', 'containers')} inspected, ${problems} with problems${notJudged ? `, ${notJudged} not judged (paused or ended)` : ''}${errors ? `, ${errors} could not be read` : ''}${failOn ? ` (failing on: ${failOn})` : ''}`,
};

const DE: InspectText = {
  findings: {
    'zombies-under-pid1': 'Zombies unter PID 1, der nicht abräumt',
    'zombies-live-parent': 'Zombies unter einem lebenden Elternprozess, der nie wartet',
    'stop-signal-dropped': 'das Stopp-Signal wird verworfen: docker stop wartet den Timeout ab',
    'app-sigkilled': 'die App bekommt das Stopp-Signal nie und wird mit SIGKILL beendet',
    'shell-pid1': 'eine Shell ist PID 1 und hat die App nicht per exec gestartet',
    'no-pids-limit': 'kein PID-Limit',
    'pids-near-limit': 'PIDs nahe am Limit',
    'refused-forks': 'Forks am PID-Limit abgelehnt',
  },
  judgedBy: {
    sigtimedwait: 'tini und docker-init warten mit sigtimedwait() auf Signale: solange sie warten, zeigt /proc sie weder als abgefangen noch als blockiert, die Masken täuschen also; sie leiten SIGTERM und SIGINT an ihr Kind weiter',
    signalfd: 'blockiert und mit signalfd gelesen (catatonit, s6-svscan, systemd): das Signal wartet auf den Prozess mit PID 1, und er reagiert darauf',
    dumbInit: 'dumb-init fängt jedes Signal ab und leitet es an sein Kind weiter (standardmäßig an die ganze Prozessgruppe)',
    pause: 'der Pause-Prozess von Kubernetes behandelt SIGINT und SIGTERM und endet',
    caught: 'in SigCgt: der Prozess mit PID 1 hat einen Handler dafür',
    ignored: 'in SigIgn: der Prozess mit PID 1 ignoriert es',
    blocked: 'in SigBlk: das Signal wartet, bis der Prozess mit PID 1 es freigibt oder liest',
    default: 'Standardaktion: für PID 1 eines Namespace verwirft der Kernel es (nur ein Signal, für das er einen Handler hat, erreicht ihn; SIGKILL und SIGSTOP nur aus einem übergeordneten Namespace, vom Host)',
    shell: 'eine Shell ohne exec: ihre Handler (und `trap`) laufen erst, wenn der Befehl endet, auf den sie wartet, und dieser Befehl bekommt das Signal nie',
    systemdTerm: 'systemd startet sich bei SIGTERM neu und läuft weiter (systemd(1)); es hält bei SIGRTMIN+3 an',
    systemdHalt: 'systemd hält bei SIGRTMIN+3 an: es stoppt seine Units und endet (systemd(1))',
    busyboxInit: 'das Init von BusyBox wartet ohne Handler auf Signale (/proc zeigt keinen): bei SIGTERM, SIGUSR1 oder SIGUSR2 schickt es jedem Prozess SIGTERM, eine Sekunde später SIGKILL, und endet',
    supervisor: 'ein Supervisor, der auf seine eigene Art darauf reagiert (siehe die Zeile zu docker stop)',
    noMasks: 'die Masken waren nicht lesbar; beurteilt als Standardaktion',
    notPid1: 'Standardaktion: dieser Hauptprozess ist nicht PID 1 seines Namespace (ein geteilter PID-Namespace eines Pods), also stellt der Kernel es zu und der Prozess stirbt daran',
  },
  zombiesUnderPid1: (count, program, lastedS, growth) =>
    `${plural(count, 'Zombie', 'Zombies')} unter PID 1 (${program}), der die adoptierten Waisen nicht abräumt${lastedS ? `; einer bestand ${lastedS} s, länger als jedes Init mit dem Abräumen wartet` : ''}${growth ? `; es werden ${growth} mehr pro Sekunde` : ''}`,
  initShouldReap: (program) => `${program} als PID 1 müsste sie sofort abräumen: prüfen, dass er nicht angehalten ist (Zustand T) und eine Version ist, die abräumt; --single-child von dumb-init ändert nur das Weiterleiten von Signalen, nicht das Abräumen`,
  zombiesLiveParent: (count, comm, pid) => `${plural(count, 'Zombie', 'Zombies')} unter ${comm} (PID ${pid}), einem lebenden Elternprozess, der nie auf seine Kinder wartet: kein Init kann sie abräumen (es sind keine Waisen)`,
  liveParentFix: (comm) => [`${comm} muss auf seine Kinder warten: waitpid / subprocess.wait() / ein SIGCHLD-Handler, der abräumt`, 'sie verschwinden erst, wenn er wartet oder endet (dann adoptiert sie der Prozess mit PID 1: dort gehört ein Init hin)'],
  appSigkilled: (app, signal, why) => `die App (${app}) bekommt ${signal} nie: ${why}; sie wird mit SIGKILL beendet, ohne Gelegenheit, sauber zu enden`,
  shellPid1: (program, shellForm, script, signal) => `PID 1 ist die Shell ${program}${shellForm ? `, dorthin gesetzt von ${shellForm} in Shell-Form` : script ? `, die ${script} ausführt` : ''}: sie hat die App nicht per exec gestartet, also bekommt die App ${signal} nie`,
  noPidsLimit: (pidMax, fromHost) => `kein PID-Limit: ein Zombie-Stapel oder eine Fork-Bombe hier kann ${fromHost ? `die ${pidMax} PIDs des Hosts (pid_max)` : `die PIDs des Hosts (pid_max ist ${pidMax}, wie der Container es sieht; das des Hosts kann niedriger sein)`} für alle Container aufbrauchen`,
  pidsNear: (used, limit) => `${used} von ${limit} PIDs belegt: bald werden neue Prozesse abgelehnt (fork: Resource temporarily unavailable)`,
  pidsNearFix: 'herausfinden, was sie belegt (die Zombies oben?)',
  refused: (n) => `${n} ${n === 1 ? 'Fork wurde' : 'Forks wurden'} am PID-Limit abgelehnt`,
  refusedFix: 'dem Container sind die PIDs ausgegangen: den Stapel beseitigen (Zombies?) oder das Limit erhöhen',
  theApp: 'die App',
  addInit: {
    compose: (service) => `Compose: \`init: true\` beim Service "${service}" ergänzen`,
    kubernetes: 'Pod-Spec: mit `shareProcessNamespace: true` wird der Pause-Container PID 1, und er räumt Waisen ab',
    run: 'docker run --init … (Docker setzt tini als PID 1 davor)',
    dockerfile: 'oder im Dockerfile: ENTRYPOINT ["tini", "--"] (oder ["dumb-init", "--"]) vor deinem Befehl',
    lead: (l) => `oder ein Init davorsetzen, das es weiterleitet: ${l}`,
  },
  shellExecForm: (which, exec) => `Dockerfile: Exec-Form statt Shell-Form: ${which} ${exec}`,
  shellExecLast: (which) => `Dockerfile: den letzten Befehl mit \`exec\` starten (${which} ["sh", "-c", "… && exec deine-app"]), oder Exec-Form verwenden`,
  execNotEnough: 'exec allein reicht nicht, wenn die App Kinder startet: dann ist sie PID 1 und muss sie abräumen; also auch ein Init davor',
  scriptExec: (script) => `${script}: \`exec\` vor den letzten Befehl, damit die App die Shell als PID 1 ersetzt und SIGTERM bekommt`,
  scriptNotEnough: 'das allein reicht nicht, wenn die App Kinder startet (dann muss sie sie abräumen): auch ein Init davor',
  makeAppPid1: 'die App per Exec-Form (oder `exec` im Skript) zu PID 1 machen, hinter einem Init',
  stopSignalRun: (signal, compose) => (compose ? `Compose: \`stop_signal: ${signal}\` beim Service "${compose}"` : `docker run --stop-signal ${signal} …`),
  stopSignalDockerfile: (signal) => `oder im Dockerfile: STOPSIGNAL ${signal}`,
  runsvdirFirst: (l) => `runsvdir erst jeden Dienst stoppen lassen: ${l}`,
  appKilledExecForm: (which, exec) => `Dockerfile: Exec-Form, damit das Kind des Inits die App ist: ${which} ${exec}`,
  appKilledShellExec: (shell) => `${shell} die App per exec starten lassen: \`exec\` vor den letzten Befehl (im Skript oder im String von sh -c)`,
  appKilledGroup: 'oder das Init die ganze Prozessgruppe signalisieren lassen (tini -g; dumb-init tut es standardmäßig)',
  appKilledInitChild: 'die App zu dem Prozess machen, den das Init startet (Exec-Form, oder exec im Skript)',
  systemdStop: (signal, l) => `systemd stoppt bei SIGRTMIN+3, nicht bei ${signal}: ${l}`,
  handler: (signal) => `${signal} in der App behandeln (Python: signal.signal(signal.${signal}, handler); Node: process.on('${signal}', …); Go: signal.Notify)`,
  initNoAct: (program, signal) => `das Init ${program} reagiert nicht auf ${signal}: sein STOPSIGNAL und seine Optionen prüfen`,
  pidsLimitFix: { compose: (service) => `Compose: \`pids_limit: 256\` beim Service "${service}"`, kubernetes: 'Kubernetes: podPidsLimit des Kubelets setzen (PIDs pro Pod)', run: 'docker run --pids-limit 256 …' },
  trapUncertain: (why) => `ein Trap ist gesetzt; ob er sofort läuft (das Skript steht in wait) oder erst nach dem Ende der App, lässt sich nicht sagen: ${why}`,
  trapWaits: (signal, why) => `sein Skript fängt ${signal} mit trap ab und wartet: ${why}`,
  killStop: 'STOPSIGNAL ist SIGKILL: der Container endet sofort, ohne Gelegenheit, sauber zu enden (Exit-Code 137)',
  endsOnSignal: (signal, timeoutS) => `endet bei ${signal}: der Prozess mit PID 1 reagiert darauf (docker stop braucht seinen Timeout von ${timeoutS} s nicht)`,
  diesOfSignal: (signal, code, timeoutS) => `endet bei ${signal} (Exit ${code}): nicht PID 1, der Prozess stirbt daran (docker stop braucht seinen Timeout von ${timeoutS} s nicht)`,
  shellDefers: 'die Shell reagiert erst, wenn ihr Befehl endet',
  pid1Ignores: (signal) => `der Prozess mit PID 1 ignoriert ${signal}`,
  pid1NoHandler: (signal) => `der Prozess mit PID 1 hat keinen Handler für ${signal}, also verwirft der Kernel es`,
  willWait: (timeoutS, why) => `docker stop wird die vollen ${timeoutS} s warten und dann SIGKILL schicken (Exit-Code 137): ${why}`,
  exitApps: 'den Exit-Code bestimmt die App',
  exitCode: (n) => `Exit-Code ${n}`,
  cannotTell: (signal, timeoutS, why) => `nicht zu sagen, ob docker stop bei ${signal} endet oder die vollen ${timeoutS} s wartet (dann Exit-Code 137): ${why} (inspect liest Skripte, wo die Engine auf dem Kernel dieses Hosts läuft)`,
  endsBefore: (signal, exit, timeoutS, why) => `endet bei ${signal} (${exit}), lange vor dem Timeout von ${timeoutS} s: ${why}`,
  verdict: (problems, kind, program, sig, zombies) =>
    `${problems === 0 ? 'ok' : plural(problems, 'Problem', 'Probleme')}: PID 1 ist ${kind === 'init' ? 'das Init' : kind === 'shell' ? 'die Shell' : 'die App'} ${program}, ${sig}, ${plural(zombies, 'Zombie', 'Zombies')}`,
  sigCannotTell: (signal) => `${signal}: nicht zu sagen`,
  sigEnds: (signal) => `endet bei ${signal}`,
  sigDropped: (signal, timeoutS) => `${signal} verworfen → SIGKILL nach ${timeoutS} s`,
  chain: {
    runsvdirTerm: 'runsvdir endet bei SIGTERM sofort (Exit-Code 0), ohne seine Dienste zu stoppen: der Kernel beendet sie mit SIGKILL (mit STOPSIGNAL SIGHUP stoppt es erst jeden Dienst)',
    runsvdirHup: 'runsvdir schickt bei SIGHUP jedem runsv SIGTERM, der seinen Dienst stoppt, und endet mit 111',
    supervisord: (signal) => `supervisord stoppt bei ${signal} jedes Programm (SIGTERM, nach seinen stopwaitsecs SIGKILL) und endet mit 0`,
    systemdHalt: 'systemd hält bei SIGRTMIN+3 an: es stoppt seine Units und endet',
    systemdTerm: 'systemd startet sich bei SIGTERM neu und läuft weiter; es stoppt bei SIGRTMIN+3',
    s6: 's6-svscan lässt jedes s6-supervise seinen Dienst herunterfahren (SIGTERM) und endet dann mit 0',
    busybox: 'das Init von BusyBox schickt jedem Prozess SIGTERM, eine Sekunde später SIGKILL, und endet (Exit-Code 0)',
    noScript: 'es führt kein Skript aus, das inspect benennen könnte',
    unreadable: (path, why) => `sein Skript ${path} war nicht lesbar (${why})`,
    passesOn: (program, signal, why) => `${program} gibt ${signal} weiter (${why})`,
    trapUnknown: (program, signal, why) => `${program} hat kein exec gemacht und einen Trap auf ${signal}, und ${why}: ob der Trap es weitergibt, lässt sich nicht sagen`,
    groupDies: (program, signal) => `${program} stirbt an ${signal}; die App in derselben Prozessgruppe bekommt es auch`,
    diesAppNot: (program, signal, unseen) => `${program} hat kein exec gemacht: es stirbt an ${signal}${unseen}, und die App darunter bekommt das Signal nie: sie wird mit SIGKILL beendet, wenn der Prozess mit PID 1 endet`,
    keeps: (program, trap, signal) => `${program} hat kein exec gemacht, und ${trap ? 'sein Trap läuft erst, wenn sein Befehl endet' : `es ignoriert ${signal}`}: nichts stoppt die App vor dem SIGKILL`,
    handler: (program, signal) => `${program} hat einen Handler für ${signal}: den Exit-Code bestimmt es selbst`,
    ignores: (program, signal) => `${program} ignoriert ${signal}: erst das SIGKILL nach dem Timeout beendet es`,
    dies: (program, signal, code, unseen) => `${program} hat keinen Handler für ${signal} und ist nicht PID 1: es stirbt daran (${code})${unseen}`,
    unseen: ' (seine Signalmasken sind von hier nicht sichtbar: beurteilt als Standardaktion)',
    forwards: (pid1, signal, group, why) => `${pid1} leitet ${signal} an ${group ? 'die Prozessgruppe seines Kindes' : 'sein Kind'} weiter; ${why}`,
    pid1PassesOn: (pid1, signal, why) => `${pid1} gibt ${signal} weiter: ${why}`,
    pid1TrapUnknown: (pid1, signal, why) => `${pid1} ist PID 1 mit einem Trap auf ${signal}, und ${why}: ob der Trap es weitergibt, lässt sich nicht sagen`,
    noTrapDrops: (why, signal) => `${why}; ohne Trap auf ${signal} verwirft der Kernel es`,
    pid1NoExec: (pid1, why) => `${pid1} ist PID 1 und hat kein exec gemacht: ${why}`,
  },
  script: {
    empty: 'das Skript ist leer',
    unparsed: (err) => `das Skript ließ sich nicht parsen (${err})`,
    decides: (what) => `${what} entscheidet, wie das Skript endet`,
    forwards: (signal, code) => `ein Trap beendet das Kind, und \`wait\` kehrt zurück, sobald ${signal} kommt: das Skript endet mit dem ${code} von wait`,
    otherSignal: (signal) => `sein trap + wait leitet SIGTERM und SIGINT weiter, nicht das Stopp-Signal ${signal}`,
    line: (line, text, signal) => `Zeile ${line} (\`${text}\`) startet die App als Kind, das ${signal} nie bekommt`,
    noTrap: (signal) => `kein Trap gibt ${signal} weiter`,
  },
  startedBy: (s) => (s.kind === 'compose' ? `Compose-Projekt "${s.project}", Service "${s.service}"` : s.kind === 'kubernetes' ? `Kubernetes-Pod ${s.namespace}/${s.pod}, Container ${s.container}` : 'docker run (oder die API)'),
  kind: { init: 'ein Init', shell: 'eine Shell', app: 'die Anwendung selbst' },
  shellFormNote: ', dorthin gesetzt von CMD/ENTRYPOINT in Shell-Form',
  execdNote: ' (die Shell der Shell-Form hat sie per exec gestartet)',
  disposition: { caught: 'abgefangen', ignored: 'ignoriert', blocked: 'blockiert', default: 'Standardverhalten' },
  effect: { handled: 'behandelt', dropped: 'verworfen', deferred: 'aufgeschoben' },
  labels: { signals: 'Signale', stop: 'docker stop', chain: 'Kette', zombies: 'Zombies', reaping: 'Abräumen', watch: 'Verlauf', pids: 'PIDs', verdict: 'Urteil', fix: 'Lösung' },
  stopLine: (signal, timeoutS, text) => `STOPSIGNAL ${signal}, Timeout ${timeoutS} s: ${text}`,
  chainNoSignal: (app, signal) => ` (${app} bekommt kein ${signal}: SIGKILL)`,
  zombiesUnder: (count, who) => `${count} unter ${who}`,
  pid1Who: (comm) => `PID 1 (${comm})`,
  otherWho: (comm, pid) => `${comm} (PID ${pid})`,
  zombiesNow: (count, parents, oldestS) => `${count} jetzt${parents ? `: ${parents}` : ''}${oldestS ? ` (der älteste entstand vor ${oldestS} s)` : ''}`,
  reapNone: (s) => `kein Zombie in ${s} s: nichts zu beurteilen`,
  reapAllWent: (s) => `jeder gesehene Zombie verschwand (ihre Elternprozesse warten auf sie), in ${s} s`,
  reapWords: { reaps: 'räumt ab', 'does-not-reap': 'räumt nicht ab', 'not-judged': 'nicht beurteilt' },
  reapLasted: (s) => `einer seiner Zombies bestand ${s} s, länger als jedes bekannte Init wartet`,
  reapWent: (gone, seen, s) => `${gone} von ${seen} gesehenen Zombies verschwanden, der langlebigste nach ${s} s`,
  reapSeen: (s) => `seine Zombies waren nur ${s} s zu sehen`,
  watch: (seconds, g, first, last) => `${seconds.toFixed(0)} s: ${g > 0.05 ? `wächst um ${g.toFixed(1).replace('.', ',')} Zombies/s` : g < -0.05 ? `schrumpft um ${(-g).toFixed(1).replace('.', ',')}/s` : 'wächst nicht'} (${first} → ${last})`,
  pidsLine: (used, limit, pidMax, fromHost, refused) =>
    `${used} belegt, ${limit === null ? `kein Limit (${fromHost ? 'pid_max des Hosts' : 'pid_max, wie der Container es sieht,'} ist ${pidMax})` : `von ${limit}`}; ${refused === null ? 'abgelehnte Forks sind von hier nicht sichtbar' : `${refused} ${refused === 1 ? 'Fork' : 'Forks'} abgelehnt`}`,
  readVia: (sidecar, why) => `(gelesen über ${sidecar ? `einen Sampler-Container in seinem PID-Namespace: ${why}` : '/proc dieses Hosts'})`,
  state: {
    paused: (when) => `pausiert${when}: seine Prozesse sind eingefroren, also ist nichts zu sehen, was sie tun (abräumen, auf ein Signal reagieren)`,
    exited: (code, when) => `beendet${code !== null ? ` (Exit-Code ${code})` : ''}${when}`,
    removed: (when) => `entfernt${when}`,
    restarted: (when) => `neu gestartet${when}: was gelesen wurde, gehört zum vorigen Lauf`,
    during: ', während inspect ihn las',
  },
  noVerdict: 'kein Urteil',
  noContainers: (endpoint) => `keine laufenden Container auf ${endpoint}`,
  summary: (done, problems, notJudged, errors, failOn) =>
    `${plural(done, 'Container', 'Container')} untersucht, ${problems} mit Problemen${notJudged ? `, ${notJudged} nicht beurteilt (pausiert oder beendet)` : ''}${errors ? `, ${errors} nicht lesbar` : ''}${failOn ? ` (scheitert bei: ${failOn})` : ''}`,
};

export const INSPECT_TEXT: Record<Lang, InspectText> = { en: EN, de: DE };

export function inspectWords(lang: Lang = 'en'): InspectText {
  return INSPECT_TEXT[lang];
}

export { s1 as secondsText };
