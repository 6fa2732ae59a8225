/**
 * Lab 08: the learner's Pod YAML, run as `zombie-lab pods` runs the lab's own (a real pod on
 * Podman, the pause-container emulation on Docker), with the check's exec probe runner doing
 * the kubelet's part. Judged from what the run measured: the probe's execs, the app's PID 1, and
 * the zombies the probe's commands left, counted from the kernel.
 */
import type { CheckItem } from '../../../core/labs/check-result.js';
import { parsePodFile, runnableProblems, type PodFile } from '../../../core/pods/pod-file.js';
import { EMULATED_NOTE, lanesOf, type PodEvent, type PodLane } from '../../../core/pods/pod-run.js';
import { imageTags } from '../../images.js';
import { podsWayOf, taggedAsListed } from '../../pods/pods-engine.js';
import { runPods } from '../../pods/run-pods.js';
import { CheckStop, tr, type CheckContext } from '../check-context.js';
import { readWorkspaceFile } from '../check-workspace.js';

/** The lab's app: fork.py in the lab's zombie image, at a rate the check sets. */
export const PODS_APP = { script: '/root/fork.py', env: { ZOMBIE_RATE: '2', ZOMBIE_LINGER: '0.2' } } as const;
/** How long the pod runs before its stop: long enough for several probe periods. */
const WINDOW_MS = 12_000;
/** The probe must have run this often in the window. An exec ends when its output closes, so a backgrounded child that keeps it open stretches each run to the child's life (3 s in the lab's probe). */
export const MIN_PROBE_RUNS = 2;
/** The stop is not judged here; a long grace period only makes the learner wait. */
const MAX_GRACE_S = 3;
const MEMORY_MB = 128;
const PIDS_LIMIT = 256;

/** The argv runs `python3 /root/fork.py` (behind an init or not): the lab's workload, not an idle stand-in. */
function runsApp(argv: readonly string[]): boolean {
  return argv.some((w, i) => w === 'python3' && argv[i + 1] === PODS_APP.script);
}

/** A zombie between its exit and its reaping is not one that stays: the fewest of the last three readings before the stop. */
function settled(lane: PodLane, pick: (s: PodLane['samples'][number]) => number | null): number | null {
  const before = lane.samples.filter((s) => lane.stopAt === null || s.t < lane.stopAt).map(pick).filter((n): n is number => n !== null);
  return before.length === 0 ? null : Math.min(...before.slice(-3));
}

async function readPod(ctx: CheckContext): Promise<PodFile> {
  const t = tr(ctx);
  const parsed = parsePodFile('pod.yaml', await readWorkspaceFile(ctx, 'pod.yaml'));
  const problem = parsed.ok ? runnableProblems(parsed.pod)[0] : parsed.errors[0];
  if (problem || !parsed.ok) {
    throw new CheckStop({
      ok: false,
      what: t('pod.yaml is a Pod the lab can run', 'pod.yaml ist ein Pod, den das Lab ausführen kann'),
      detail: problem ? `${problem.file}:${problem.line}: ${problem.message}` : 'pod.yaml',
      tryThis: t('fix that line; kubectl explain pod.spec describes the fields', 'korrigiere diese Zeile; kubectl explain pod.spec beschreibt die Felder'),
    });
  }
  return parsed.pod;
}

/** The pod as the check runs it: the app's rate pinned (it overrides the file's env) and a short grace period. */
function forCheck(pod: PodFile): PodFile {
  const [app, ...rest] = pod.containers;
  if (!app) return pod;
  return { ...pod, graceS: Math.min(pod.graceS, MAX_GRACE_S), containers: [{ ...app, env: { ...app.env, ...PODS_APP.env } }, ...rest] };
}

