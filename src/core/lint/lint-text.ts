/**
 * Every word `lint` says, in both languages: one table each, as problem-text.ts does for the
 * engine's problems. Rule ids, levels in JSON/SARIF and file names are never translated; only the
 * messages, fixes, lab pointers and the text report's words are. The mapped types make a missing
 * translation a compile error; lint-text.test.ts checks each rule has its own words in each. Pure.
 */
import type { ChildWhy } from '../shell/tails.js';
import type { ShellKind } from '../shell/shell-kind.js';
import type { Lang } from '../lang.js';

/** Every rule lint can report: stable ids, the same in every language and in JSON/SARIF. */
export const LINT_RULES = [
  'json-form-invalid',
  'shell-form-cmd',
  'shell-form-entrypoint',
  'cmd-shell-form-after-entrypoint',
  'json-sh-c',
  'no-init',
  'cmd-ignored-by-shell-entrypoint',
  'stopsignal-kill',
  'stopsignal-to-shell',
  'entrypoint-script-no-exec',
  'compose-stop-signal-kill',
  'compose-sh-c',
  'compose-no-init',
  'compose-no-pids-limit',
  'k8s-sh-c',
  'k8s-tini-not-pid1',
  'k8s-no-init',
  'k8s-exec-probe-orphans',
] as const;
export type LintRuleId = (typeof LINT_RULES)[number];

export type LabTopic = 'zombies' | 'signals' | 'init' | 'subreaper' | 'own' | 'pods';
export type LintLevelWord = 'error' | 'warning' | 'note';

/** The shell-form facts a message needs. */
export interface ShellFormWords {
  keyword: string;
  script: string;
  shellName: string;
  stop: string;
  why: string;
  base: string;
}

