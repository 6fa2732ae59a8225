/**
 * Every word the presenter app shows, in German and English. One object per language with the
 * same shape (the type makes a missing translation a compile error); components get the one for
 * `--lang` (or the locale) and never hold a string of their own.
 */
import type { ModeId } from './modes.js';
import type { BuildNote, BuildWay, ModeResult } from './run-events.js';
import type { SampleSource } from './sample.js';
import type { Lang } from './lang.js';
import type { VerdictFacts } from './inspect/verdict-facts.js';
import type { TreeWords } from './proc-tree.js';
import type { StopWay } from './stop-way.js';

/** What the start-up sweep removed of earlier runs whose lab process is gone. */
export interface SweepCounts {
  containers: number;
  dirs: number;
  mounts: number;
}

export interface SvgWords {
  title: string;
  /** Title of a handout from the app: a replay says so. */
  appTitle: (replay: boolean) => string;
  timeAxis: string;
  yAxis: string;
  /** `way`: what stopped the run (core/stop-way.ts), `docker stop` unless given. */
  stopAt: (ms: number, way?: StopWay) => string;
  /** One mode's facts after its label in the legend. */
  legend: (r: ModeResult, way?: StopWay) => string;
  modeLabel: Record<ModeId, string>;
  /** The label of the horizontal line at the PID limit, where the no-init line levels off. */
  pidLimit: (n: number) => string;
  /** A line drawn a few pixels above another it lies on (both 0), so that it stays visible. */
  liftedOver: (other: string) => string;
}

export interface UiText {
  lang: Lang;
  /** Seconds with the language's decimal mark: `0.14 s` / `0,14 s`. */
  secs: (ms: number, digits?: number) => string;
  modeLabel: Record<ModeId, string>;
  /** The lane's state, long form and the compact one for narrow panes. */
  state: {
    idle: string;
    idleShort: string;
    building: (detail: string) => string;
    starting: string;
    running: (secs: string) => string;
    stopping: (left: string, timeoutS: number | null, pod: boolean) => string;
    stopped: (secs: string, exit: string, compact?: boolean) => string;
    error: (message: string) => string;
    /** A lane in error where only a word fits. */
    errorShort: string;
  };
  zombies: string;
  peak: string;
  pids: string;
  forkFailures: string;
  /** A pods run's lanes (`::: lanes pods`). */
  pods: {
    /** Before the count of zombies the exec probe left. */
    probe: string;
    /** Docker runs no pods: the caption says they are emulated, longest first. */
    emulated: string[];
  };
  fix: string;
  live: string;
  replay: string;
  connecting: string;
  sourceHeadline: Record<SampleSource, string>;
  sourceShort: Record<SampleSource, string>;
  replayDetail: string;
  connectingDetail: string;
  engineDetail: string;
  /** Caption above the plots. */
  plotCaption: (spanS: number, yMax: number, isLimit: boolean, stopped: StopWay | null) => string[];
  /** What stopped the run, as the plot's stop mark and the handout name it. */
  stopName: Record<StopWay, string>;
  /** Lanes the screen has no room to plot: how to see them. */
  hiddenLanes: (keys: string) => string;
  phaseHint: Record<'idle' | 'running' | 'stopping' | 'done', string>;
  /** The same on the pods slide: the pods stop by their own grace periods, not docker stop's timeout. */
  podsPhaseHint: Record<'idle' | 'running' | 'stopping' | 'done', string>;
  slideCounter: (n: number, of: number) => string;
  /** The hint line's words where the state needs other words than the key table's (its keys come from keymap.ts). */
  hint: {
    /** After `r`'s key, while a run goes. */
    restart: string;
    /** After `r`'s key on the pods slide, where it runs the pods. */
    runPods: string;
    stopping: string;
    /** After the keys of `?` and Esc. */
    closeHelp: string;
    quitting: string;
    blank: string;
    index: string;
    count: (n: string) => string;
  };
  helpTitle: string;
  helpLanes: string;
  indexTitle: string;
  tooSmall: (cols: number, rows: number, minCols: number, minRows: number) => string;
  tooSmallFix: string;
  tree: { none: string; header: (n: number, z: number) => string } & TreeWords;
  notice: {
    nothingToExport: string;
    saved: (where: string) => string;
    saveFailed: (why: string) => string;
    engine: (endpoint: string, version: string) => string;
    noEngine: string;
    noEngineReplay: string;
    noEngineBrokenRecording: string;
    /** What the start-up sweep removed; null when nothing. */
    swept: (c: SweepCounts) => string | null;
  };
  build: {
    ready: (tag: string, way: BuildWay, secs: string) => string;
    way: Record<BuildWay, string>;
    /** The lab's own lines during a build (the builder's output stays as the engine gave it). */
    note: (n: BuildNote) => string;
  };
  noSlides: string;
  /** `zombie-lab notes`, the speaker's second terminal. */
  notes: { waiting: string; next: (title: string) => string; last: string; none: string; more: (n: number) => string; lost: string };
  /** The SVG handout's words. */
  svg: SvgWords;
  containers: {
    replay: string;
    noEngine: string;
    title: string;
    /** While reading: `done` of `total` judged (absent until the engine listed them). */
    loading: (done?: number, total?: number) => string;
    cannotList: (why: string) => string;
    none: string;
    /** Rows scrolled out of view above and below the selection. */
    above: (n: number) => string;
    below: (n: number) => string;
    /** The lab's own demo containers, left out of the list. */
    hidden: (n: number) => string;
    details: string;
    /** The details of the selected row (Enter). */
    image: string;
    noFindings: string;
    fix: string;
    more: (name: string) => string;
    /** One container's PID 1 in a few words: "app python3 · 37 zombies · drops SIGTERM (137 after 10 s)". */
    verdict: (v: VerdictFacts) => string;
    unreadable: (why: string) => string;
  };
}

