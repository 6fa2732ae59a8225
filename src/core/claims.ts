/**
 * Every behavioural claim that slides and labs mark with `{claim:<id>}`, and the experiment on
 * the real engine that checks it. docs/claims.md is rendered from this list (a test keeps the
 * two equal), and a test fails when a file marks a claim that is not here.
 */
export interface ClaimTest {
  /** Test file, relative to the package root. */
  file: string;
  /** The test's title, or a unique start of it. */
  name: string;
}

export interface Claim {
  id: string;
  statement: string;
  tests: ClaimTest[];
}

const SCORECARD = 'src/engine/scorecard.integration.test.ts';
const LABS = 'src/engine/labs/lab-checks.integration.test.ts';
const ATTEMPTS = 'src/engine/labs/lab-attempts.integration.test.ts';
const FACTS = 'src/engine/lesson-facts.integration.test.ts';
const EXPERT = 'src/engine/expert-facts.integration.test.ts';

const ZOMBIES_TEST = { file: SCORECARD, name: 'zombies pile up only when PID 1 is an app that does not reap' };
const STOP_TEST = { file: SCORECARD, name: 'docker stop takes the timeout and ends in 137' };
const PID1_TEST = { file: SCORECARD, name: 'PID 1 is what /proc says, including the bash -c exec trap' };
const SHELLS_TEST = { file: FACTS, name: 'bash 5.2 execs the last command of a list' };
const BUSYBOX_TEST = { file: FACTS, name: "BusyBox ash (Alpine's sh) execs the last simple command of sh -c" };