export async function checkPods(ctx: CheckContext): Promise<CheckItem[]> {
  const t = tr(ctx);
  const pod = await readPod(ctx);
  const { way, kind } = await podsWayOf(ctx.docker);
  const emulate = way === 'pause-container';
  if (emulate) ctx.onLine(`pods: ${EMULATED_NOTE}`);
  const labImage = await taggedAsListed(ctx.docker, kind, (await imageTags()).zombie);
  const events: PodEvent[] = [];
  for await (const e of runPods({ docker: ctx.docker, runId: ctx.runId, pods: [forCheck(pod)], durationMs: WINDOW_MS, pidsLimit: PIDS_LIMIT, memoryMb: MEMORY_MB, labImage, emulate, signal: ctx.signal })) {
    events.push(e);
  }
  const lane = lanesOf(events)[0];
  if (!lane) throw new CheckStop({ ok: false, what: t('the pod ran', 'der Pod lief'), detail: t('the pod did not start', 'der Pod ist nicht gestartet'), tryThis: t('zombie-lab doctor checks the engine', 'zombie-lab doctor prüft die Engine') });
  const how = emulate ? t('emulated with a pause container (Docker runs no pods)', 'emuliert mit einem Pause-Container (Docker führt keine Pods aus)') : t('a real pod (Podman kube play)', 'ein echter Pod (Podman kube play)');
  const app = pod.containers[0];
  const probe = lane.probe;
  const probeZombies = settled(lane, (s) => s.probeZombies);
  const allZombies = settled(lane, (s) => s.zombies);
  return [
    {
      ok: lane.pidsMaxRead === PIDS_LIMIT,
      what: t('the pod ran under its PID limit', 'der Pod lief unter seinem PID-Limit'),
      detail: t(`${how}; pids.max reads ${lane.pidsMaxRead ?? 'out of reach'} (set: ${PIDS_LIMIT})`, `${how}; pids.max liest ${lane.pidsMaxRead ?? 'nicht erreichbar'} (gesetzt: ${PIDS_LIMIT})`),
      tryThis: t('run the check on the machine where the engine runs: zombie-lab doctor checks the PID limit', 'starte den Check auf der Maschine, auf der die Engine läuft: zombie-lab doctor prüft das PID-Limit'),
    },
    {
      ok: !!app && runsApp(app.argv),
      what: t('the app is fork.py', 'die App ist fork.py'),
      detail: t(`the app's command is ${app?.argv.join(' ') || '(none)'}; PID 1 is ${lane.pid1}`, `der Befehl der App ist ${app?.argv.join(' ') || '(keiner)'}; PID 1 ist ${lane.pid1}`),
      tryThis: t(`keep python3 ${PODS_APP.script} in the app's command: the lab fixes who reaps, not the app`, `behalte python3 ${PODS_APP.script} im Befehl der App: das Lab repariert, wer erntet, nicht die App`),
    },
    {
      ok: probe !== null && lane.probeRuns >= MIN_PROBE_RUNS,
      what: t('the exec probe ran', 'die Exec-Probe lief'),
      detail: probe
        ? t(`${lane.probeRuns} execs in ${WINDOW_MS / 1000} s (${lane.probeTimeouts} past timeoutSeconds ${probe.timeoutS}): ${probe.command.join(' ')}`, `${lane.probeRuns} Execs in ${WINDOW_MS / 1000} s (${lane.probeTimeouts} über timeoutSeconds ${probe.timeoutS}): ${probe.command.join(' ')}`)
        : t('the app container has no exec probe', 'der App-Container hat keine Exec-Probe'),
      tryThis: t(
        `keep an exec probe on the app container, run at least every ${Math.floor(WINDOW_MS / 1000 / MIN_PROBE_RUNS)} s: the lab fixes the probe's leak, not the probe's presence`,
        `behalte eine Exec-Probe am App-Container, mindestens alle ${Math.floor(WINDOW_MS / 1000 / MIN_PROBE_RUNS)} s: das Lab repariert das Leck der Probe, nicht ihr Dasein`,
      ),
    },
    {
      ok: probeZombies !== null && probeZombies <= 1,
      what: t("the probe's commands leave no zombies", 'die Befehle der Probe hinterlassen keine Zombies'),
      detail: t(
        `${probeZombies ?? '?'} zombies of the probe's commands stay (${allZombies ?? '?'} in all); PID 1 of the app's namespace is ${lane.pid1}${lane.sharePid ? ', shareProcessNamespace: true' : ''}`,
        `${probeZombies ?? '?'} Zombies der Probe-Befehle bleiben (${allZombies ?? '?'} insgesamt); PID 1 im Namespace der App ist ${lane.pid1}${lane.sharePid ? ', shareProcessNamespace: true' : ''}`,
      ),
      tryThis: t(
        "the probe's leftover child is orphaned when its command exits and goes to PID 1 of the namespace, whatever the timeout: make that PID 1 reap (shareProcessNamespace, tini as PID 1), or let the command wait for its child",
        'das übrig gebliebene Kind der Probe wird zur Waise, wenn ihr Befehl endet, und geht an PID 1 des Namespaces, egal bei welchem Timeout: lass diese PID 1 ernten (shareProcessNamespace, tini als PID 1) oder lass den Befehl auf sein Kind warten',
      ),
    },
  ];
}
