/**
 * The problems the engine side reports that a presenter can see, as data: a key with its facts,
 * worded by one table per language. The engine builds the English words from the same table
 * (so a Problem always has message and fix), and keeps the key, so the app can say it again in
 * German. The mapped type makes a missing translation a compile error.
 */
import type { ModeId } from './modes.js';
import type { Lang } from './lang.js';

/** A failure told to a person: what happened and what to do about it. */
export interface Problem {
  message: string;
  fix: string;
  /** What it was, with its facts, so the app can say it in its language. */
  key?: ProblemKey;
}

/** What the lab was doing when the engine failed it. */
export type Doing =
  | { id: 'build-images' }
  | { id: 'choose-sampler' }
  | { id: 'start-containers' }
  | { id: 'run-demo' }
  | { id: 'start-container'; mode: ModeId }
  | { id: 'stop-container'; mode: ModeId }
  | { id: 'start-sidecar'; mode: ModeId; why: string }
  | { id: 'probe' }
  | { id: 'scorecard' }
  | { id: 'lab-check' }
  | { id: 'inspect'; name: string };

/** Why an engine counts as lost: silent for so long, or a connection error's code. */
export type LostWhy = { silentS: number } | { code: string };

/** Which fix applies to an engine that does not answer, by how it was chosen. */
export type EndpointFix = { kind: 'DOCKER_HOST' } | { kind: 'context'; context: string } | { kind: 'default' };

/** What a failed build was building. */
export type BuildTarget = { kind: 'image'; name: string } | { kind: 'import' } | { kind: 'yours' } | { kind: 'ref'; ref: string };

const buildTargetEn = (b: BuildTarget): string =>
  b.kind === 'image' ? `the ${b.name} image` : b.kind === 'import' ? 'the base image (import)' : b.kind === 'yours' ? 'your Dockerfile' : b.ref;
const buildTargetDe = (b: BuildTarget): string =>
  b.kind === 'image' ? `des Images ${b.name}` : b.kind === 'import' ? 'des Basis-Images (Import)' : b.kind === 'yours' ? 'deines Dockerfiles' : `von ${b.ref}`;

/** Engine refusals with a known fix (core/engine-error-hints.ts). */
export type HintId = 'catatonit' | 'docker-init' | 'rlimit';

export type ProblemKey =
  | { id: 'engine-lost'; endpoint: string; why: LostWhy }
  | { id: 'engine-gone'; endpoint: string; doing: Doing }
  | { id: 'engine-refused'; doing: Doing; status: number | null; detail: string }
  | { id: 'engine-refused-known'; hint: HintId; install: string; doing: Doing; detail: string }
  | { id: 'socket-permission'; socket: string }
  | { id: 'no-engine'; shown: string; fix: EndpointFix }
  | { id: 'engine-timeout'; shown: string; code: string; fix: EndpointFix }
  | { id: 'engine-talk'; shown: string; detail: string; fix: EndpointFix }
  | { id: 'api-too-old'; shown: string; api: string; min: string }
  | { id: 'build-failed'; what: BuildTarget; step: string | null; failure: string }
  | { id: 'pid-budget'; inUse: number; runs: number; wanted: number; free: number; pidMax: number; margin: number }
  | { id: 'pid-budget-busy'; holder: number | null; waitedS: number }
  | { id: 'pid-limit-no-cgroups'; who: string; driver: string; rootlessOn: number | '?' | null }
  | { id: 'pid-limit-unsupported'; who: string }
  | { id: 'sampler-choice'; detail: string }
  | { id: 'sampler-no-reading'; container: string; tail: string | null }
  | { id: 'no-source' }
  /** `r` on the pods slide with a recording that holds no pods run: pods run live only then. */
  | { id: 'pods-need-engine' }
  | { id: 'progress-unreadable'; file: string; code: string }
  | { id: 'progress-unusable'; reason: string; aside: string }
  | { id: 'workspace-kernel'; dir: string; root: string }
  | { id: 'workspace-create'; dir: string; code: string }
  | { id: 'workspace-write'; target: string; code: string }
  | { id: 'lab-files-missing'; labId: string; from: string; code: string }
  | { id: 'no-such-container'; name: string }
  | { id: 'container-not-running'; name: string }
  | { id: 'no-such-pod'; name: string }
  | { id: 'pods-need-podman'; name: string; engine: string }
  | { id: 'no-such-path'; path: string }
  | { id: 'unexpected'; detail: string };

