/**
 * The corpus of lab attempts (`labs/attempts/<lab>/right-*` and `wrong-*`): each is the
 * workspace files it changes plus attempt.yaml with a one-line description and, for a wrong
 * one, the check items that must fail. A test runs every one against the real engine.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LabError } from '../lab-error.js';
import { LABS_DIR } from '../package-paths.js';

export interface Attempt {
  lab: string;
  name: string;
  right: boolean;
  description: string;
  /** For a wrong attempt: the `what` of every item that must fail (and no other). */
  fails: string[];
  dir: string;
}

const AttemptSchema = z
  .object({ description: z.string().min(1).refine((s) => !s.includes('\n'), 'one line'), fails: z.array(z.string().min(1)).optional() })
  .strict();

/** Written into answers files for `@PID_MAX@`: an answer that depends on the host. */
export const PID_MAX_PLACEHOLDER = '@PID_MAX@';

export async function loadAttempts(root = path.join(LABS_DIR, 'attempts')): Promise<Attempt[]> {
  const out: Attempt[] = [];
  for (const lab of (await readdir(root)).sort()) {
    for (const name of (await readdir(path.join(root, lab))).sort()) {
      const dir = path.join(root, lab, name);
      const file = path.join(dir, 'attempt.yaml');
      const right = name.startsWith('right-');
      if (!right && !name.startsWith('wrong-')) throw new LabError(`${dir}: an attempt's folder is named right-* or wrong-*`, 'rename the folder');
      let yaml: unknown;
      try {
        yaml = parseYaml(await readFile(file, 'utf8').catch(() => ''));
      } catch (err) {
        throw new LabError(`${file}: ${(err as Error).message.split('\n')[0]}`, 'quote the description: description: "..."');
      }
      const parsed = AttemptSchema.safeParse(yaml);
      if (!parsed.success) throw new LabError(`${file}: ${parsed.error.issues[0]?.path.join('.') || 'file'}: ${parsed.error.issues[0]?.message}`, 'give it description: <one line> (and fails: [...] for a wrong attempt)');
      const fails = parsed.data.fails ?? [];
      if (right === fails.length > 0) throw new LabError(`${file}: ${right ? 'a right attempt has no fails' : 'a wrong attempt names the items that must fail (fails: [...])'}`, 'fix attempt.yaml');
      out.push({ lab, name, right, description: parsed.data.description, fails, dir });
    }
  }
  return out;
}

/** Copies the attempt's files over a workspace that holds the starting files. */
export async function applyAttempt(a: Attempt, workspace: string, pidMax: string): Promise<void> {
  for (const f of await readdir(a.dir)) {
    if (f === 'attempt.yaml') continue;
    const target = path.join(workspace, f);
    await cp(path.join(a.dir, f), target, { recursive: true, dereference: true });
    const text = await readFile(target, 'utf8').catch(() => null);
    if (text?.includes(PID_MAX_PLACEHOLDER)) await writeFile(target, text.replaceAll(PID_MAX_PLACEHOLDER, pidMax));
  }
}
