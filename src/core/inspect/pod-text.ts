/**
 * The words `inspect --pod` adds around inspect's own per-container report, in both languages
 * (the mapped type makes a missing one a compile error), and the pod's text lines. Pure.
 */
import type { Lang } from '../lang.js';
import type { PodRole, PodShape, ZombieOwners } from './pod-report.js';

interface PodText {
  header: (name: string, id: string, sharedPid: boolean, containers: number) => string;
  role: Record<PodRole, string>;
  zombiesBy: string;
  none: string;
  parent: (isPid1: boolean, comm: string, pid: number) => string;
  owners: (app: number, exec: number) => string;
}

const EN: PodText = {
  header: (name, id, shared, n) =>
    shared
      ? `pod ${name} (${id.slice(0, 12)}): one PID namespace shared by its ${n} container${n === 1 ? '' : 's'}; its PID 1 is the infra container's, which reaps every orphan in it`
      : `pod ${name} (${id.slice(0, 12)}): each of its ${n} container${n === 1 ? '' : 's'} has a PID namespace and a PID 1 of its own`,
  role: {
    'namespace-pid1': "the pod's infra container: PID 1 of the shared namespace",
    'main-process': "an app container in the shared namespace: its main process is not PID 1 (the infra container's is); the report's PID 1 is that main process",
    pid1: 'an app container with a PID namespace of its own: its main process is PID 1',
  },
  zombiesBy: 'zombies by parent',
  none: 'none',
  parent: (isPid1, comm, pid) => (isPid1 ? `under PID 1 (${comm})` : pid === 0 ? 'under a parent outside the namespace' : `under ${comm} (PID ${pid})`),
  owners: (app, exec) => `${app} the app's, ${exec} left by commands exec'd into the container (a probe)`,
};

const DE: PodText = {
  header: (name, id, shared, n) =>
    shared
      ? `Pod ${name} (${id.slice(0, 12)}): ein PID-Namespace für ${n === 1 ? 'seinen Container' : `seine ${n} Container`}; PID 1 ist der des Infra-Containers, der jede Waise darin einsammelt`
      : `Pod ${name} (${id.slice(0, 12)}): ${n === 1 ? 'sein Container hat' : `jeder seiner ${n} Container hat`} einen eigenen PID-Namespace und eine eigene PID 1`,
  role: {
    'namespace-pid1': 'der Infra-Container des Pods: PID 1 des geteilten Namespace',
    'main-process': 'ein App-Container im geteilten Namespace: sein Hauptprozess ist nicht PID 1 (das ist der des Infra-Containers); die PID 1 im Bericht ist dieser Hauptprozess',
    pid1: 'ein App-Container mit eigenem PID-Namespace: sein Hauptprozess ist PID 1',
  },
  zombiesBy: 'Zombies nach Elternprozess',
  none: 'keine',
  parent: (isPid1, comm, pid) => (isPid1 ? `unter PID 1 (${comm})` : pid === 0 ? 'unter einem Elternprozess außerhalb des Namespace' : `unter ${comm} (PID ${pid})`),
  owners: (app, exec) => `${app} von der App, ${exec} von Befehlen, die von außen im Container ausgeführt wurden (eine Probe)`,
};

export const POD_TEXT: Record<Lang, PodText> = { en: EN, de: DE };

export function podWords(lang: Lang = 'en'): PodText {
  return POD_TEXT[lang];
}

/** The pod's first line. */
export function podHeaderText(pod: PodShape, lang: Lang = 'en'): string {
  return podWords(lang).header(pod.name, pod.id, pod.sharedPid, pod.members.filter((m) => m.role !== 'namespace-pid1').length);
}

/** One line under a container's report: its zombies by parent, each parent's split into the app's and the exec'd commands'. */
export function zombieOwnersText(rows: readonly ZombieOwners[], lang: Lang = 'en'): string {
  const t = podWords(lang);
  if (rows.length === 0) return `  ${t.zombiesBy}: ${t.none}`;
  return `  ${t.zombiesBy}: ${rows.map((r) => `${r.app + r.exec} ${t.parent(r.isPid1, r.parentComm, r.parentPid)}: ${t.owners(r.app, r.exec)}`).join('; ')}`;
}
