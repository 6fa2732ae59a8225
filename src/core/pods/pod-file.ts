/**
 * A Kubernetes Pod YAML file as the lab runs it (images/pods/*.yaml, a learner's pod.yaml): read
 * and checked here, every problem naming its file and line. What the lab needs of it is small —
 * the containers, their exec probes, `shareProcessNamespace`, `terminationGracePeriodSeconds`,
 * `lifecycle.stopSignal` — the rest of the Pod is passed to the engine as written. Pure.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { PROBE_KINDS, type ProbeKind } from './probe-kinds.js';

/** The image a pod file names for the lab's zombie image; the engine side puts in the real tag. */
export const LAB_IMAGE_PLACEHOLDER = 'zombie-lab/zombie';
/** Kubernetes' defaults, where a Pod leaves them out. */
export const DEFAULT_GRACE_S = 30;
export const DEFAULT_PROBE_PERIOD_S = 10;
export const DEFAULT_PROBE_TIMEOUT_S = 1;

const seconds = (what: string, min: number) => z.number({ message: `${what} must be a number of seconds` }).int(`${what} must be whole seconds`).min(min, `${what} must be at least ${min}`).max(600, `${what} must be at most 600 s here`);

const ProbeSchema = z
  .object({
    exec: z.object({ command: z.array(z.string(), { message: 'exec.command must be a list of strings' }).min(1, 'exec.command must not be empty') }).optional(),
    periodSeconds: seconds('periodSeconds', 1).optional(),
    timeoutSeconds: seconds('timeoutSeconds', 1).optional(),
  })
  .loose();

const ContainerSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a container name is lower-case letters, digits and dashes'),
    image: z.string().min(1, 'image must not be empty'),
    command: z.array(z.string(), { message: 'command must be a list of strings' }).optional(),
    args: z.array(z.string(), { message: 'args must be a list of strings' }).optional(),
    env: z.array(z.object({ name: z.string().min(1), value: z.string({ message: 'env values are strings (quote numbers)' }).optional() }).loose()).optional(),
    livenessProbe: ProbeSchema.optional(),
    readinessProbe: ProbeSchema.optional(),
    startupProbe: ProbeSchema.optional(),
    lifecycle: z.object({ stopSignal: z.string().regex(/^SIG[A-Z0-9]+$/, 'stopSignal is a signal name like SIGTERM').optional() }).loose().optional(),
  })
  .loose();

const PodSchema = z
  .object({
    apiVersion: z.literal('v1', { message: 'apiVersion must be v1 for a Pod' }),
    kind: z.literal('Pod', { message: 'kind must be Pod (the lab runs single Pods)' }),
    metadata: z.object({ name: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'metadata.name is lower-case letters, digits and dashes').max(40, 'metadata.name: at most 40 characters') }).loose(),
    spec: z
      .object({
        shareProcessNamespace: z.boolean({ message: 'shareProcessNamespace must be true or false' }).optional(),
        terminationGracePeriodSeconds: seconds('terminationGracePeriodSeconds', 0).optional(),
        containers: z.array(ContainerSchema, { message: 'spec.containers must be a list' }).min(1, 'a Pod needs at least one container'),
      })
      .loose(),
  })
  .loose();

export type { ProbeKind } from './probe-kinds.js';

export interface ExecProbe {
  kind: ProbeKind;
  command: string[];
  periodS: number;
  timeoutS: number;
}

export interface PodContainer {
  name: string;
  image: string;
  /** command + args as written; empty: the image's own. */
  argv: string[];
  /** env as name and value (valueFrom is not followed). */
  env: Record<string, string>;
  /** The exec probes of the container (the lab's probe runner runs them; the engine gets none). */
  probes: ExecProbe[];
  stopSignal: string | null;
}

export interface PodFile {
  file: string;
  name: string;
  sharePid: boolean;
  graceS: number;
  containers: PodContainer[];
  /** The Pod as parsed, for the engine (podYamlForEngine). */
  doc: Document;
  /** The 1-based line of a path in the file (the nearest node that is there). */
  lineOf(path: readonly PropertyKey[]): number;
}

export interface PodFileError {
  file: string;
  line: number;
  message: string;
}

export type PodParse = { ok: true; pod: PodFile } | { ok: false; errors: PodFileError[] };

function lineOf(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lc.linePos(node.range[0]).line;
  }
  return 1;
}

export function parsePodFile(file: string, text: string): PodParse {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line ?? 1, message: `not valid YAML: ${e.message.split('\n')[0] ?? ''}` })) };
  }
  if (!isMap(doc.contents)) return { ok: false, errors: [{ file, line: 1, message: 'a Pod file is a YAML mapping with apiVersion, kind, metadata and spec' }] };
  const parsed = PodSchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => ({ file, line: lineOf(doc, lc, i.path), message: `${i.path.join('.') || 'the Pod'}: ${i.message}` })) };
  }
  const spec = parsed.data.spec;
  const containers = spec.containers.map((c): PodContainer => {
    const probes: ExecProbe[] = [];
    for (const kind of PROBE_KINDS) {
      const p = c[kind];
      if (p?.exec) probes.push({ kind, command: p.exec.command, periodS: p.periodSeconds ?? DEFAULT_PROBE_PERIOD_S, timeoutS: p.timeoutSeconds ?? DEFAULT_PROBE_TIMEOUT_S });
    }
    return { name: c.name, image: c.image, argv: [...(c.command ?? []), ...(c.args ?? [])], env: Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value ?? ''])), probes, stopSignal: c.lifecycle?.stopSignal ?? null };
  });
  return {
    ok: true,
    pod: { file, name: parsed.data.metadata.name, sharePid: spec.shareProcessNamespace ?? false, graceS: spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_S, containers, doc, lineOf: (p) => lineOf(doc, lc, p) },
  };
}