export type ProblemTexts = { [K in ProblemKey['id']]: (k: Extract<ProblemKey, { id: K }>) => Problem };

type Words = { problems: ProblemTexts; doing: (d: Doing) => string; fix: (f: EndpointFix) => string };

const LIMIT_FIX_EN =
  'use an engine with a pids cgroup: rootful Docker or Podman, or rootless on a cgroup v2 host with the pids controller delegated (boot with systemd.unified_cgroup_hierarchy=1; systemd: Delegate=yes for user@.service)';
const LIMIT_FIX_DE =
  'eine Engine mit pids-cgroup nehmen: Docker oder Podman als root, oder rootless auf einem Rechner mit cgroup v2 und delegiertem pids-Controller (Boot mit systemd.unified_cgroup_hierarchy=1; systemd: Delegate=yes für user@.service)';

const doingEn = (d: Doing): string => {
  switch (d.id) {
    case 'build-images':
      return 'building the images';
    case 'choose-sampler':
      return 'choosing the sampler';
    case 'start-containers':
      return 'starting the containers';
    case 'run-demo':
      return 'running the demo';
    case 'start-container':
      return `starting the ${d.mode} container`;
    case 'stop-container':
      return `stopping the ${d.mode} container`;
    case 'start-sidecar':
      return `starting the sampler next to the ${d.mode} container (${d.why})`;
    case 'probe':
      return 'the probe container';
    case 'scorecard':
      return 'running a scorecard container';
    case 'lab-check':
      return 'running the lab check';
    case 'inspect':
      return `inspecting ${d.name}`;
  }
};

/** German, accusative: a noun phrase that fits "verweigerte …". */
const doingDe = (d: Doing): string => {
  switch (d.id) {
    case 'build-images':
      return 'den Bau der Images';
    case 'choose-sampler':
      return 'die Wahl des Samplers';
    case 'start-containers':
      return 'den Start der Container';
    case 'run-demo':
      return 'die Demo';
    case 'start-container':
      return `den Start des Containers ${d.mode}`;
    case 'stop-container':
      return `das Stoppen des Containers ${d.mode}`;
    case 'start-sidecar':
      return `den Start des Samplers neben dem Container ${d.mode} (${d.why})`;
    case 'probe':
      return 'den Prüf-Container';
    case 'scorecard':
      return 'einen Scorecard-Container';
    case 'lab-check':
      return 'die Lab-Prüfung';
    case 'inspect':
      return `die Untersuchung von ${d.name}`;
  }
};

/** German, dative with its preposition: "antwortete nicht mehr beim Bau der Images". */
const doingDeAt = (d: Doing): string => {
  switch (d.id) {
    case 'build-images':
      return 'beim Bau der Images';
    case 'choose-sampler':
      return 'bei der Wahl des Samplers';
    case 'start-containers':
      return 'beim Start der Container';
    case 'run-demo':
      return 'während der Demo';
    case 'start-container':
      return `beim Start des Containers ${d.mode}`;
    case 'stop-container':
      return `beim Stoppen des Containers ${d.mode}`;
    case 'start-sidecar':
      return `beim Start des Samplers neben dem Container ${d.mode} (${d.why})`;
    case 'probe':
      return 'beim Prüf-Container';
    case 'scorecard':
      return 'bei einem Scorecard-Container';
    case 'lab-check':
      return 'bei der Lab-Prüfung';
    case 'inspect':
      return `bei der Untersuchung von ${d.name}`;
  }
};

