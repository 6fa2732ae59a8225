/**
 * Optional YAML frontmatter at the top of a slide file, between two `---` lines.
 * Strict: unknown keys are errors, so a typo never silently drops a setting.
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { SlideError } from './types.js';

export const FrontmatterSchema = z
  .object({
    /** Section name shown in the app's outline; every slide of the file belongs to it. */
    section: z.string().trim().min(1, 'section must not be empty'),
  })
  .partial()
  .strict();

export type Frontmatter = z.infer<typeof FrontmatterSchema>;

export interface FrontmatterResult {
  data: Frontmatter;
  /** 0-based index of the first line after the frontmatter (0 when there is none). */
  bodyStart: number;
  errors: SlideError[];
}

export function readFrontmatter(file: string, lines: string[]): FrontmatterResult {
  if (lines[0]?.trimEnd() !== '---') return { data: {}, bodyStart: 0, errors: [] };
  const close = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
  if (close < 0) {
    return {
      data: {},
      bodyStart: lines.length,
      errors: [{ file, line: 1, message: 'frontmatter is not closed: add a line `---` after it' }],
    };
  }
  const yamlLines = lines.slice(1, close);
  const fail = (line: number, message: string): FrontmatterResult => ({
    data: {},
    bodyStart: close + 1,
    errors: [{ file, line, message }],
  });

  const doc = parseDocument(yamlLines.join('\n'));
  const yamlError = doc.errors[0];
  if (yamlError) {
    const at = yamlError.linePos?.[0]?.line ?? 1;
    return fail(at + 1, `frontmatter is not valid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  const raw: unknown = doc.toJS() ?? {};
  const parsed = FrontmatterSchema.safeParse(raw);
  if (parsed.success) return { data: parsed.data, bodyStart: close + 1, errors: [] };

  const errors = parsed.error.issues.map((issue): SlideError => {
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0];
    const keyIndex = typeof key === 'string' ? yamlLines.findIndex((l) => l.startsWith(`${key}:`)) : -1;
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown frontmatter key ${issue.keys.map((k) => `"${k}"`).join(', ')}: only "section" is allowed`
        : issue.path.length === 0
          ? 'frontmatter must be a YAML mapping like `section: Name`'
          : `frontmatter ${issue.path.join('.')}: ${issue.message}`;
    return { file, line: keyIndex >= 0 ? keyIndex + 2 : 1, message };
  });
  return { data: {}, bodyStart: close + 1, errors };
}