// What stopped the run (core/stop-way.ts): a pod stops with its own grace period, on Podman by
// `podman stop`, on Docker by `docker stop` of the emulation's app container.
const EN_STOP: Record<StopWay, string> = { 'docker-stop': 'docker stop', 'pod-podman': 'podman stop (grace period)', 'pod-emulated': 'docker stop (grace period)' };
const DE_STOP: Record<StopWay, string> = { 'docker-stop': 'docker stop', 'pod-podman': 'podman stop (Frist des Pods)', 'pod-emulated': 'docker stop (Frist des Pods)' };

const secsWith = (mark: string) => (ms: number, digits = 1): string => `${(Math.max(0, ms) / 1000).toFixed(digits).replace('.', mark)} s`;

const en: UiText = {
  lang: 'en',
  secs: secsWith('.'),
  modeLabel: { 'no-init': 'no init', 'dumb-init': 'dumb-init', init: 'docker --init' },
  state: {
    idle: 'idle · press r to run',
    idleShort: 'idle',
    building: (d) => `building image: ${d}`,
    starting: 'starting',
    running: (s) => `running ${s}`,
    stopping: (left, t, pod) => `stopping · SIGKILL in ${left}${t === null ? '' : ` (${pod ? 'grace period' : 'timeout'} ${t} s)`}`,
    stopped: (s, exit, compact) => `stopped${compact ? '' : ' in'} ${s} · exit ${exit}`,
    error: (m) => `ERROR: ${m}`,
    errorShort: 'ERROR',
  },
  zombies: 'zombies',
  peak: 'peak',
  pids: 'PIDs',
  forkFailures: 'fork failures',
  pods: {
    probe: 'probe',
    emulated: ['Docker runs no pods: each is emulated with a pause container', 'pods emulated with a pause container', 'pods emulated'],
  },
  fix: 'fix:',
  live: 'LIVE',
  replay: 'REPLAY',
  connecting: '…',
  sourceHeadline: {
    cgroup: 'zombies: pids cgroup, 10×/s, checked against /proc',
    'host-proc': "zombies: this host's /proc",
    sidecar: 'zombies: /proc inside each container (sidecar)',
    'sidecar-cgroup': 'zombies: pids cgroup via sidecar, 10×/s',
    replay: 'recorded run',
  },
  sourceShort: { cgroup: 'pids cgroup', 'host-proc': 'host /proc', sidecar: 'sidecar /proc', 'sidecar-cgroup': 'sidecar cgroup', replay: 'recorded run' },
  replayDetail: 'recorded run, no engine needed',
  connectingDetail: 'looking for a Docker engine',
  engineDetail: 'Docker engine',
  plotCaption: (span, y, isLimit, stopped) => [
    `zombies over ${span} s${stopped ? ` · ┊ ${EN_STOP[stopped]}` : ''} · y from 0 to ${y}${isLimit ? ' (the PID limit)' : ''}`,
    `zombies, ${span} s${stopped ? ' · ┊ stop' : ''} · y 0–${y}${isLimit ? ' (PID limit)' : ''}`,
    `${span} s${stopped ? ' · ┊ stop' : ''} · y 0–${y}`,
  ],
  stopName: EN_STOP,
  hiddenLanes: (keys) => `${keys}: show this lane`,
  phaseHint: {
    idle: 'r runs all three side by side',
    running: 's stops all three (docker stop, timed)',
    stopping: 'docker stop sent: SIGTERM first, SIGKILL after the timeout',
    done: 'r runs them again · e saves the plot as SVG',
  },
  podsPhaseHint: {
    idle: 'r runs the three pods side by side',
    running: "s stops the pods: SIGTERM, SIGKILL after each pod's grace period",
    stopping: "SIGTERM sent: SIGKILL when a pod's grace period ends",
    done: 'r runs them again · e saves the plot as SVG',
  },
  slideCounter: (n, of) => `slide ${n}/${of}`,
  hint: {
    restart: 'restart',
    runPods: 'run pods',
    stopping: 'stopping',
    closeHelp: 'close help',
    quitting: 'stopping the containers and quitting',
    blank: 'screen blanked · any key shows it again',
    index: '↑/↓ choose · Enter go · Esc close',
    count: (n) => `${n}: G or Enter goes to slide ${n}`,
  },
  helpTitle: 'Keys (press ? or Esc to close)',
  helpLanes: 'Lanes (plot glyphs tell them apart without colour):',
  indexTitle: 'Slides (Enter goes there, Esc closes)',
  tooSmall: (c, r, mc, mr) => `Terminal too small: ${c}x${r}. zombie-lab needs at least ${mc}x${mr}.`,
  tooSmallFix: 'Enlarge the window or make the font smaller; q quits.',
  tree: {
    none: 'process tree: no data yet (press r to run the demo)',
    header: (n, z) => `process tree · ${n} processes, ${z} zombies (Z)`,
    pid1: 'PID 1 in the container',
    moreZombies: (n) => `${n} more zombies`,
    moreLines: (n) => `${n} more lines`,
  },
  notice: {
    nothingToExport: 'nothing to export yet: press r to run the demo first',
    saved: (w) => `handout saved: ${w}`,
    saveFailed: (w) => `could not save the SVG: ${w}`,
    engine: (e, v) => `engine ${e} (${v})`,
    noEngine: 'no Docker engine answers; `zombie-lab doctor` says why',
    noEngineReplay: 'no Docker engine answers, replaying a recorded run; `zombie-lab doctor` says why',
    noEngineBrokenRecording: 'no Docker engine answers and the recording cannot be read; `zombie-lab doctor` says why',
    swept: ({ containers: n, dirs, mounts }) => {
      const parts: string[] = [];
      if (n) parts.push(`${n} container${n === 1 ? '' : 's'}`);
      if (dirs) parts.push(`${dirs} temporary folder${dirs === 1 ? '' : 's'} or cgroup${dirs === 1 ? '' : 's'}${mounts ? ` (${mounts} mount${mounts === 1 ? '' : 's'} undone)` : ''}`);
      return parts.length ? `removed ${parts.join(' and ')} left by earlier runs whose lab process is gone` : null;
    },
  },
  build: {
    ready: (tag, way, s) => `${tag} ready (${en.build.way[way]}, ${s})`,
    way: { registry: 'registry', offline: 'offline', built: 'built', cached: 'cached' },
    note: (n) => {
      if (n.id === 'checking') return 'checking images';
      const why = { asked: `asked for the ${n.way} way`, present: `${'ref' in n.why ? n.why.ref : ''} is already here`, pulled: `pulled ${'ref' in n.why ? n.why.ref : ''}`, 'no-registry': `no registry reachable (${'reason' in n.why ? n.why.reason : ''})` }[n.why.id];
      return `building ${n.tag} the ${n.way} way: ${why}`;
    },
  },
  noSlides: 'No slides.',
  notes: {
    waiting: 'waiting for the presenter app: start zombie-lab in another terminal (q quits)',
    next: (title) => `next: ${title}`,
    last: 'this is the last slide',
    none: '(no notes on this slide)',
    more: (n) => `… ${n} more lines (make the window taller)`,
    lost: 'the presenter app has gone; waiting for it to start again',
  },
  svg: {
    title: 'Zombies over time: no init vs dumb-init vs docker --init',
    appTitle: (replay) => `Zombies over time${replay ? ' (REPLAY of a recorded run)' : ''}`,
    timeAxis: 'time (s)',
    yAxis: 'zombie processes',
    stopAt: (ms, way = 'docker-stop') => `${EN_STOP[way]} at ${(ms / 1000).toFixed(1)} s`,
    legend: (r, way = 'docker-stop') =>
      `PID 1: ${r.pid1 ?? '?'}, peak ${r.zombiesPeak} zombie${r.zombiesPeak === 1 ? '' : 's'}, ${EN_STOP[way]} ${r.stopMs === null ? '—' : `${(r.stopMs / 1000).toFixed(2)} s`}, exit ${r.exitCode ?? '—'}`,
    modeLabel: { 'no-init': 'no init', 'dumb-init': 'dumb-init', init: 'docker --init' },
    pidLimit: (n) => `PID limit ${n}: no more processes, zombies included`,
    liftedOver: (other) => `drawn 3 px higher: it lies on ${other}`,
  },
  containers: {
    replay: 'this is a replay: no engine to ask',
    noEngine: 'no Docker engine answers',
    title: 'Your containers: PID 1 of each (read-only)',
    loading: (done, total) => `reading the running containers…${total === undefined ? '' : ` ${done ?? 0} of ${total}`}`,
    cannotList: (w) => `cannot list them: ${w}`,
    none: 'no running containers on this engine',
    above: (n) => `↑ ${n} more`,
    below: (n) => `↓ ${n} more`,
    hidden: (n) => `${n} of the lab's own not shown (its demo lanes, standbys and samplers)`,
    details: 'Enter: details · all of them: zombie-lab inspect --all',
    image: 'image',
    noFindings: 'nothing to fix',
    fix: 'fix',
    more: (name) => `more: zombie-lab inspect ${name}`,
    // The zombie count before the signal: at 80 columns the end of the line is what gets cut.
    verdict: (v) =>
      `${v.kind} ${v.program} · ${v.zombies} zombie${v.zombies === 1 ? '' : 's'} · ${v.endsOnSignal ? `ends on ${v.signal}` : `drops ${v.signal} (137 after ${v.timeoutS} s)`}`,
    unreadable: (w) => `could not be read: ${w}`,
  },
};

