/** The lab's Pod YAML files (images/pods/*.yaml), read and checked: a problem names its file and line. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePodFile, runnableProblems, type PodFile } from '../../core/pods/pod-file.js';
import { LabError } from '../lab-error.js';
import { IMAGES_DIR, PACKAGE_ROOT } from '../package-paths.js';

export const PODS_DIR = path.join(IMAGES_DIR, 'pods');

/** Each file's pod, in the order of their names; the first problem found as a LabError. */
export async function loadPodFiles(dir = PODS_DIR): Promise<PodFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (err) {
    throw new LabError(`cannot read the pod files in ${dir}: ${(err as Error).message}`, 'reinstall zombie-lab (images/pods/ is part of the package)');
  }
  if (names.length === 0) throw new LabError(`no Pod YAML files in ${dir}`, 'reinstall zombie-lab (images/pods/ is part of the package)');
  const pods: PodFile[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    // Named as a user finds it: relative to the package for the lab's own files.
    const shown = full.startsWith(PACKAGE_ROOT + path.sep) ? path.relative(PACKAGE_ROOT, full) : full;
    const parsed = parsePodFile(shown, await readFile(full, 'utf8'));
    const errors = parsed.ok ? runnableProblems(parsed.pod) : parsed.errors;
    const first = errors[0];
    if (first) throw new LabError(`${first.file}:${first.line}: ${first.message}`, 'fix that line of the Pod YAML (kubectl explain pod.spec describes the fields)');
    if (parsed.ok) pods.push(parsed.pod);
  }
  const names2 = new Set<string>();
  for (const p of pods) {
    if (names2.has(p.name)) throw new LabError(`${p.file}: a second pod named ${p.name}`, 'give each Pod YAML file its own metadata.name');
    names2.add(p.name);
  }
  return pods;
}