const fixEn = (f: EndpointFix): string => {
  switch (f.kind) {
    case 'DOCKER_HOST':
      return 'start that engine, or unset DOCKER_HOST to use the current docker context';
    case 'context':
      return `start the engine of context ${f.context} (docker context inspect ${f.context}), or choose another: docker context use NAME`;
    case 'default':
      return 'start Docker (Docker Desktop, or: sudo systemctl start docker; on Debian/Ubuntu as root: scripts/setup-docker.sh), or point DOCKER_HOST or a docker context at a running engine';
  }
};

const fixDe = (f: EndpointFix): string => {
  switch (f.kind) {
    case 'DOCKER_HOST':
      return 'diese Engine starten, oder DOCKER_HOST entfernen, um den aktuellen Docker-Kontext zu nehmen';
    case 'context':
      return `die Engine des Kontexts ${f.context} starten (docker context inspect ${f.context}), oder einen anderen wählen: docker context use NAME`;
    case 'default':
      return 'Docker starten (Docker Desktop, oder: sudo systemctl start docker; unter Debian/Ubuntu als root: scripts/setup-docker.sh), oder DOCKER_HOST bzw. einen Docker-Kontext auf eine laufende Engine zeigen lassen';
  }
};

const en: Words = {
  doing: doingEn,
  fix: fixEn,
  problems: {
    'no-such-container': (k) => ({ message: `no container named or with id "${k.name}" on this engine`, fix: 'docker ps lists the running ones; or use --all' }),
    'container-not-running': (k) => ({ message: `container ${k.name} is not running`, fix: `inspect reads a running container: docker start ${k.name}, or pick one from docker ps` }),
    'no-such-pod': (k) => ({ message: `no pod named or with id "${k.name}" on this Podman`, fix: 'podman pod ps lists the pods; or inspect a container by its name: zombie-lab inspect CONTAINER' }),
    'pods-need-podman': (k) => ({
      message: `inspect --pod ${k.name}: ${k.engine} has no pods (Podman has)`,
      fix: "inspect the containers by name instead: zombie-lab inspect CONTAINER...; the containers of lab 05's emulated pods (a pause container and the app, zombie-lab-…-pod-NAME) are inspected the same way",
    }),
    'no-such-path': (k) => ({ message: `${k.path}: no such file or folder`, fix: 'name a Dockerfile, compose file, manifest, script or a folder' }),
    'engine-lost': (k) => ({
      message: `the Docker engine at ${k.endpoint} stopped answering (${'code' in k.why ? k.why.code : `no answer for ${k.why.silentS.toFixed(1)} s`})`,
      fix: 'start Docker again, then run again (r in the app): what this run left is removed then',
    }),
    'engine-gone': (k) => ({ message: `the Docker engine at ${k.endpoint} stopped answering while ${doingEn(k.doing)}`, fix: 'start Docker again, then run the demo again' }),
    'engine-refused': (k) => ({
      message: `the Docker engine refused ${doingEn(k.doing)}${k.status ? ` (HTTP ${k.status})` : ''}: ${k.detail}`,
      fix: 'run: zombie-lab doctor, which checks the engine, images and permissions one by one',
    }),
    'engine-refused-known': (k) => {
      const what = {
        catatonit: '--init needs catatonit on the machine Podman runs on',
        'docker-init': '--init needs docker-init (tini) on the machine Docker runs on',
        rlimit: "the engine's default ulimits are above this machine's hard limits",
      }[k.hint];
      const fix =
        k.hint === 'rlimit'
          ? 'Podman: set default_ulimits = ["nofile=N:N"] in containers.conf ([containers] section) with N at most `ulimit -Hn`, then restart podman system service'
          : `install it: ${k.install}`;
      return { message: `${what} (the engine refused ${doingEn(k.doing)}: ${k.detail})`, fix };
    },
    'socket-permission': (k) => ({
      message: `permission denied on the Docker socket ${k.socket}`,
      fix: 'add your user to the docker group (sudo usermod -aG docker $USER), then log out and in again (or run: newgrp docker)',
    }),
    'no-engine': (k) => ({ message: `no Docker engine answers at ${k.shown}`, fix: fixEn(k.fix) }),
    'engine-timeout': (k) => ({ message: `the Docker engine at ${k.shown} did not answer (${k.code})`, fix: `check that the engine is running; ${fixEn(k.fix)}; the slides work without it` }),
    'engine-talk': (k) => ({ message: `cannot talk to the Docker engine at ${k.shown}: ${k.detail}`, fix: `${fixEn(k.fix)} (docker version shows what the CLI reaches)` }),
    'api-too-old': (k) => ({ message: `the Docker engine at ${k.shown} speaks API ${k.api}, the lab needs ${k.min} or newer`, fix: 'update Docker to version 17.06 or newer' }),
    'build-failed': (k) => ({
      message: `building ${buildTargetEn(k.what)} failed${k.step ? ` at ${k.step}` : ''}: ${k.failure}`,
      fix: `fix the Dockerfile or build input of ${buildTargetEn(k.what)} and run: zombie-lab prepare`,
    }),
    'pid-budget': (k) => ({
      message: `not enough PIDs left on this host: ${k.inUse} are reserved by ${k.runs} lab run${k.runs === 1 ? '' : 's'}, and ${k.wanted} more would leave ${k.free} of pid_max ${k.pidMax} free (the lab keeps ${k.margin} free)`,
      fix: 'wait for the other runs to end, use a smaller --pids-limit, or remove leftovers: zombie-lab clean (or clean --all)',
    }),
    'pid-budget-busy': (k) => ({
      message: `another lab process${k.holder ? ` (PID ${k.holder})` : ''} has been creating a container for ${k.waitedS} s, and the lab creates one at a time to keep the PID budget`,
      fix: `its engine may not be answering: wait for it or end it${k.holder ? ` (kill ${k.holder})` : ''}, then start again`,
    }),
    'pid-limit-no-cgroups': (k) => ({
      message: `${k.who} runs containers without cgroups (cgroup driver ${k.driver}${k.rootlessOn !== null ? `, rootless on cgroup v${k.rootlessOn}` : ''}): a PID limit would not be applied, so the lab runs no zombie-making container there`,
      fix: LIMIT_FIX_EN,
    }),
    'pid-limit-unsupported': (k) => ({ message: `${k.who} says it cannot apply a PID limit (docker info: PidsLimit false), so the lab runs no zombie-making container there`, fix: LIMIT_FIX_EN }),
    'sampler-choice': (k) => ({ message: k.detail, fix: 'unset ZOMBIE_LAB_SAMPLER, or set it to auto, proc or sidecar' }),
    'sampler-no-reading': (k) => ({
      message: `the sampler next to container ${k.container} gave no reading${k.tail ? `: ${k.tail}` : ''}`,
      fix: 'zombie-lab doctor checks the sampler; zombie-lab prepare rebuilds the base image',
    }),
    'no-source': () => ({ message: 'no Docker engine answers and no recording was found', fix: 'start Docker (zombie-lab doctor says how), or pass --replay FILE' }),
    'pods-need-engine': () => ({ message: 'the pods run live only: this recording holds no pods run', fix: 'start Docker or Podman (zombie-lab doctor says how) and the app without --replay, or replay a recording made with zombie-lab record --pods' }),
    'progress-unreadable': (k) => ({ message: `could not read your lab progress at ${k.file} (${k.code}); starting over`, fix: 'nothing to do: your labs start from the beginning; your files in the workspace stay as they are' }),
    'progress-unusable': (k) => ({ message: `your lab progress file was unusable (${k.reason}); starting over (the old file is kept as ${k.aside})`, fix: 'nothing to do: your labs start from the beginning; your files in the workspace stay as they are' }),
    'workspace-kernel': (k) => ({ message: `the lab workspace ${k.dir} is under ${k.root}, which is the kernel's, not a folder`, fix: 'choose a folder of yours: --workspace DIR or ZOMBIE_LAB_WORKSPACE=DIR' }),
    'workspace-create': (k) => ({ message: `cannot create the lab workspace ${k.dir} (${k.code})`, fix: 'choose a folder you can write to: --workspace DIR or ZOMBIE_LAB_WORKSPACE=DIR' }),
    'workspace-write': (k) => ({ message: `cannot write ${k.target} (${k.code})`, fix: k.code === 'EISDIR' ? `a folder is in the way: move ${k.target} away, then run the command again` : 'choose a folder you can write to: --workspace DIR or ZOMBIE_LAB_WORKSPACE=DIR' }),
    'lab-files-missing': (k) => ({ message: `the starting files of lab ${k.labId} are missing: ${k.from} (${k.code})`, fix: 'the package is incomplete: reinstall it (npm install), or restore that folder from the repository' }),
    unexpected: (k) => ({ message: k.detail, fix: 'press r to try again; `zombie-lab doctor` checks the engine' }),
  },
};

