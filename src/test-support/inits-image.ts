/**
 * inspect's test image of real inits (images/inits), built offline from Debian's packages like
 * the base: a Debian root with the base packages and images/inits/packages.txt (mmdebstrap),
 * the workload (app.py, start.sh, s6 tree) on it, then images/inits on top. Tags carry content
 * hashes; the caller removes what `built` names when it is done.
 */
import path from 'node:path';
import type Docker from 'dockerode';
import { contentHash } from '../core/content-hash.js';
import { LABEL_IMAGE } from '../core/labels.js';
import { contextFiles } from '../engine/context-files.js';
import { buildFolder } from '../engine/folder-build.js';
import { buildDebianRootOffline, imageExists, readPackageList } from '../engine/images.js';
import { IMAGES_DIR } from '../engine/package-paths.js';

export interface InitsImage {
  tag: string;
  /** Tags this call built (removed by the caller at the end, unless ZOMBIE_LAB_KEEP_IMAGES=1). */
  built: string[];
}

export async function ensureInitsImage(docker: Docker, onLine: (l: string) => void = () => {}): Promise<InitsImage> {
  const packages = [...(await readPackageList(path.join(IMAGES_DIR, 'base'))), ...(await readPackageList(path.join(IMAGES_DIR, 'inits')))];
  const root = `zombie-lab/inits-root:${contentHash([{ name: 'packages', data: packages.join('\n') }])}`;
  const workload = `zombie-lab/inits-workload:${contentHash([...contextFiles(path.join(IMAGES_DIR, 'workload')), { name: 'BASE', data: root }])}`;
  const tag = `zombie-lab/inits:${contentHash([...contextFiles(path.join(IMAGES_DIR, 'inits')), { name: 'BASE', data: workload }])}`;
  const built: string[] = [];
  if (!(await imageExists(docker, root))) {
    await buildDebianRootOffline(docker, root, packages, onLine);
    built.push(root);
  }
  for (const [name, t, base] of [['workload', workload, root], ['inits', tag, workload]] as const) {
    if (await imageExists(docker, t)) continue;
    await buildFolder(docker, path.join(IMAGES_DIR, name), { tags: [t], what: { kind: 'image', name }, onLine, buildargs: { BASE: base }, labels: { [LABEL_IMAGE]: t } });
    built.push(t);
  }
  return { tag, built };
}