const de: UiText = {
  lang: 'de',
  secs: secsWith(','),
  modeLabel: { 'no-init': 'ohne Init', 'dumb-init': 'dumb-init', init: 'docker --init' },
  state: {
    idle: 'bereit · r startet',
    idleShort: 'bereit',
    building: (d) => `baue Image: ${d}`,
    starting: 'startet',
    running: (s) => `läuft ${s}`,
    stopping: (left, t) => `stoppt · SIGKILL in ${left}${t === null ? '' : ` (Frist ${t} s)`}`,
    stopped: (s, exit, compact) => `gestoppt${compact ? '' : ' in'} ${s} · Exit ${exit}`,
    error: (m) => `FEHLER: ${m}`,
    errorShort: 'FEHLER',
  },
  zombies: 'Zombies',
  peak: 'Spitze',
  pids: 'PIDs',
  forkFailures: 'Fork-Fehler',
  pods: {
    probe: 'Probe',
    emulated: ['Docker startet keine Pods: jeder ist mit einem Pause-Container nachgebaut', 'Pods mit Pause-Container nachgebaut', 'Pods nachgebaut'],
  },
  fix: 'Abhilfe:',
  live: 'LIVE',
  replay: 'REPLAY',
  connecting: '…',
  sourceHeadline: {
    cgroup: 'Zombies: pids-cgroup, 10×/s, gegen /proc geprüft',
    'host-proc': 'Zombies: /proc dieses Rechners',
    sidecar: 'Zombies: /proc in jedem Container (Sidecar)',
    'sidecar-cgroup': 'Zombies: pids-cgroup über Sidecar, 10×/s',
    replay: 'Aufzeichnung',
  },
  sourceShort: { cgroup: 'pids-cgroup', 'host-proc': 'Host-/proc', sidecar: 'Sidecar-/proc', 'sidecar-cgroup': 'Sidecar-cgroup', replay: 'Aufzeichnung' },
  replayDetail: 'Aufzeichnung, keine Engine nötig',
  connectingDetail: 'suche eine Docker-Engine',
  engineDetail: 'Docker-Engine',
  plotCaption: (span, y, isLimit, stopped) => [
    `Zombies über ${span} s${stopped ? ` · ┊ ${DE_STOP[stopped]}` : ''} · y von 0 bis ${y}${isLimit ? ' (das PID-Limit)' : ''}`,
    `Zombies, ${span} s${stopped ? ' · ┊ Stopp' : ''} · y 0–${y}${isLimit ? ' (PID-Limit)' : ''}`,
    `${span} s${stopped ? ' · ┊ Stopp' : ''} · y 0–${y}`,
  ],
  stopName: DE_STOP,
  hiddenLanes: (keys) => `${keys}: diese Spur zeigen`,
  phaseHint: {
    idle: 'r startet alle drei nebeneinander',
    running: 's stoppt alle drei (docker stop, gemessen)',
    stopping: 'docker stop gesendet: erst SIGTERM, nach der Frist SIGKILL',
    done: 'r startet sie neu · e speichert die Kurve als SVG',
  },
  podsPhaseHint: {
    idle: 'r startet die drei Pods nebeneinander',
    running: 's stoppt die Pods: SIGTERM, nach der Frist jedes Pods SIGKILL',
    stopping: 'SIGTERM gesendet: SIGKILL, wenn die Frist eines Pods endet',
    done: 'r startet sie neu · e speichert die Kurve als SVG',
  },
  slideCounter: (n, of) => `Folie ${n}/${of}`,
  hint: {
    restart: 'neu starten',
    runPods: 'Pods starten',
    stopping: 'stoppt',
    closeHelp: 'schließt die Hilfe',
    quitting: 'stoppe die Container und beende',
    blank: 'Bildschirm dunkel · eine Taste zeigt ihn wieder',
    index: '↑/↓ wählen · Enter hin · Esc schließen',
    count: (n) => `${n}: G oder Enter geht zu Folie ${n}`,
  },
  helpTitle: 'Tasten (? oder Esc schließt)',
  helpLanes: 'Spuren (die Zeichen der Kurven trennen sie auch ohne Farbe):',
  indexTitle: 'Folien (Enter geht hin, Esc schließt)',
  tooSmall: (c, r, mc, mr) => `Terminal zu klein: ${c}x${r}. zombie-lab braucht mindestens ${mc}x${mr}.`,
  tooSmallFix: 'Fenster vergrößern oder die Schrift verkleinern; q beendet.',
  tree: {
    none: 'Prozessbaum: noch keine Daten (r startet die Demo)',
    header: (n, z) => `Prozessbaum · ${n} Prozesse, ${z} Zombies (Z)`,
    pid1: 'PID 1 im Container',
    moreZombies: (n) => `${n} weitere Zombies`,
    moreLines: (n) => `${n} weitere Zeilen`,
  },
  notice: {
    nothingToExport: 'noch nichts zu speichern: erst mit r die Demo starten',
    saved: (w) => `Handout gespeichert: ${w}`,
    saveFailed: (w) => `SVG nicht gespeichert: ${w}`,
    engine: (e, v) => `Engine ${e} (${v})`,
    noEngine: 'keine Docker-Engine antwortet; `zombie-lab doctor` sagt warum',
    noEngineReplay: 'keine Docker-Engine antwortet, zeige eine Aufzeichnung; `zombie-lab doctor` sagt warum',
    noEngineBrokenRecording: 'keine Docker-Engine antwortet und die Aufzeichnung ist unlesbar; `zombie-lab doctor` sagt warum',
    swept: ({ containers: n, dirs, mounts }) => {
      const parts: string[] = [];
      if (n) parts.push(`${n} Container`);
      if (dirs) parts.push(`${dirs} ${dirs === 1 ? 'temporären Ordner oder cgroup' : 'temporäre Ordner oder cgroups'}${mounts ? ` (${mounts} Mount${mounts === 1 ? '' : 's'} gelöst)` : ''}`);
      return parts.length ? `${parts.join(' und ')} früherer Läufe entfernt, deren Lab-Prozess nicht mehr lebt` : null;
    },
  },
  build: {
    ready: (tag, way, s) => `${tag} fertig (${de.build.way[way]}, ${s})`,
    way: { registry: 'aus der Registry', offline: 'offline', built: 'gebaut', cached: 'schon da' },
    note: (n) => {
      if (n.id === 'checking') return 'prüfe die Images';
      const way = n.way === 'registry' ? 'aus der Registry' : 'offline';
      const why = { asked: 'so verlangt', present: `${'ref' in n.why ? n.why.ref : ''} ist schon da`, pulled: `${'ref' in n.why ? n.why.ref : ''} geladen`, 'no-registry': `keine Registry erreichbar (${'reason' in n.why ? n.why.reason : ''})` }[n.why.id];
      return `baue ${n.tag} ${way}: ${why}`;
    },
  },
  noSlides: 'Keine Folien.',
  notes: {
    waiting: 'warte auf die Präsentation: zombie-lab in einem anderen Terminal starten (q beendet)',
    next: (title) => `als Nächstes: ${title}`,
    last: 'dies ist die letzte Folie',
    none: '(keine Notizen zu dieser Folie)',
    more: (n) => `… ${n} weitere Zeilen (Fenster höher machen)`,
    lost: 'die Präsentation ist beendet; warte, bis sie wieder startet',
  },
  svg: {
    title: 'Zombies über die Zeit: ohne Init, dumb-init, docker --init',
    appTitle: (replay) => `Zombies über die Zeit${replay ? ' (REPLAY einer Aufzeichnung)' : ''}`,
    timeAxis: 'Zeit (s)',
    yAxis: 'Zombie-Prozesse',
    stopAt: (ms, way = 'docker-stop') => `${DE_STOP[way]} bei ${(ms / 1000).toFixed(1).replace('.', ',')} s`,
    legend: (r, way = 'docker-stop') =>
      `PID 1: ${r.pid1 ?? '?'}, Spitze ${r.zombiesPeak} ${r.zombiesPeak === 1 ? 'Zombie' : 'Zombies'}, ${DE_STOP[way]} ${r.stopMs === null ? '—' : `${(r.stopMs / 1000).toFixed(2).replace('.', ',')} s`}, Exit ${r.exitCode ?? '—'}`,
    modeLabel: { 'no-init': 'ohne Init', 'dumb-init': 'dumb-init', init: 'docker --init' },
    pidLimit: (n) => `PID-Limit ${n}: keine Prozesse mehr, Zombies mitgezählt`,
    liftedOver: (other) => `3 px höher gezeichnet: liegt auf ${other}`,
  },
  containers: {
    replay: 'dies ist eine Aufzeichnung: keine Engine zu fragen',
    noEngine: 'keine Docker-Engine antwortet',
    title: 'Deine Container: PID 1 von jedem (nur lesend)',
    loading: (done, total) => `lese die laufenden Container…${total === undefined ? '' : ` ${done ?? 0} von ${total}`}`,
    cannotList: (w) => `Liste nicht lesbar: ${w}`,
    none: 'keine laufenden Container auf dieser Engine',
    above: (n) => `↑ ${n} weitere`,
    below: (n) => `↓ ${n} weitere`,
    hidden: (n) => `${n} eigene des Labs nicht gezeigt (seine Demo-Spuren, Reserve und Sampler)`,
    details: 'Enter: Einzelheiten · alle: zombie-lab inspect --all',
    image: 'Image',
    noFindings: 'nichts zu beheben',
    fix: 'Abhilfe',
    more: (name) => `mehr: zombie-lab inspect ${name}`,
    verdict: (v) =>
      `${{ init: 'Init', shell: 'Shell', app: 'Programm' }[v.kind]} ${v.program} · ${v.zombies} ${v.zombies === 1 ? 'Zombie' : 'Zombies'} · ${v.endsOnSignal ? `endet bei ${v.signal}` : `verwirft ${v.signal} (137 nach ${v.timeoutS} s)`}`,
    unreadable: (w) => `nicht lesbar: ${w}`,
  },
};

export const UI_TEXT: Record<Lang, UiText> = { en, de };

export function uiText(lang: Lang): UiText {
  return UI_TEXT[lang];
}
