import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The files of a build folder with their paths relative to it ('s6/app/run'), for hashing into an
 * image tag: sub-folders count too. Synchronous on purpose: a few small files, read in well
 * under a millisecond, while at the app's start every await would queue behind the UI's loading.
 */
export function contextFiles(dir: string, prefix = ''): { name: string; data: Buffer }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? contextFiles(path.join(dir, e.name), rel) : [{ name: rel, data: readFileSync(path.join(dir, e.name)) }];
  });
}