export interface LintText {
  /** Short description of each rule (SARIF's shortDescription). */
  rules: Record<LintRuleId, string>;
  labs: Record<LabTopic, string>;
  levels: Record<LintLevelWord, string>;
  /** Why a shell stays PID 1 (shell/shell-c.ts's reasons), in a few words. */
  why: (cause: ChildWhy, shell: ShellKind) => string;
  shellLabel: Record<ShellKind, string>;
  // Dockerfile
  jsonInvalid: (keyword: string, shellName: string, script: string) => string;
  jsonInvalidFix: (keyword: string) => string;
  noShell: (keyword: string, base: string) => string;
  noShellFix: (keyword: string) => string;
  leadAfterEntrypoint: (script: string) => string;
  leadShellForm: (w: ShellFormWords) => string;
  shellFormUnder: (lead: string, under: string, w: ShellFormWords) => string;
  shellFormDepends: (lead: string, w: ShellFormWords) => string;
  shellFormStays: (lead: string, w: ShellFormWords, unknownShell: boolean) => string;
  fixExecForm: (instruction: string) => string;
  fixWithExec: (instruction: string) => string;
  groupInitFix: string;
  jsonShC: (argvHead: string, shellName: string, why: string, stop: string) => string;
  jsonShCUnder: (init: string, shellName: string, why: string, stop: string) => string;
  jsonShCDepends: (base: string, why: string, stop: string) => string;
  jsonShCFix: (fix: string) => string;
  jsonShCGroupFix: string;
  scriptVia: (under: string | undefined, heredoc: boolean, keyword: string, line: number, scriptPath: string, file: string) => string;
  runBy: (init: string) => string;
  baseInit: (base: string) => string;
  noInit: (app: string, stop: string) => string;
  noInitFix: string;
  cmdArgs: (app: string, script: string) => string;
  cmdArgsFix: string;
  cmdIgnored: string;
  cmdIgnoredFix: string;
  stopsignalKill: string;
  stopsignalKillFix: string;
  stopsignalToShell: (stop: string) => string;
  stopsignalToShellFix: string;
  windows: (base: string) => string;
  baseMayHaveEntrypoint: (base: string, program: string) => string;
  noCmd: (base: string, onEngine: boolean) => string;
  theBaseImage: string;
  anUnknownBase: string;
  // Entrypoint scripts
  scriptAs: (via: string) => string;
  scriptBranch: (branch: string) => string;
  scriptWait: (file: string, as: string, branch: string) => string;
  scriptWaitFix: string;
  scriptKeepalive: (file: string, as: string, text: string, branch: string) => string;
  scriptLoop: (file: string, as: string, loop: boolean, text: string, branch: string) => string;
  scriptNoExec: (file: string, as: string, text: string, branch: string) => string;
  scriptExecFix: (line: string) => string;
  // compose and Kubernetes
  imageReadFromEngine: (image: string) => string;
  service: (name: string) => string;
  workload: (kind: string, name: string, container: string) => string;
  composeStopWaits: (grace: string) => string;
  k8sStopWaits: (grace: string) => string;
  yamlShC: (who: string, shell: string, why: string, stopWaits: string) => string;
  yamlShCUnder: (who: string, under: string, shell: string, why: string) => string;
  yamlShCDepends: (who: string, why: string, stopWaits: string) => string;
  yamlShCFix: (keyword: string, argv: string) => string;
  yamlShCGroupFix: string;
  composeStopKill: (who: string) => string;
  composeStopKillFix: string;
  composeInit: string;
  imageInit: (image: string) => string;
  composeNoInit: (who: string, app: string) => string;
  composeNoInitFix: (who: string) => string;
  composeNoPids: (who: string) => string;
  composeNoPidsFix: (who: string) => string;
  ownEntrypoint: (image: string) => string;
  passesOptions: (image: string) => string;
  underEntrypoint: (image: string) => string;
  itsImage: string;
  k8sOwnEntrypoint: (image: string, args: boolean) => string;
  k8sTini: (who: string) => string;
  k8sTiniFix: string;
  k8sNoInit: (who: string, app: string, grace: string) => string;
  k8sProbeOrphans: (who: string, probe: string, child: string, app: string) => string;
  k8sProbeOrphansFix: string;
  k8sNoInitFix: string;
  // The text report
  fix: string;
  learn: string;
  notJudged: string;
  notJudgedMany: (n: number, list: string) => string;
  summary: (findings: number, counted: number, notes: number, files: number | undefined) => string;
  sarifFix: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const SHELL_EN: Record<ShellKind, string> = { dash: "Debian's dash", bash: 'bash', ash: "BusyBox's ash" };
const SHELL_DE: Record<ShellKind, string> = { dash: 'Debians dash', bash: 'bash', ash: 'BusyBox ash' };

const EN: LintText = {
  rules: {
    'json-form-invalid': 'exec form that is not valid JSON runs as shell form',
    'shell-form-cmd': 'shell-form CMD: the shell stays PID 1',
    'shell-form-entrypoint': 'shell-form ENTRYPOINT: the shell stays PID 1',
    'cmd-shell-form-after-entrypoint': 'shell-form CMD after an exec-form ENTRYPOINT',
    'json-sh-c': 'sh -c in exec form: the shell stays PID 1',
    'no-init': 'the app is PID 1 with no init',
    'cmd-ignored-by-shell-entrypoint': 'a shell-form ENTRYPOINT ignores CMD',
    'stopsignal-kill': 'STOPSIGNAL SIGKILL: no chance to clean up',
    'stopsignal-to-shell': 'STOPSIGNAL goes to a shell that stays PID 1',
    'entrypoint-script-no-exec': 'entrypoint script without exec: the shell stays PID 1',
    'compose-stop-signal-kill': 'compose: stop_signal SIGKILL',
    'compose-sh-c': 'compose: sh -c stays PID 1',
    'compose-no-init': 'compose: the app is PID 1 with no init',
    'compose-no-pids-limit': 'compose: no init and no PID limit',
    'k8s-sh-c': 'Kubernetes: sh -c stays PID 1',
    'k8s-tini-not-pid1': 'Kubernetes: tini is not PID 1 in a shared PID namespace',
    'k8s-no-init': 'Kubernetes: the app is PID 1 with no init',
    'k8s-exec-probe-orphans': 'Kubernetes: an exec probe leaves a child to a PID 1 that does not reap',
  },
  labs: {
    zombies: 'zombie-lab lab zombies (01: why orphans pile up under PID 1)',
    signals: 'zombie-lab lab signals (03: PID 1 and SIGTERM)',
    init: 'zombie-lab lab choosing-init (04: which init, and what it does)',
    subreaper: 'zombie-lab lab subreaper (05: pods, pause and shareProcessNamespace)',
    own: 'zombie-lab lab own-containers (07: your own containers)',
    pods: 'zombie-lab lab pods (08: pods and exec probes)',
  },
  levels: { error: 'error', warning: 'warning', note: 'note' },
  why: (cause, s) =>
    ({
      command: s === 'dash' ? `${SHELL_EN.dash} never execs the command of -c` : 'the command is not the last one',
      pipeline: 'no shell execs a pipeline',
      background: 'a background job keeps the shell',
      loop: 'a loop keeps the shell',
      function: 'a function keeps the shell',
      compound: `${SHELL_EN[s]} does not exec inside if, case or braces`,
      redirect: `${SHELL_EN[s]} does not exec a command with a redirection`,
      trap: 'a trap with a command keeps the shell to run it',
      dash: `${SHELL_EN.dash} never execs the command of -c`,
      wait: '`wait` keeps the shell',
      keepalive: s === 'dash' ? `${SHELL_EN.dash} never execs the command of -c` : 'the command is not the last one',
      negated: '`!` keeps the shell to invert the status',
    })[cause],
  shellLabel: SHELL_EN,
  jsonInvalid: (k, sh, script) => `${k} looks like exec form but is not valid JSON, so Docker runs it as shell form: ${sh} -c '${script}', which runs a program named like its first word and fails`,
  jsonInvalidFix: (k) => `${k} as valid JSON: double quotes, commas between the strings, nothing after the ]`,
  noShell: (k, base) => `shell-form ${k} on ${base}, which has no /bin/sh: the container cannot start`,
  noShellFix: (k) => `${k} in exec form, ["program", "arg", …]`,
  leadAfterEntrypoint: (script) => `shell-form CMD after an exec-form ENTRYPOINT: the entrypoint gets "/bin/sh" "-c" "${script}" and runs it`,
  leadShellForm: (w) => `shell-form ${w.keyword}: PID 1 is ${w.shellName} -c "${w.script}"`,
  shellFormUnder: (lead, under, w) => `${lead} under ${under}, and ${w.why}: on docker stop the shell dies of ${w.stop}, ${under} exits, and the app is SIGKILLed without ever getting ${w.stop}`,
  shellFormDepends: (lead, w) => `${lead}; whether it stays PID 1 depends on ${w.base || 'the base image'}'s /bin/sh, which lint cannot see: Debian's dash stays and drops ${w.stop} (docker stop then waits its whole timeout), BusyBox ash and bash would exec the command`,
  shellFormStays: (lead, w, unknownShell) => `${lead}, and ${w.why}${unknownShell ? ' (whatever /bin/sh is)' : ''}: the shell stays PID 1 and drops ${w.stop}, so docker stop waits its whole timeout and SIGKILLs`,
  fixExecForm: (i) => `${i} (exec form: the app is PID 1 and gets the stop signal)`,
  fixWithExec: (i) => `${i} (exec keeps the shell's expansion, then hands PID 1 to the app)`,
  groupInitFix: 'an init that signals the whole process group in front: install tini and use ENTRYPOINT ["tini", "-g", "--"] (or dumb-init), or move the commands into a script that ends in exec',
  jsonShC: (head, sh, why, stop) => `${head}: ${sh} stays PID 1 (${why}), so it gets ${stop} and drops it; docker stop waits its whole timeout`,
  jsonShCUnder: (init, sh, why, stop) => `${init} runs ${sh} -c, which stays (${why}): on docker stop the shell dies of ${stop}, ${init} exits, and the app is SIGKILLed without ever getting ${stop}`,
  jsonShCDepends: (base, why, stop) => `sh -c on ${base}, whose /bin/sh lint cannot see: Debian's dash stays PID 1 and drops ${stop} (${why}); BusyBox ash and bash would exec the command`,
  jsonShCFix: (fix) => `${fix} (exec hands PID 1 to the app)`,
  jsonShCGroupFix: 'an init that signals the whole process group in front: ENTRYPOINT ["tini", "-g", "--"], or move the commands into a script that ends in exec',
  scriptVia: (under, heredoc, k, line, p, file) => `${under ? `${under}, ` : ''}${heredoc ? `${k} at line ${line}, from the COPY heredoc for ${p}` : `${k} of ${file}:${line}`}`,
  runBy: (init) => `run by ${init}`,
  baseInit: (base) => `the base image's init (${base})`,
  noInit: (app, stop) => `PID 1 will be ${app}, with no init: ${app} must handle ${stop} itself (PID 1 gets no default action) and reap the orphans of anything it starts`,
  noInitFix: 'an init in front: ENTRYPOINT ["tini", "--"] (Debian/Alpine package tini), or docker run --init / compose init: true',
  cmdArgs: (app, script) => `shell-form CMD after an exec-form ENTRYPOINT: ${app} gets "/bin/sh" "-c" "${script}" as its arguments`,
  cmdArgsFix: 'CMD in exec form, ["arg", …]: its words become the ENTRYPOINT\'s arguments',
  cmdIgnored: 'a shell-form ENTRYPOINT ignores CMD (and docker run arguments): this CMD never runs',
  cmdIgnoredFix: 'write the ENTRYPOINT in exec form, ENTRYPOINT ["prog"], so CMD becomes its arguments',
  stopsignalKill: 'STOPSIGNAL SIGKILL: the app never gets a chance to clean up',
  stopsignalKillFix: 'STOPSIGNAL SIGTERM (the default), with a handler in the app or an init in front',
  stopsignalToShell: (stop) => `STOPSIGNAL ${stop} goes to the /bin/sh of the shell form, which stays PID 1 and does not pass it on`,
  stopsignalToShellFix: 'exec form (or exec in the shell form), so the signal reaches the app',
  windows: (base) => `${base} is a Windows image: no Linux PID 1 to judge`,
  baseMayHaveEntrypoint: (base, program) => `${base} may have an ENTRYPOINT of its own (an init, or one that passes CMD on): lint cannot see it, so whether ${program} is PID 1 with no init is not judged`,
  noCmd: (base, onEngine) => `this Dockerfile sets no CMD or ENTRYPOINT: PID 1 is ${base}'s own${onEngine ? '' : ', which is not on this engine to read'}`,
  theBaseImage: 'the base image',
  anUnknownBase: 'an unknown base',
  scriptAs: (via) => (via.startsWith('run by') ? ` (${via}: the shell is the init's child and dies of SIGTERM, leaving the app to be SIGKILLed)` : ` (PID 1 through ${via})`),
  scriptBranch: (b) => ` in the "${b})" branch`,
  scriptWait: (file, as, branch) => `${file}${as} ends in wait${branch} with no trap on SIGTERM: the shell stays PID 1, drops SIGTERM, and docker stop waits its whole timeout`,
  scriptWaitFix: `trap 'kill -TERM "$child" 2>/dev/null' TERM INT before the wait (child=$! after starting the app), or exec the app instead of & wait`,
  scriptKeepalive: (file, as, text, branch) => `${file}${as} keeps the container alive with "${text}"${branch}: the shell stays PID 1 and drops SIGTERM (exec would not help: a PID 1 sleep drops it too)`,
  scriptLoop: (file, as, loop, text, branch) => `${file}${as} ends in a ${loop ? 'loop' : 'pipeline'}${branch} ("${text}"): the shell stays PID 1 and drops SIGTERM, and exec cannot replace it`,
  scriptNoExec: (file, as, text, branch) => `${file}${as} runs "${text}"${branch} without exec: the shell stays PID 1 with the app as its child and never passes SIGTERM on`,
  scriptExecFix: (line) => `${line} — exec hands PID 1 to the app (which must then handle SIGTERM, and reap if it starts children: an init in front does both)`,
  imageReadFromEngine: (image) => ` (image ${image} read from this engine)`,
  service: (name) => `service "${name}"`,
  workload: (kind, name, c) => `${kind} ${name}, container ${c}`,
  composeStopWaits: (grace) => `waits the whole grace period (${grace})`,
  k8sStopWaits: (grace) => `waits terminationGracePeriodSeconds (${grace} s)`,
  yamlShC: (who, sh, why, waits) => `${who}: ${sh} -c stays PID 1 (${why}) and drops SIGTERM, so every stop ${waits} and ends in SIGKILL`,
  yamlShCUnder: (who, under, sh, why) => `${who}: ${under} runs ${sh} -c, which stays (${why}): on stop the shell dies of SIGTERM and the app is SIGKILLed without ever getting it`,
  yamlShCDepends: (who, why, waits) => `${who}: sh -c on an image whose /bin/sh lint cannot see: Debian's dash stays PID 1 and drops SIGTERM (${why}), so every stop ${waits}; BusyBox ash and bash would exec the command`,
  yamlShCFix: (k, argv) => `${k}: ${argv} (exec hands PID 1 to the app)`,
  yamlShCGroupFix: 'an init that signals the whole process group (tini -g, dumb-init), or a script that ends in exec',
  composeStopKill: (who) => `${who}: stop_signal SIGKILL leaves no chance to clean up`,
  composeStopKillFix: 'stop_signal: SIGTERM with a handler in the app (or init: true)',
  composeInit: 'docker-init (init: true)',
  imageInit: (image) => `${image}'s init`,
  composeNoInit: (who, app) => `${who}: PID 1 will be ${app}, with no init: it must handle SIGTERM itself and reap the orphans of anything it starts`,
  composeNoInitFix: (who) => `init: true for ${who} (Docker puts tini in front as PID 1)`,
  composeNoPids: (who) => `${who} has nothing that reaps orphans and no PID limit: a pile of zombies can use up the host's PIDs`,
  composeNoPidsFix: (who) => `pids_limit: 256 for ${who}`,
  ownEntrypoint: (image) => `runs ${image}'s own ENTRYPOINT/CMD, which lint cannot see`,
  passesOptions: (image) => `passes options to ${image}'s own ENTRYPOINT, which lint cannot see`,
  underEntrypoint: (image) => `its command runs under ${image}'s ENTRYPOINT, which lint cannot see`,
  itsImage: 'its image',
  k8sOwnEntrypoint: (image, args) => `runs ${image}'s own ENTRYPOINT${args ? ' with these args' : ''}, which lint cannot see`,
  k8sTini: (who) => `${who}: with shareProcessNamespace the pause container is PID 1, so tini is not, and without -s it reaps nothing (it warns "not running as PID 1")`,
  k8sTiniFix: "tini -s -- … (register as a child subreaper), or drop tini: pause reaps the pod's orphans",
  k8sProbeOrphans: (who, probe, child, app) => `${who}: its ${probe} leaves "${child}" running in the background; when the probe's shell ends, PID 1 (${app}, no init) adopts it and never reaps it: each probe run leaves a zombie`,
  k8sProbeOrphansFix: 'shareProcessNamespace: true (pause reaps the pod\'s orphans), or an init as PID 1 (command: [tini, --, …]), or a probe that waits for what it starts',
  k8sNoInit: (who, app, grace) => `${who}: PID 1 will be ${app}, with no init: it must handle SIGTERM itself (else every stop waits ${grace} s) and reap the orphans of anything it starts`,
  k8sNoInitFix: 'shareProcessNamespace: true in the pod spec (pause becomes PID 1 and reaps), or tini in the image: command: ["tini", "--", …]',
  fix: 'fix',
  learn: 'learn',
  notJudged: 'not judged',
  notJudgedMany: (n, list) => `${plural(n, 'service or container', 'services or containers')} run their image's own command, which lint cannot see (${list}); zombie-lab inspect checks them running`,
  summary: (findings, counted, notes, files) => {
    const s = counted === 1 ? '' : 's';
    return `${plural(findings, 'finding', 'findings')} (${counted} error${s} or warning${s}, ${plural(notes, 'note', 'notes')})${files === undefined ? '' : ` in ${plural(files, 'file', 'files')}`}`;
  },
  sarifFix: 'Fix',
};

const DE: LintText = {
  rules: {
    'json-form-invalid': 'Exec-Form, die kein gültiges JSON ist, läuft als Shell-Form',
    'shell-form-cmd': 'CMD in Shell-Form: die Shell bleibt PID 1',
    'shell-form-entrypoint': 'ENTRYPOINT in Shell-Form: die Shell bleibt PID 1',
    'cmd-shell-form-after-entrypoint': 'CMD in Shell-Form nach einem ENTRYPOINT in Exec-Form',
    'json-sh-c': 'sh -c in Exec-Form: die Shell bleibt PID 1',
    'no-init': 'die App ist PID 1, ohne Init',
    'cmd-ignored-by-shell-entrypoint': 'ein ENTRYPOINT in Shell-Form übergeht CMD',
    'stopsignal-kill': 'STOPSIGNAL SIGKILL: keine Gelegenheit, sauber zu enden',
    'stopsignal-to-shell': 'STOPSIGNAL geht an eine Shell, die PID 1 bleibt',
    'entrypoint-script-no-exec': 'Entrypoint-Skript ohne exec: die Shell bleibt PID 1',
    'compose-stop-signal-kill': 'Compose: stop_signal SIGKILL',
    'compose-sh-c': 'Compose: sh -c bleibt PID 1',
    'compose-no-init': 'Compose: die App ist PID 1, ohne Init',
    'compose-no-pids-limit': 'Compose: kein Init und kein PID-Limit',
    'k8s-sh-c': 'Kubernetes: sh -c bleibt PID 1',
    'k8s-tini-not-pid1': 'Kubernetes: tini ist im geteilten PID-Namespace nicht PID 1',
    'k8s-no-init': 'Kubernetes: die App ist PID 1, ohne Init',
    'k8s-exec-probe-orphans': 'Kubernetes: eine Exec-Probe hinterlässt ein Kind bei einem PID 1, der nicht abräumt',
  },
  labs: {
    zombies: 'zombie-lab lab zombies (01: warum sich Waisen unter PID 1 stapeln)',
    signals: 'zombie-lab lab signals (03: PID 1 und SIGTERM)',
    init: 'zombie-lab lab choosing-init (04: welches Init, und was es tut)',
    subreaper: 'zombie-lab lab subreaper (05: Pods, pause und shareProcessNamespace)',
    own: 'zombie-lab lab own-containers (07: deine eigenen Container)',
    pods: 'zombie-lab lab pods (08: Pods und Exec-Probes)',
  },
  levels: { error: 'Fehler', warning: 'Warnung', note: 'Hinweis' },
  why: (cause, s) =>
    ({
      command: s === 'dash' ? `${SHELL_DE.dash} macht nie exec auf den Befehl von -c` : 'der Befehl ist nicht der letzte',
      pipeline: 'keine Shell macht exec auf eine Pipeline',
      background: 'ein Hintergrund-Job hält die Shell',
      loop: 'eine Schleife hält die Shell',
      function: 'eine Funktion hält die Shell',
      compound: `${SHELL_DE[s]} macht kein exec in if, case oder geschweiften Klammern`,
      redirect: `${SHELL_DE[s]} macht kein exec auf einen Befehl mit Umleitung`,
      trap: 'ein Trap mit Befehl hält die Shell, um ihn auszuführen',
      dash: `${SHELL_DE.dash} macht nie exec auf den Befehl von -c`,
      wait: '`wait` hält die Shell',
      keepalive: s === 'dash' ? `${SHELL_DE.dash} macht nie exec auf den Befehl von -c` : 'der Befehl ist nicht der letzte',
      negated: '`!` hält die Shell, um den Status umzukehren',
    })[cause],
  shellLabel: SHELL_DE,
  jsonInvalid: (k, sh, script) => `${k} sieht nach Exec-Form aus, ist aber kein gültiges JSON, also startet Docker es in Shell-Form: ${sh} -c '${script}' sucht ein Programm, das wie das erste Wort heißt, und scheitert`,
  jsonInvalidFix: (k) => `${k} als gültiges JSON: doppelte Anführungszeichen, Kommas zwischen den Strings, nichts nach der ]`,
  noShell: (k, base) => `${k} in Shell-Form auf ${base}, das kein /bin/sh hat: der Container kann nicht starten`,
  noShellFix: (k) => `${k} in Exec-Form, ["programm", "arg", …]`,
  leadAfterEntrypoint: (script) => `CMD in Shell-Form nach einem ENTRYPOINT in Exec-Form: der Entrypoint bekommt "/bin/sh" "-c" "${script}" und führt es aus`,
  leadShellForm: (w) => `${w.keyword} in Shell-Form: PID 1 ist ${w.shellName} -c "${w.script}"`,
  shellFormUnder: (lead, under, w) => `${lead} unter ${under}, und ${w.why}: bei docker stop stirbt die Shell an ${w.stop}, ${under} endet, und die App bekommt SIGKILL, ohne je ${w.stop} zu sehen`,
  shellFormDepends: (lead, w) => `${lead}; ob sie PID 1 bleibt, hängt vom /bin/sh von ${w.base || 'dem Basis-Image'} ab, das lint nicht sieht: Debians dash bleibt und verwirft ${w.stop} (docker stop wartet dann den ganzen Timeout ab), BusyBox ash und bash würden per exec den Befehl starten`,
  shellFormStays: (lead, w, unknownShell) => `${lead}, und ${w.why}${unknownShell ? ' (egal, welches /bin/sh)' : ''}: die Shell bleibt PID 1 und verwirft ${w.stop}, also wartet docker stop den ganzen Timeout ab und schickt SIGKILL`,
  fixExecForm: (i) => `${i} (Exec-Form: die App ist PID 1 und bekommt das Stopp-Signal)`,
  fixWithExec: (i) => `${i} (exec behält die Expansion der Shell und übergibt PID 1 dann an die App)`,
  groupInitFix: 'ein Init davor, das die ganze Prozessgruppe signalisiert: tini installieren und ENTRYPOINT ["tini", "-g", "--"] (oder dumb-init), oder die Befehle in ein Skript, das mit exec endet',
  jsonShC: (head, sh, why, stop) => `${head}: ${sh} bleibt PID 1 (${why}), bekommt also ${stop} und verwirft es; docker stop wartet den ganzen Timeout ab`,
  jsonShCUnder: (init, sh, why, stop) => `${init} startet ${sh} -c, das bleibt (${why}): bei docker stop stirbt die Shell an ${stop}, ${init} endet, und die App bekommt SIGKILL, ohne je ${stop} zu sehen`,
  jsonShCDepends: (base, why, stop) => `sh -c auf ${base}, dessen /bin/sh lint nicht sieht: Debians dash bleibt PID 1 und verwirft ${stop} (${why}); BusyBox ash und bash würden per exec den Befehl starten`,
  jsonShCFix: (fix) => `${fix} (exec übergibt PID 1 an die App)`,
  jsonShCGroupFix: 'ein Init davor, das die ganze Prozessgruppe signalisiert: ENTRYPOINT ["tini", "-g", "--"], oder die Befehle in ein Skript, das mit exec endet',
  scriptVia: (under, heredoc, k, line, p, file) => `${under ? `${under}, ` : ''}${heredoc ? `${k} in Zeile ${line}, aus dem COPY-Heredoc für ${p}` : `${k} von ${file}:${line}`}`,
  runBy: (init) => `gestartet von ${init}`,
  baseInit: (base) => `dem Init des Basis-Images (${base})`,
  noInit: (app, stop) => `PID 1 wird ${app} sein, ohne Init: ${app} muss ${stop} selbst behandeln (PID 1 bekommt keine Standardaktion) und die Waisen von allem abräumen, was es startet`,
  noInitFix: 'ein Init davor: ENTRYPOINT ["tini", "--"] (Debian/Alpine-Paket tini), oder docker run --init / Compose init: true',
  cmdArgs: (app, script) => `CMD in Shell-Form nach einem ENTRYPOINT in Exec-Form: ${app} bekommt "/bin/sh" "-c" "${script}" als Argumente`,
  cmdArgsFix: 'CMD in Exec-Form, ["arg", …]: seine Wörter werden die Argumente des ENTRYPOINT',
  cmdIgnored: 'ein ENTRYPOINT in Shell-Form übergeht CMD (und die Argumente von docker run): dieses CMD läuft nie',
  cmdIgnoredFix: 'den ENTRYPOINT in Exec-Form schreiben, ENTRYPOINT ["prog"], dann wird CMD zu seinen Argumenten',
  stopsignalKill: 'STOPSIGNAL SIGKILL: die App bekommt nie die Gelegenheit, sauber zu enden',
  stopsignalKillFix: 'STOPSIGNAL SIGTERM (der Standard), mit einem Handler in der App oder einem Init davor',
  stopsignalToShell: (stop) => `STOPSIGNAL ${stop} geht an das /bin/sh der Shell-Form, das PID 1 bleibt und es nicht weitergibt`,
  stopsignalToShellFix: 'Exec-Form (oder exec in der Shell-Form), damit das Signal die App erreicht',
  windows: (base) => `${base} ist ein Windows-Image: kein Linux-PID-1 zu beurteilen`,
  baseMayHaveEntrypoint: (base, program) => `${base} hat vielleicht einen eigenen ENTRYPOINT (ein Init oder einen, der CMD weitergibt): lint sieht ihn nicht, also bleibt offen, ob ${program} ohne Init PID 1 ist`,
  noCmd: (base, onEngine) => `dieses Dockerfile setzt weder CMD noch ENTRYPOINT: PID 1 ist der eigene von ${base}${onEngine ? '' : ', und das ist nicht auf dieser Engine zum Nachlesen'}`,
  theBaseImage: 'dem Basis-Image',
  anUnknownBase: 'einem unbekannten Basis-Image',
  scriptAs: (via) => (via.startsWith('gestartet von') ? ` (${via}: die Shell ist das Kind des Inits und stirbt an SIGTERM, die App bekommt dann SIGKILL)` : ` (PID 1 über ${via})`),
  scriptBranch: (b) => ` im Zweig "${b})"`,
  scriptWait: (file, as, branch) => `${file}${as} endet mit wait${branch}, ohne Trap auf SIGTERM: die Shell bleibt PID 1, verwirft SIGTERM, und docker stop wartet den ganzen Timeout ab`,
  scriptWaitFix: `trap 'kill -TERM "$child" 2>/dev/null' TERM INT vor dem wait (child=$! nach dem Start der App), oder die App per exec starten statt & wait`,
  scriptKeepalive: (file, as, text, branch) => `${file}${as} hält den Container mit "${text}"${branch} am Leben: die Shell bleibt PID 1 und verwirft SIGTERM (exec hilft nicht: auch ein sleep als PID 1 verwirft es)`,
  scriptLoop: (file, as, loop, text, branch) => `${file}${as} endet mit einer ${loop ? 'Schleife' : 'Pipeline'}${branch} ("${text}"): die Shell bleibt PID 1 und verwirft SIGTERM, und exec kann sie nicht ersetzen`,
  scriptNoExec: (file, as, text, branch) => `${file}${as} startet "${text}"${branch} ohne exec: die Shell bleibt PID 1, mit der App als Kind, und gibt SIGTERM nie weiter`,
  scriptExecFix: (line) => `${line} — exec übergibt PID 1 an die App (die dann SIGTERM behandeln und, wenn sie Kinder startet, abräumen muss: ein Init davor tut beides)`,
  imageReadFromEngine: (image) => ` (Image ${image} von dieser Engine gelesen)`,
  service: (name) => `Service "${name}"`,
  workload: (kind, name, c) => `${kind} ${name}, Container ${c}`,
  composeStopWaits: (grace) => `die ganze Frist (${grace}) abwartet`,
  k8sStopWaits: (grace) => `terminationGracePeriodSeconds (${grace} s) abwartet`,
  yamlShC: (who, sh, why, waits) => `${who}: ${sh} -c bleibt PID 1 (${why}) und verwirft SIGTERM, sodass jeder Stopp ${waits} und mit SIGKILL endet`,
  yamlShCUnder: (who, under, sh, why) => `${who}: ${under} startet ${sh} -c, das bleibt (${why}): beim Stopp stirbt die Shell an SIGTERM, und die App bekommt SIGKILL, ohne SIGTERM je zu sehen`,
  yamlShCDepends: (who, why, waits) => `${who}: sh -c auf einem Image, dessen /bin/sh lint nicht sieht: Debians dash bleibt PID 1 und verwirft SIGTERM (${why}), sodass jeder Stopp ${waits}; BusyBox ash und bash würden per exec den Befehl starten`,
  yamlShCFix: (k, argv) => `${k}: ${argv} (exec übergibt PID 1 an die App)`,
  yamlShCGroupFix: 'ein Init, das die ganze Prozessgruppe signalisiert (tini -g, dumb-init), oder ein Skript, das mit exec endet',
  composeStopKill: (who) => `${who}: stop_signal SIGKILL lässt der App keine Gelegenheit, sauber zu enden`,
  composeStopKillFix: 'stop_signal: SIGTERM mit einem Handler in der App (oder init: true)',
  composeInit: 'docker-init (init: true)',
  imageInit: (image) => `dem Init von ${image}`,
  composeNoInit: (who, app) => `${who}: PID 1 wird ${app} sein, ohne Init: es muss SIGTERM selbst behandeln und die Waisen von allem abräumen, was es startet`,
  composeNoInitFix: (who) => `init: true für ${who} (Docker setzt tini als PID 1 davor)`,
  composeNoPids: (who) => `${who} hat nichts, was Waisen abräumt, und kein PID-Limit: ein Stapel Zombies kann die PIDs des Hosts aufbrauchen`,
  composeNoPidsFix: (who) => `pids_limit: 256 für ${who}`,
  ownEntrypoint: (image) => `startet ENTRYPOINT/CMD von ${image}, die lint nicht sieht`,
  passesOptions: (image) => `gibt Optionen an den eigenen ENTRYPOINT von ${image}, den lint nicht sieht`,
  underEntrypoint: (image) => `sein Befehl läuft unter dem ENTRYPOINT von ${image}, den lint nicht sieht`,
  itsImage: 'seinem Image',
  k8sOwnEntrypoint: (image, args) => `startet den eigenen ENTRYPOINT von ${image}${args ? ' mit diesen args' : ''}, den lint nicht sieht`,
  k8sTini: (who) => `${who}: mit shareProcessNamespace ist der Pause-Container PID 1, tini also nicht, und ohne -s räumt es nichts ab (es warnt "not running as PID 1")`,
  k8sTiniFix: 'tini -s -- … (als Child-Subreaper registrieren), oder tini weglassen: pause räumt die Waisen des Pods ab',
  k8sProbeOrphans: (who, probe, child, app) => `${who}: seine ${probe} lässt "${child}" im Hintergrund laufen; endet die Shell der Probe, erbt der Prozess mit PID 1 (${app}, ohne Init) es und räumt es nie ab: jeder Lauf der Probe hinterlässt einen Zombie`,
  k8sProbeOrphansFix: 'shareProcessNamespace: true (pause räumt die Waisen des Pods ab), oder ein Init als PID 1 (command: [tini, --, …]), oder eine Probe, die auf das wartet, was sie startet',
  k8sNoInit: (who, app, grace) => `${who}: PID 1 wird ${app} sein, ohne Init: es muss SIGTERM selbst behandeln (sonst wartet jeder Stopp ${grace} s) und die Waisen von allem abräumen, was es startet`,
  k8sNoInitFix: 'shareProcessNamespace: true in der Pod-Spec (pause wird PID 1 und räumt ab), oder tini im Image: command: ["tini", "--", …]',
  fix: 'Lösung',
  learn: 'Lab',
  notJudged: 'nicht beurteilt',
  notJudgedMany: (n, list) => `${plural(n, 'Service oder Container startet', 'Services oder Container starten')} den eigenen Befehl ihres Images, den lint nicht sieht (${list}); zombie-lab inspect prüft sie im Betrieb`,
  summary: (findings, counted, notes, files) =>
    `${plural(findings, 'Befund', 'Befunde')} (${counted} ${counted === 1 ? 'Fehler oder Warnung' : 'Fehler oder Warnungen'}, ${plural(notes, 'Hinweis', 'Hinweise')})${files === undefined ? '' : ` in ${plural(files, 'Datei', 'Dateien')}`}`,
  sarifFix: 'Lösung',
};

export const LINT_TEXT: Record<Lang, LintText> = { en: EN, de: DE };

export function lintWords(lang: Lang = 'en'): LintText {
  return LINT_TEXT[lang];
}