const de: Words = {
  doing: doingDe,
  fix: fixDe,
  problems: {
    'no-such-container': (k) => ({ message: `kein Container mit dem Namen oder der ID "${k.name}" auf dieser Engine`, fix: 'docker ps listet die laufenden; oder --all' }),
    'container-not-running': (k) => ({ message: `Container ${k.name} läuft nicht`, fix: `inspect liest einen laufenden Container: docker start ${k.name}, oder nimm einen aus docker ps` }),
    'no-such-pod': (k) => ({ message: `kein Pod mit dem Namen oder der ID "${k.name}" auf diesem Podman`, fix: 'podman pod ps listet die Pods; oder einen Container beim Namen untersuchen: zombie-lab inspect CONTAINER' }),
    'pods-need-podman': (k) => ({
      message: `inspect --pod ${k.name}: ${k.engine} kennt keine Pods (Podman schon)`,
      fix: 'die Container beim Namen untersuchen: zombie-lab inspect CONTAINER...; die Container der nachgebildeten Pods aus Lab 05 (ein Pause-Container und die App, zombie-lab-…-pod-NAME) werden genauso untersucht',
    }),
    'no-such-path': (k) => ({ message: `${k.path}: keine solche Datei und kein solcher Ordner`, fix: 'nenne ein Dockerfile, eine Compose-Datei, ein Manifest, ein Skript oder einen Ordner' }),
    'engine-lost': (k) => ({
      message: `die Docker-Engine unter ${k.endpoint} antwortet nicht mehr (${'code' in k.why ? k.why.code : `${k.why.silentS.toFixed(1).replace('.', ',')} s keine Antwort`})`,
      fix: 'Docker wieder starten, dann neu starten (r in der App): was dieser Lauf hinterließ, wird dabei entfernt',
    }),
    'engine-gone': (k) => ({ message: `die Docker-Engine unter ${k.endpoint} antwortete nicht mehr ${doingDeAt(k.doing)}`, fix: 'Docker wieder starten, dann die Demo neu starten' }),
    'engine-refused': (k) => ({
      message: `die Docker-Engine verweigerte ${doingDe(k.doing)}${k.status ? ` (HTTP ${k.status})` : ''}: ${k.detail}`,
      fix: 'zombie-lab doctor ausführen: es prüft Engine, Images und Rechte einzeln',
    }),
    'engine-refused-known': (k) => {
      const what = {
        catatonit: '--init braucht catatonit auf dem Rechner, auf dem Podman läuft',
        'docker-init': '--init braucht docker-init (tini) auf dem Rechner, auf dem Docker läuft',
        rlimit: 'die Standard-ulimits der Engine liegen über den harten Grenzen dieses Rechners',
      }[k.hint];
      const fix =
        k.hint === 'rlimit'
          ? 'Podman: default_ulimits = ["nofile=N:N"] in containers.conf (Abschnitt [containers]) setzen, N höchstens `ulimit -Hn`, dann podman system service neu starten'
          : `installieren: ${k.install}`;
      return { message: `${what} (die Engine verweigerte ${doingDe(k.doing)}: ${k.detail})`, fix };
    },
    'socket-permission': (k) => ({
      message: `kein Zugriff auf den Docker-Socket ${k.socket}`,
      fix: 'den Benutzer in die Gruppe docker aufnehmen (sudo usermod -aG docker $USER), dann ab- und wieder anmelden (oder: newgrp docker)',
    }),
    'no-engine': (k) => ({ message: `keine Docker-Engine antwortet unter ${k.shown}`, fix: fixDe(k.fix) }),
    'engine-timeout': (k) => ({
      message: `die Docker-Engine unter ${k.shown} antwortete nicht (${k.code})`,
      fix: `prüfen, ob die Engine läuft; ${fixDe(k.fix)}; die Folien gehen auch ohne sie`,
    }),
    'engine-talk': (k) => ({ message: `keine Verbindung zur Docker-Engine unter ${k.shown}: ${k.detail}`, fix: `${fixDe(k.fix)} (docker version zeigt, was die CLI erreicht)` }),
    'api-too-old': (k) => ({ message: `die Docker-Engine unter ${k.shown} spricht API ${k.api}, das Lab braucht ${k.min} oder neuer`, fix: 'Docker auf Version 17.06 oder neuer aktualisieren' }),
    'build-failed': (k) => ({
      message: `Bau ${buildTargetDe(k.what)} fehlgeschlagen${k.step ? ` bei ${k.step}` : ''}: ${k.failure}`,
      fix: `Dockerfile oder Bau-Eingaben ${buildTargetDe(k.what)} korrigieren, dann: zombie-lab prepare`,
    }),
    'pid-budget': (k) => ({
      message: `zu wenige PIDs frei auf diesem Rechner: ${k.inUse} belegen ${k.runs} Lab-${k.runs === 1 ? 'Lauf' : 'Läufe'}, ${k.wanted} weitere ließen nur ${k.free} von pid_max ${k.pidMax} frei (das Lab hält ${k.margin} frei)`,
      fix: 'warten, bis die anderen Läufe enden, ein kleineres --pids-limit nehmen, oder Reste entfernen: zombie-lab clean (oder clean --all)',
    }),
    'pid-budget-busy': (k) => ({
      message: `ein anderer Lab-Prozess${k.holder ? ` (PID ${k.holder})` : ''} legt seit ${k.waitedS} s einen Container an, und das Lab legt für das PID-Budget einen nach dem anderen an`,
      fix: `seine Engine antwortet womöglich nicht: warten oder ihn beenden${k.holder ? ` (kill ${k.holder})` : ''}, dann neu starten`,
    }),
    'pid-limit-no-cgroups': (k) => ({
      message: `${k.who} startet Container ohne cgroups (cgroup-Treiber ${k.driver}${k.rootlessOn !== null ? `, rootless auf cgroup v${k.rootlessOn}` : ''}): ein PID-Limit griffe nicht, also startet das Lab dort keinen Zombie-Container`,
      fix: LIMIT_FIX_DE,
    }),
    'pid-limit-unsupported': (k) => ({ message: `${k.who} kann nach eigener Angabe kein PID-Limit setzen (docker info: PidsLimit false), also startet das Lab dort keinen Zombie-Container`, fix: LIMIT_FIX_DE }),
    'sampler-choice': (k) => ({ message: k.detail, fix: 'ZOMBIE_LAB_SAMPLER entfernen oder auf auto, proc oder sidecar setzen' }),
    'sampler-no-reading': (k) => ({
      message: `der Sampler neben Container ${k.container} lieferte keinen Wert${k.tail ? `: ${k.tail}` : ''}`,
      fix: 'zombie-lab doctor prüft den Sampler; zombie-lab prepare baut das Basis-Image neu',
    }),
    'no-source': () => ({ message: 'keine Docker-Engine antwortet und keine Aufzeichnung gefunden', fix: 'Docker starten (zombie-lab doctor sagt wie) oder --replay DATEI angeben' }),
    'pods-need-engine': () => ({ message: 'die Pods laufen nur live: diese Aufzeichnung enthält keinen Pod-Lauf', fix: 'Docker oder Podman starten (zombie-lab doctor sagt wie) und die App ohne --replay, oder eine mit zombie-lab record --pods gemachte Aufzeichnung abspielen' }),
    'progress-unreadable': (k) => ({ message: `dein Lab-Fortschritt in ${k.file} ließ sich nicht lesen (${k.code}); es geht von vorn los`, fix: 'nichts zu tun: deine Labs beginnen von vorn; deine Dateien im Arbeitsordner bleiben, wie sie sind' }),
    'progress-unusable': (k) => ({ message: `deine Fortschrittsdatei war unbrauchbar (${k.reason}); es geht von vorn los (die alte Datei liegt als ${k.aside})`, fix: 'nichts zu tun: deine Labs beginnen von vorn; deine Dateien im Arbeitsordner bleiben, wie sie sind' }),
    'workspace-kernel': (k) => ({ message: `der Lab-Arbeitsordner ${k.dir} liegt unter ${k.root}, das gehört dem Kernel und ist kein Ordner`, fix: 'wähle einen eigenen Ordner: --workspace ORDNER oder ZOMBIE_LAB_WORKSPACE=ORDNER' }),
    'workspace-create': (k) => ({ message: `der Lab-Arbeitsordner ${k.dir} lässt sich nicht anlegen (${k.code})`, fix: 'wähle einen Ordner, in den du schreiben darfst: --workspace ORDNER oder ZOMBIE_LAB_WORKSPACE=ORDNER' }),
    'workspace-write': (k) => ({ message: `${k.target} lässt sich nicht schreiben (${k.code})`, fix: k.code === 'EISDIR' ? `dort steht ein Ordner im Weg: verschiebe ${k.target}, dann starte den Befehl noch einmal` : 'wähle einen Ordner, in den du schreiben darfst: --workspace ORDNER oder ZOMBIE_LAB_WORKSPACE=ORDNER' }),
    'lab-files-missing': (k) => ({ message: `die Startdateien von Lab ${k.labId} fehlen: ${k.from} (${k.code})`, fix: 'das Paket ist unvollständig: installiere es neu (npm install) oder hol den Ordner aus dem Repository zurück' }),
    unexpected: (k) => ({ message: k.detail, fix: 'r versucht es noch einmal; `zombie-lab doctor` prüft die Engine' }),
  },
};

const WORDS: Record<Lang, Words> = { en, de };

function wordsFor<K extends ProblemKey>(lang: Lang, key: K): Problem {
  const f = WORDS[lang].problems[key.id] as (k: K) => Problem;
  return f(key);
}

/** A Problem with its key: English words (for logs, the CLI, recordings), the key for the app. */
export function problemOf(key: ProblemKey): Problem {
  return { ...wordsFor('en', key), key };
}

/** The problem in `lang`: from its key when it has one, else as it came (a recording, an old engine). */
export function problemIn(lang: Lang, p: Problem): { message: string; fix: string } {
  return p.key ? wordsFor(lang, p.key) : { message: p.message, fix: p.fix };
}

export function doingText(lang: Lang, d: Doing): string {
  return WORDS[lang].doing(d);
}

export function endpointFixText(lang: Lang, f: EndpointFix): string {
  return WORDS[lang].fix(f);
}

/**
 * The problem an error carries (a LabError's, also across the runner's boundary, where only its
 * shape is known), else null; the caller decides what an error without one becomes.
 */
export function problemCarriedBy(err: unknown): Problem | null {
  const p = (err as { problem?: Partial<Problem> } | null)?.problem;
  return p && typeof p.message === 'string' ? (p as Problem) : null;
}