/** Where the gate waits: a FIFO in the app's container, opened for writing by the lab's go (gateGoCommand). */
export const GATE_FIFO = '/tmp/zombie-lab-go';

/**
 * The app's command behind a gate: a shell that makes a FIFO, blocks reading it, then execs the
 * app's own command in its place (same PID: PID 1 stays the app's). Podman's kube play sets no
 * PID limit and ignores `stdin`, so the app must not start making zombies before the lab has set
 * the limit and read it back from the kernel; the shell forks once (mkfifo) and reaps it.
 */
export function gatedArgv(argv: readonly string[]): string[] {
  return ['/bin/sh', '-c', `mkfifo ${GATE_FIFO} && read -r go < ${GATE_FIFO} && exec "$0" "$@"`, ...argv];
}

/** What the lab execs in the app's container to open the gate. */
export const GATE_GO_COMMAND = ['/bin/sh', '-c', `echo go > ${GATE_FIFO}`];

/** The problems that keep a pod file from running on the lab's engine (its image and its command), with lines. */
export function runnableProblems(pod: PodFile): PodFileError[] {
  const out: PodFileError[] = [];
  for (const key of ['hostPID', 'hostNetwork', 'hostIPC']) {
    if (pod.doc.getIn(['spec', key]) === true) out.push({ file: pod.file, line: pod.lineOf(['spec', key]), message: `spec.${key}: true is not run by the lab: its pods stay in namespaces of their own` });
  }
  const volumes = pod.doc.getIn(['spec', 'volumes']);
  if (isSeq(volumes)) {
    volumes.items.forEach((v, i) => {
      // emptyDir lives and goes with the pod; any other kind would leave a volume the lab must not guess at.
      if (!isMap(v) || !v.has('emptyDir')) out.push({ file: pod.file, line: pod.lineOf(['spec', 'volumes', i]), message: `spec.volumes[${i}]: only emptyDir volumes are run by the lab (they go with the pod)` });
    });
  }
  pod.containers.forEach((c, i) => {
    if (c.image !== LAB_IMAGE_PLACEHOLDER) {
      out.push({ file: pod.file, line: pod.lineOf(['spec', 'containers', i, 'image']), message: `containers[${i}].image must be ${LAB_IMAGE_PLACEHOLDER}: the lab runs its own image, whose app it can hold until the PID limit is set` });
    } else if (c.argv.length === 0) {
      out.push({ file: pod.file, line: pod.lineOf(['spec', 'containers', i]), message: `containers[${i}] needs a command: the lab starts it behind its gate` });
    }
  });
  return out;
}

export interface EngineYamlInput {
  /** The name the pod runs under (unique per run: zombie-lab-<run>-<name>). */
  podName: string;
  labels: Record<string, string>;
  /** The lab's zombie image tag, for `image: zombie-lab/zombie`. */
  labImage: string;
  /** The memory limit where a container sets none (MB). */
  memoryMb: number;
  /** Extra env for every container (the workload's time to live). */
  env: Record<string, string>;
}

/**
 * The Pod as the engine gets it: our name and labels, the lab's image tag in place of the
 * placeholder, each command behind the gate (gatedArgv), and no probes — the lab's probe runner does the kubelet's part, so nothing else
 * (Podman turns a livenessProbe into a healthcheck of its own) runs them twice.
 */
export function podYamlForEngine(pod: PodFile, input: EngineYamlInput): string {
  const doc = pod.doc.clone();
  doc.setIn(['metadata', 'name'], input.podName);
  const old = (doc.getIn(['metadata', 'labels'])) ?? null;
  const labels = { ...(isMap(old) ? (old.toJSON() as Record<string, string>) : {}), ...input.labels };
  doc.setIn(['metadata', 'labels'], doc.createNode(labels));
  pod.containers.forEach((c, i) => {
    if (c.image === LAB_IMAGE_PLACEHOLDER) doc.setIn(['spec', 'containers', i, 'image'], input.labImage);
    doc.setIn(['spec', 'containers', i, 'command'], doc.createNode(gatedArgv(c.argv)));
    doc.deleteIn(['spec', 'containers', i, 'args']);
    // As for every lab container: no capabilities, no new privileges, a memory limit.
    doc.setIn(['spec', 'containers', i, 'securityContext', 'capabilities'], doc.createNode({ drop: ['ALL'] }));
    doc.setIn(['spec', 'containers', i, 'securityContext', 'allowPrivilegeEscalation'], false);
    doc.deleteIn(['spec', 'containers', i, 'securityContext', 'privileged']);
    if (!doc.hasIn(['spec', 'containers', i, 'resources', 'limits', 'memory'])) doc.setIn(['spec', 'containers', i, 'resources', 'limits', 'memory'], `${input.memoryMb}Mi`);
    const env = Object.entries({ ...c.env, ...input.env }).map(([name, value]) => ({ name, value }));
    if (env.length > 0) doc.setIn(['spec', 'containers', i, 'env'], doc.createNode(env));
    for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe']) doc.deleteIn(['spec', 'containers', i, kind]);
  });
  return doc.toString();
}
