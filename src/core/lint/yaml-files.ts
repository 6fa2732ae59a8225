/**
 * Compose files and Kubernetes pod specs (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
 * Job, CronJob), read with `yaml` so every finding names its line. Pure.
 */
import { isMap, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { KNOWN_INITS } from './dockerfile.js';
import { pid1OfShellC } from './shell-command.js';
import { LAB_LINKS, type FileKind, type LintFinding } from './types.js';

type Add = (node: Node | null | undefined, rule: string, level: LintFinding['level'], message: string, fix: string, lab: string) => void;

function finder(file: string, lc: LineCounter, out: LintFinding[], fallback: number): Add {
  return (node, rule, level, message, fix, lab) => {
    const at = node?.range?.[0];
    out.push({ file, line: at === undefined ? fallback : lc.linePos(at).line, rule, level, message, fix, lab });
  };
}

/** A command given as a list, or a string (compose splits it like a shell would, but runs no shell). */
function argvOf(v: unknown): string[] | null {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') return v.trim().split(/\s+/);
  return null;
}

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

function shellC(argv: string[] | null): { shell: string; script: string } | null {
  if (!argv || argv.length < 3 || !/^(sh|bash|dash|ash)$/.test(base(argv[0] ?? '')) || argv[1] !== '-c') return null;
  return { shell: base(argv[0] ?? ''), script: argv.slice(2).join(' ') };
}

export function kindOfYaml(text: string): FileKind | null {
  for (const doc of parseAllDocuments(text)) {
    const js = (doc as Document).toJS() as Record<string, unknown> | null;
    if (js && typeof js === 'object' && 'services' in js) return 'compose';
    if (js && typeof js === 'object' && 'kind' in js && 'spec' in js) return 'kubernetes';
  }
  return null;
}

function seconds(v: unknown): number | null {
  if (typeof v === 'number') return v;
  const m = typeof v === 'string' ? /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(v.trim()) : null;
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] === 'ms' ? n / 1000 : m[2] === 'm' ? n * 60 : n;
}

export function lintCompose(file: string, text: string): LintFinding[] {
  const lc = new LineCounter();
  const out: LintFinding[] = [];
  const doc = parseAllDocuments(text, { lineCounter: lc })[0] as Document | undefined;
  if (!doc) return out;
  const add = finder(file, lc, out, 1);
  const services = doc.get('services', true);
  if (!isMap(services)) return out;
  for (const pair of services.items) {
    const name = String((pair.key as { value?: unknown })?.value ?? pair.key);
    const svc = pair.value;
    if (!isMap(svc)) continue;
    const keyNode = pair.key as Node;
    const js = svc.toJSON() as Record<string, unknown>;
    const node = (k: string) => (svc.get(k, true) as Node | undefined) ?? keyNode;
    const entry = argvOf(js.entrypoint);
    const cmd = argvOf(js.command);
    const argv = entry ?? cmd;
    const sc = shellC(entry) ?? (entry ? null : shellC(cmd));
    let shellStays = false;
    if (sc) {
      const r = pid1OfShellC(sc.shell, sc.script);
      shellStays = r.shellStays;
      if (r.shellStays) add(node(entry ? 'entrypoint' : 'command'), 'compose-sh-c', 'error', `service "${name}": ${r.why}; it drops SIGTERM`, 'start the last command with exec (… && exec your-app), or give the command as a list without sh -c', LAB_LINKS.signals);
    }
    const hasInit = js.init === true || (argv?.[0] !== undefined && KNOWN_INITS.includes(base(argv[0])));
    if (!hasInit) add(js.init === false ? node('init') : keyNode, 'compose-no-init', 'warning', `service "${name}" has no init: PID 1 is the image's command, which must reap orphans and handle SIGTERM itself`, `add \`init: true\` to service "${name}" (Docker puts tini in front as PID 1)`, LAB_LINKS.init);
    const grace = seconds(js.stop_grace_period);
    if (shellStays && (js.stop_signal === undefined || /TERM|INT/.test(scalar(js.stop_signal, '')))) {
      add(js.stop_grace_period !== undefined ? node('stop_grace_period') : keyNode, 'compose-grace-period-waited', 'warning', `service "${name}": PID 1 is a shell that drops ${scalar(js.stop_signal, 'SIGTERM')}, so every stop waits the whole grace period (${grace ?? 10} s) and ends in SIGKILL`, 'exec the app (or init: true) so the stop signal is acted on', LAB_LINKS.signals);
    }
    if (js.stop_signal !== undefined && /KILL|^9$/.test(scalar(js.stop_signal, ''))) add(node('stop_signal'), 'compose-stop-signal-kill', 'warning', `service "${name}": stop_signal SIGKILL leaves no chance to clean up`, 'stop_signal: SIGTERM with a handler (or an init)', LAB_LINKS.signals);
    const deployPids = (js.deploy as { resources?: { limits?: { pids?: unknown } } } | undefined)?.resources?.limits?.pids;
    if (js.pids_limit === undefined && deployPids === undefined) add(keyNode, 'compose-no-pids-limit', 'note', `service "${name}" has no PID limit: a zombie pile can use up the host's PIDs`, `pids_limit: 256 for service "${name}"`, LAB_LINKS.zombies);
  }
  return out;
}