export const CLAIMS: Claim[] = [
  {
    id: 'no-init-zombies',
    statement: 'With the app (python3) as PID 1, orphans it adopts stay zombies: the count only climbs.',
    tests: [ZOMBIES_TEST, { file: ATTEMPTS, name: '01 zombies: the starting Dockerfile piles up zombies' }],
  },
  {
    id: 'init-reaps',
    statement: 'dumb-init, tini, docker --init, catatonit and s6-svscan as PID 1 reap the orphans: zombies stay at 0.',
    tests: [ZOMBIES_TEST, { file: ATTEMPTS, name: '01 zombies: the starting Dockerfile piles up zombies' }],
  },
  {
    id: 'docker-init-pid1',
    statement: "With docker run --init, Docker runs its own tini, /sbin/docker-init, as PID 1 (/proc/1/comm reads docker-init), and it reaps: zombies stay at 0.",
    tests: [PID1_TEST, ZOMBIES_TEST],
  },
  {
    id: 'exec-makes-app-pid1',
    statement: 'exec python3 … as the last line of an entrypoint script makes python3 PID 1: the orphans it adopts pile up as zombies under it.',
    tests: [{ file: ATTEMPTS, name: '07 your own containers: lint and inspect name the starting files' }],
  },
  {
    id: 'pid1-ignores-sigterm',
    statement: 'PID 1 does not get a signal it has no handler for, sent from inside its namespace or from the host (SIGTERM from docker stop): the stop takes the whole timeout and ends with 137.',
    tests: [STOP_TEST, { file: ATTEMPTS, name: '03 signals: no handler means the stop takes the timeout with 137' }],
  },
  {
    id: 'pid1-sigkill-from-outside',
    statement: 'SIGKILL (and SIGSTOP) from an ancestor namespace, the host, always reach PID 1; from inside its own namespace even kill -KILL 1 is ignored.',
    tests: [{ file: FACTS, name: 'PID 1 ignores even SIGKILL sent from inside its namespace' }],
  },
  {
    id: 'init-stop-143',
    statement: 'With an init that forwards SIGTERM as PID 1, docker stop ends at once: the app dies of SIGTERM and the init exits with 128 + 15 = 143.',
    tests: [STOP_TEST],
  },
  {
    id: 'handler-exit-code',
    statement: 'With its own SIGTERM handler the app ends at once with the exit code the handler chooses: 143 with sys.exit(143), 0 with sys.exit(0).',
    tests: [{ file: ATTEMPTS, name: '03 signals: no handler means the stop takes the timeout with 137' }],
  },
  {
    id: 'bash-script-no-forward',
    statement: 'bash running an entrypoint script stays PID 1 and reaps the orphans, but does not pass SIGTERM on: the stop takes the timeout.',
    tests: [STOP_TEST, ZOMBIES_TEST],
  },
  {
    id: 'bash-c-exec',
    statement: "bash 5.2 execs the last command of a bash -c list, a single command included: with bash -c 'python3 app.py' or 'echo starting; python3 app.py' python3 is PID 1; a command after it ('...; true') keeps bash.",
    tests: [PID1_TEST, SHELLS_TEST],
  },
  {
    id: 'shell-form-sh-pid1',
    statement: "A shell-form CMD runs as /bin/sh -c; on Debian (and Ubuntu) sh is dash, patched never to exec the command of -c: sh stays PID 1, reaps the orphans, and ignores SIGTERM (the stop takes the timeout, 137).",
    tests: [PID1_TEST, ZOMBIES_TEST, STOP_TEST, SHELLS_TEST, { file: ATTEMPTS, name: '01 zombies: the starting Dockerfile piles up zombies' }],
  },
  {
    id: 'busybox-sh-c-exec',
    statement: "BusyBox ash (Alpine's /bin/sh; busybox 1.35) execs the last simple command of sh -c as bash does, after cd … && too, and also inside if … fi or { … } and with a redirection, where bash stays: with busybox sh -c 'cd /work && python3 app.py' python3 is PID 1, its zombies pile up and the stop takes the timeout (137). A command after it, a pipeline or a trap keeps the shell. Only Debian's (and Ubuntu's) dash is patched never to exec it.",
    tests: [PID1_TEST, ZOMBIES_TEST, STOP_TEST, BUSYBOX_TEST],
  },
  {
    id: 'group-forwarding',
    statement: 'Only dumb-init (setsid default) and tini with TINI_KILL_PROCESS_GROUP pass a signal on to the process group; tini, docker --init, catatonit and dumb-init --single-child signal only the child.',
    tests: [{ file: SCORECARD, name: 'only dumb-init (setsid default) and tini with TINI_KILL_PROCESS_GROUP forward' }],
  },
  {
    id: 's6-no-forward',
    statement: 'Bare s6-svscan passes no signal on: a SIGUSR1 sent to PID 1 reaches neither the app nor its process group.',
    tests: [{ file: SCORECARD, name: 'only dumb-init (setsid default) and tini with TINI_KILL_PROCESS_GROUP forward' }],
  },
  {
    id: 'exit-code-passthrough',
    statement: "The inits pass the app's exit code on as the container's exit code.",
    tests: [{ file: SCORECARD, name: 'exit 3 of the app is the exit code of the container' }],
  },
  {
    id: 's6-restarts',
    statement: 's6-svscan supervises: when the app exits, it is restarted and the container stays up.',
    tests: [{ file: SCORECARD, name: 'exit 3 of the app is the exit code of the container' }],
  },
  {
    id: 'app-reaps-itself',
    statement: 'An app with a SIGCHLD handler calling waitpid(-1, WNOHANG) keeps zombies at 0 with no init, adopted orphans included.',
    tests: [ZOMBIES_TEST, { file: ATTEMPTS, name: '06 fix it in the app' }],
  },
  {
    id: 'docker-top-hides-zombies',
    statement: "docker top does not list the zombies that pile up: they have left the cgroup's task list, while /proc still shows them (one that has just exited can show as Z for a moment).",
    tests: [{ file: 'src/engine/proc-facts.integration.test.ts', name: 'docker top does not show the zombies that /proc shows' }],
  },
  {
    id: 'pids-limit-refused-forks',
    statement: 'Zombies hold their PIDs: under a full PID limit the kernel refuses forks (EAGAIN, counted in pids.events), while a PID freed by a reaped child goes to the next fork, so the app\'s own fork keeps working while its children\'s forks fail.',
    tests: [{ file: FACTS, name: 'under a full PID limit the kernel refuses forks' }, { file: ATTEMPTS, name: '02 PID exhaustion: zombies fill a small PID limit' }],
  },
  {
    id: 'full-pid-limit-locks-exec',
    statement: 'A PID limit full of zombies locks docker exec out: the runtime must start its own process in the container\'s cgroup and nearly always fails ("read init-p: connection reset by peer"; with runc 1.1, 38 of 40 tries, a race now and then lets one in); once PID 1 reaps the zombies, docker exec works every time.',
    tests: [{ file: FACTS, name: 'a PID limit full of zombies locks docker exec out' }],
  },
  {
    id: 'zombie-holds-pid',
    statement: 'A zombie has no memory map left (no VmRSS in its /proc status) and never runs again, but it keeps its PID: pids.current counts PID 1 and its 40 zombies as 41 or more.',
    tests: [{ file: FACTS, name: 'a zombie holds no user memory but keeps its PID' }],
  },
  {
    id: 'sigchld-ignore-inherited',
    statement: "With SIGCHLD set to SIG_IGN the kernel reaps PID 1's children itself (no zombies), but the ignored SIGCHLD is inherited across fork and exec: a program PID 1 starts has SIGCHLD in SigIgn, its own wait() fails with ECHILD, and Python's subprocess reports 0 for a command that exited with 3.",
    tests: [{ file: FACTS, name: 'SIGCHLD set to SIG_IGN reaps with no zombies' }],
  },
  {
    id: 'python-sigint-only',
    statement: 'python3 as PID 1 catches SIGINT only (SigCgt), and ignores SIGPIPE and SIGXFSZ.',
    tests: [{ file: ATTEMPTS, name: '03 signals: no handler means the stop takes the timeout with 137' }],
  },
  {
    id: 'tini-masks-mislead',
    statement: "While tini waits in sigtimedwait, its SigCgt and SigBlk read empty, yet SIGTERM reaches it.",
    tests: [{ file: LABS, name: "03 signals: tini's masks read empty while it waits in sigtimedwait" }],
  },
  {
    id: 'init-cannot-fix-live-parent',
    statement: 'No init reaps the zombies of a parent that is alive and never waits.',
    tests: [{ file: ATTEMPTS, name: '04 choosing an init' }],
  },
  {
    id: 'shared-pidns-no-reap',
    statement: "In a shared PID namespace, orphans go to the first container's PID 1; when that is a plain sleep, which never waits, they stay zombies.",
    tests: [{ file: ATTEMPTS, name: '05 subreaper' }],
  },
  {
    id: 'shared-pidns-reaping-pause',
    statement: "With a PID 1 that reaps in the shared namespace (as Kubernetes' pause does), no zombies stay, and the app, which is not PID 1, dies of SIGTERM at once (143).",
    tests: [{ file: FACTS, name: 'in a shared PID namespace with a reaping PID 1' }, { file: ATTEMPTS, name: '05 subreaper' }],
  },
  {
    id: 'exec-probe-zombies',
    statement:
      "An exec probe's command that starts a child outliving it (and the probe's timeout, after which the kubelet only stops waiting) leaves that child to PID 1 of the container's namespace: under an app as PID 1 the probe's zombies pile up, under a shared namespace's infra container or tini they are reaped.",
    tests: [
      { file: 'src/cli/pods.integration.test.ts', name: '--json: emulated and said so, a lane per pod' },
      { file: 'src/matrix/pods.matrix.test.ts', name: 'three pods: PID 1 per pod' },
      { file: ATTEMPTS, name: "08 pods: the probe's zombies stay under an app as PID 1" },
    ],
  },
  {
    id: 'tini-subreaper',
    statement: 'tini -s registers as a child subreaper and reaps the orphans of its descendants although it is not PID 1.',
    tests: [{ file: ATTEMPTS, name: '05 subreaper' }],
  },
  {
    id: 'stop-signal',
    statement: "docker stop first sends the container's stop signal (SIGTERM unless the Dockerfile's STOPSIGNAL or docker run --stop-signal names another): python3 as PID 1, which handles SIGINT only, waits out the timeout on SIGTERM (kill 15, kill 9, 137), and with STOPSIGNAL SIGINT or --stop-signal SIGINT ends at once of KeyboardInterrupt (kill 2, exit 130).",
    tests: [{ file: EXPERT, name: 'docker stop sends the stop signal' }],
  },
  {
    id: 'stop-grace-period',
    statement: "The wait between the stop signal and SIGKILL is the container's stop timeout (docker stop -t, docker run --stop-timeout, compose's stop_grace_period, which sets the same StopTimeout; 10 s by default): with a stop timeout of 2 s, docker events shows kill 9 two seconds after kill 15.",
    tests: [{ file: EXPERT, name: 'the grace period is the stop timeout of the container' }],
  },
  {
    id: 'dumb-init-rewrite',
    statement: "dumb-init --rewrite 15:3 forwards docker stop's SIGTERM as SIGQUIT: an app that shuts down on SIGQUIT (as nginx does) runs its handler and exits 0, where plain dumb-init lets it die of SIGTERM (143).",
    tests: [{ file: EXPERT, name: 'dumb-init --rewrite 15:3 turns' }],
  },
  {
    id: 'tini-exit-remap',
    statement: 'tini passes on an app killed by SIGTERM as 143; tini -e 143 remaps that exit code to 0.',
    tests: [{ file: EXPERT, name: 'dumb-init --rewrite 15:3 turns' }],
  },
  {
    id: 'pids-limit-counts-threads',
    statement: "A PID limit counts tasks, so threads too: one process (the only one /proc lists) with 15 threads fills pids.max 16 (pids.current 16), and Python's next thread is refused (\"can't start new thread\", counted in pids.events).",
    tests: [{ file: EXPERT, name: 'a PID limit counts threads' }],
  },
  {
    id: 'pid1-exit-kills-namespace',
    statement: 'When PID 1 of a namespace exits, the kernel SIGKILLs every other process in it (pid_namespaces(7)): a child that ignores SIGTERM, SIGINT and SIGHUP is gone at once, and a second container in that namespace ends with 137 with no kill from the engine.',
    tests: [{ file: EXPERT, name: 'when PID 1 exits, the kernel SIGKILLs every other process' }],
  },
  {
    id: 'exit-137-causes',
    statement: 'Exit 137 (128 + SIGKILL) has three causes the engine tells apart: docker stop after its timeout (docker events: kill 15, kill 9, die 137), docker kill (kill 9, die 137), and the OOM killer at the memory limit (no kill, an oom event; docker inspect says State.OOMKilled true as a rule, though Docker 20.10 can lose it when it handles the exit first, and false for the other two).',
    tests: [{ file: EXPERT, name: 'exit 137 has three causes the engine tells apart' }],
  },
];

