/** Reads one slide or lab file for the loaders: a folder in its place or bytes that are not UTF-8 are errors with the path and line. */
import { readFile } from 'node:fs/promises';
import { decodeUtf8 } from '../core/utf8-text.js';

export type ContentRead = { ok: true; text: string } | { ok: false; line: number; message: string };

export async function readContentFile(full: string): Promise<ContentRead> {
  let buf: Buffer;
  try {
    buf = await readFile(full);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'EISDIR') return { ok: false, line: 0, message: `is a folder, not a file (${full}): rename it so it does not end in .md, or move it away` };
    return { ok: false, line: 0, message: `cannot be read (${code}): ${full}` };
  }
  return decodeUtf8(buf);
}