/** A YAML scalar as text; a missing value, a map or a list gives the fallback (not "[object Object]"). */
const scalar = (v: unknown, fallback: string): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : fallback;

const WORKLOADS: Record<string, (string | number)[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export function lintKubernetes(file: string, text: string): LintFinding[] {
  const lc = new LineCounter();
  const out: LintFinding[] = [];
  for (const doc of parseAllDocuments(text, { lineCounter: lc }) as Document[]) {
    const add = finder(file, lc, out, 1);
    const kind = scalar(doc.get('kind'), '');
    const path = WORKLOADS[kind];
    if (!path) continue;
    const podName = scalar(doc.getIn(['metadata', 'name']), kind);
    const spec = doc.getIn(path, true);
    if (!isMap(spec)) continue;
    const specNode = spec as unknown as Node;
    const share = spec.get('shareProcessNamespace') === true;
    const grace = (spec.get('terminationGracePeriodSeconds') as number | undefined) ?? 30;
    const containers = spec.get('containers', true);
    if (!isSeq(containers)) continue;
    for (const c of containers.items) {
      if (!isMap(c)) continue;
      const cjs = c.toJSON() as Record<string, unknown>;
      const cname = scalar(cjs.name, '?');
      const cnode = c as unknown as Node;
      // Kubernetes' command replaces ENTRYPOINT, args replace CMD.
      const argv = cjs.command ? [...(argvOf(cjs.command) ?? []), ...(argvOf(cjs.args) ?? [])] : null;
      const sc = shellC(argv);
      if (sc) {
        const r = pid1OfShellC(sc.shell, sc.script);
        if (r.shellStays && !share) {
          add((c.get('command', true) as Node | undefined) ?? cnode, 'k8s-sh-c', 'error', `${kind} ${podName}, container ${cname}: ${r.why}; it drops SIGTERM, so every stop waits terminationGracePeriodSeconds (${grace} s) and ends in SIGKILL`, 'exec the app at the end of the script (… && exec your-app), or give the command without sh -c', LAB_LINKS.signals);
        }
      }
    }
    if (share) {
      add((spec.get('shareProcessNamespace', true) as Node | undefined) ?? specNode, 'k8s-share-pid-ns', 'note', `${kind} ${podName}: with shareProcessNamespace PID 1 is the pause container, which reaps orphans; your app is no longer PID 1, so SIGTERM's default action ends it`, 'keep it; note that containers then see each other\'s processes', LAB_LINKS.subreaper);
    } else {
      add(specNode, 'k8s-no-share-pid-ns', 'note', `${kind} ${podName}: each container's command is its PID 1 (no pause as reaper): it must reap orphans and handle SIGTERM`, 'shareProcessNamespace: true in the pod spec (pause becomes PID 1 and reaps), or an init in the image', LAB_LINKS.subreaper);
    }
  }
  return out;
}