export interface Marked {
  id: string;
  file: string;
  line: number;
}

/** docs/claims.md: each claim, its experiments, and where it is stated. */
export function renderClaimsDoc(marks: Marked[]): string {
  const out = [
    '# Claims and the experiments that check them',
    '',
    'Generated from `src/core/claims.ts` by `src/engine/claims.test.ts` (run it with',
    '`ZOMBIE_LAB_WRITE_CLAIMS=1` to rewrite this file). A slide or lab marks a statement a run',
    'can check with `{claim:<id>}` (slides: in the speaker notes; labs: anywhere, stripped from',
    "the learner's view). The test fails when a marked id is not listed here, when a listed",
    'test does not exist, or when this file is out of date. It also lists every paragraph, hint',
    'or slide that names a signal, reaping, an exit code, a PID limit or an init and carries no',
    'marker (src/core/claims-coverage.ts; the few reasoned exceptions are in the test).',
    '',
  ];
  for (const c of CLAIMS) {
    out.push(`## \`${c.id}\``, '', c.statement, '', 'Checked by:');
    for (const t of c.tests) out.push(`- \`${t.file}\`: "${t.name}"`);
    const where = marks.filter((m) => m.id === c.id).map((m) => `\`${m.file}:${m.line}\``);
    out.push('', `Stated in: ${where.length ? where.join(', ') : '(not marked anywhere yet)'}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
