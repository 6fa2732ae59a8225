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

export const CLAIMS: Claim[] = [
  {
    id: 'no-init-zombies',
    statement: 'With the app (python3) as PID 1, orphans it adopts stay zombies: the count only climbs.',
    tests: [
      { file: SCORECARD, name: 'zombies pile up only when PID 1 is an app that does not reap' },
      { file: LABS, name: '01 zombies: the starting Dockerfile piles up zombies' },
    ],
  },
  {
    id: 'init-reaps',
    statement: 'dumb-init, tini, docker --init, catatonit and s6-svscan as PID 1 reap the orphans: zombies stay at 0.',
    tests: [
      { file: SCORECARD, name: 'zombies pile up only when PID 1 is an app that does not reap' },
      { file: LABS, name: '01 zombies: the starting Dockerfile piles up zombies' },
    ],
  },
  {
    id: 'pid1-ignores-sigterm',
    statement: 'PID 1 without a SIGTERM handler ignores SIGTERM: docker stop takes the whole timeout and ends with 137.',
    tests: [
      { file: SCORECARD, name: 'docker stop takes the timeout and ends in 137' },
      { file: LABS, name: '03 signals: no handler means the stop takes the timeout with 137' },
    ],
  },
  {
    id: 'init-stop-143',
    statement: 'With an init (or a handler) as PID 1, docker stop ends at once with 143.',
    tests: [{ file: SCORECARD, name: 'docker stop takes the timeout and ends in 137' }],
  },
  {
    id: 'bash-script-no-forward',
    statement: 'bash running an entrypoint script stays PID 1 and reaps the orphans, but does not pass SIGTERM on: the stop takes the timeout.',
    tests: [
      { file: SCORECARD, name: 'docker stop takes the timeout and ends in 137' },
      { file: SCORECARD, name: 'zombies pile up only when PID 1 is an app that does not reap' },
    ],
  },
  {
    id: 'bash-c-exec',
    statement: "bash -c with a single command execs it: python3 is PID 1 after all.",
    tests: [{ file: SCORECARD, name: 'PID 1 is what /proc says, including the bash -c exec trap' }],
  },
  {
    id: 'group-forwarding',
    statement: 'Only dumb-init (setsid default) and tini with TINI_KILL_PROCESS_GROUP pass a signal on to the process group; tini, docker --init, catatonit and dumb-init --single-child signal only the child.',
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
    statement: 'An app with a SIGCHLD handler calling waitpid(-1, WNOHANG) keeps zombies at 0 with no init.',
    tests: [
      { file: SCORECARD, name: 'zombies pile up only when PID 1 is an app that does not reap' },
      { file: LABS, name: '06 fix it in the app' },
    ],
  },
  {
    id: 'docker-top-hides-zombies',
    statement: "docker top never lists zombies: they have left the cgroup's task list, while /proc still shows them.",
    tests: [{ file: 'src/engine/proc-facts.integration.test.ts', name: 'docker top does not show the zombies that /proc shows' }],
  },
  {
    id: 'pids-limit-eagain',
    statement: 'Zombies hold their PIDs: under a small PID limit they fill it and fork fails with EAGAIN.',
    tests: [{ file: LABS, name: '02 PID exhaustion: zombies fill a small PID limit and forks fail with EAGAIN' }],
  },
  {
    id: 'python-sigint-only',
    statement: 'python3 as PID 1 catches SIGINT only (SigCgt), and ignores SIGPIPE and SIGXFSZ.',
    tests: [{ file: LABS, name: '03 signals: no handler means the stop takes the timeout with 137' }],
  },
  {
    id: 'tini-masks-mislead',
    statement: "While tini waits in sigtimedwait, its SigCgt and SigBlk read empty, yet SIGTERM reaches it.",
    tests: [{ file: LABS, name: "03 signals: tini's masks read empty while it waits in sigtimedwait" }],
  },
  {
    id: 'init-cannot-fix-live-parent',
    statement: 'No init reaps the zombies of a parent that is alive and never waits.',
    tests: [{ file: LABS, name: '04 choosing an init' }],
  },
  {
    id: 'shared-pidns-no-reap',
    statement: 'In a shared PID namespace, orphans go to the first container\'s PID 1 (a pause-like sleep), which never reaps.',
    tests: [{ file: LABS, name: '05 subreaper' }],
  },
  {
    id: 'tini-subreaper',
    statement: 'tini -s registers as a child subreaper and reaps the orphans of its descendants although it is not PID 1.',
    tests: [{ file: LABS, name: '05 subreaper' }],
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
    'test does not exist, or when this file is out of date.',
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
