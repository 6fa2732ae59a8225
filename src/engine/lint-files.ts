/** `lint` on files on disk: the file's kind, and an entrypoint script read from beside it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { kindOfFile, lintFile } from '../core/lint/lint.js';
import type { LintFinding } from '../core/lint/types.js';

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Findings for one file (named `shownAs` in them); null when lint does not know the kind of file. */
export function lintOnDisk(file: string, shownAs = file): LintFinding[] | null {
  const text = readOrNull(file);
  const kind = text === null ? null : kindOfFile(file, text);
  if (!kind || text === null) return null;
  const dir = path.dirname(file);
  // A script named in the Dockerfile (COPY entry.sh /entry.sh) is read from the build context.
  return lintFile(shownAs, kind, text, (p) => readOrNull(path.resolve(dir, p.replace(/^\/+/, ''))) ?? readOrNull(path.join(dir, path.basename(p))));
}
