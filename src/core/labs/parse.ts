/**
 * Parser for one lab file (format: docs/lab-format.md). Pure: takes the file's name and text,
 * returns the lab or every problem found, each with its 1-based line.
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { Lang } from '../lang.js';
import { claimMarkerProblem, findClaims, stripClaims } from './claims-marker.js';
import { CHECK_IDS, type Lab, type LabFileError, type LabParseResult, type LabStep } from './types.js';
import { trimBlankLines } from '../trim-blank-lines.js';

export const LabFrontmatterSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'id must be lower-case letters, digits and dashes, like `zombies`'),
    number: z.string().regex(/^\d{2}$/, 'number must be two digits, like "01"'),
    title: z.string().trim().min(1, 'title must not be empty'),
    summary: z.string().trim().min(1, 'summary must not be empty'),
    check: z.enum(CHECK_IDS, { message: `check must be one of ${CHECK_IDS.join(', ')}` }),
  })
  .strict();

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*(\S*)/;
const STEP = /^##[ \t]+(.+?)[ \t]*$/;
const HINT = /^(?:Hint|Tipp):[ \t]*(.*)$/;

function frontmatterErrors(file: string, yamlLines: string[], issues: z.core.$ZodIssue[]): LabFileError[] {
  return issues.map((issue) => {
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0];
    const idx = typeof key === 'string' ? yamlLines.findIndex((l) => l.startsWith(`${key}:`)) : -1;
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown frontmatter key ${issue.keys.map((k) => `"${k}"`).join(', ')}: allowed are id, number, title, summary, check`
        : issue.path.length === 0
          ? 'frontmatter must be a YAML mapping with id, number, title, summary, check'
          : `frontmatter ${issue.path.join('.')}: ${issue.message}`;
    return { file, line: idx >= 0 ? idx + 2 : 1, message };
  });
}

/** "Step 2: Fix it" → "Fix it": the runner numbers the steps itself ("step 2/3: Fix it"). */
function withoutStepNumber(title: string): string {
  return title.replace(/^(step|schritt)\s+\d+\s*[:.]\s*/i, '') || title;
}

export function parseLabFile(file: string, text: string, lang: Lang): LabParseResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const errors: LabFileError[] = [];
  if (lines[0]?.trimEnd() !== '---') return { ok: false, errors: [{ file, line: 1, message: 'a lab file starts with frontmatter: a line `---`, then id, number, title, summary, check' }] };
  const close = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
  if (close < 0) return { ok: false, errors: [{ file, line: 1, message: 'frontmatter is not closed: add a line `---` after it' }] };
  const yamlLines = lines.slice(1, close);
  const doc = parseDocument(yamlLines.join('\n'));
  const yamlError = doc.errors[0];
  let front: z.infer<typeof LabFrontmatterSchema> | null = null;
  if (yamlError) {
    errors.push({ file, line: (yamlError.linePos?.[0]?.line ?? 1) + 1, message: `frontmatter is not valid YAML: ${yamlError.message.split('\n')[0]}` });
  } else {
    const parsed = LabFrontmatterSchema.safeParse(doc.toJS() ?? {});
    if (parsed.success) front = parsed.data;
    else errors.push(...frontmatterErrors(file, yamlLines, parsed.error.issues));
  }

  const intro: string[] = [];
  const steps: LabStep[] = [];
  let step: (LabStep & { lines: string[] }) | null = null;
  let fence: { marker: string; line: number; isTry: boolean; buf: string[] } | null = null;
  for (let i = close + 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const lineNo = i + 1;
    const target = step ? step.lines : intro;
    const m = FENCE.exec(raw);
    if (fence) {
      const closes = m?.[1] && m[1][0] === fence.marker[0] && m[1].length >= fence.marker.length && raw.trim() === m[1];
      if (closes) {
        if (fence.isTry) {
          const cmds = fence.buf.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
          if (cmds.length === 0) errors.push({ file, line: fence.line, message: 'empty ```try block: put at least one command in it' });
          if (!step) errors.push({ file, line: fence.line, message: '```try block before the first step: put it under a `## Step` heading' });
          step?.commands.push(...cmds);
        }
        fence = null;
      } else fence.buf.push(raw);
      target.push(raw);
      continue;
    }
    if (m?.[1]) {
      fence = { marker: m[1], line: lineNo, isTry: m[2] === 'try', buf: [] };
      // Shown as a shell block; `try` only marks the commands for the runner.
      target.push(m[2] === 'try' ? raw.replace(/try\s*$/, 'sh') : raw);
      continue;
    }
    const heading = STEP.exec(raw);
    if (heading?.[1]) {
      if (step) steps.push(finishStep(step));
      step = { title: withoutStepNumber(stripClaims(heading[1])), line: lineNo, body: '', commands: [], hints: [], lines: [] };
      continue;
    }
    const claimProblem = claimMarkerProblem(raw);
    if (claimProblem) {
      errors.push({ file, line: lineNo, message: claimProblem });
      continue;
    }
    const hint = HINT.exec(raw);
    if (hint) {
      if (!step) errors.push({ file, line: lineNo, message: 'hint before the first step: put it under a `## Step` heading' });
      else if (!hint[1]?.trim()) errors.push({ file, line: lineNo, message: 'empty hint: write the hint after `Hint:`' });
      else step.hints.push(stripClaims(hint[1].trim()));
      continue;
    }
    target.push(stripClaims(raw));
  }
  if (fence) errors.push({ file, line: fence.line, message: 'code block is not closed: add the closing ``` line' });
  if (step) steps.push(finishStep(step));
  if (steps.length === 0) errors.push({ file, line: close + 2 > lines.length ? close + 1 : close + 2, message: 'a lab needs at least one step: add a heading like `## Step 1: ...`' });
  if (errors.length > 0 || !front) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };

  const claims = findClaims(text.replace(/\r\n?/g, '\n')).map((c) => ({ ...c, file }));
  const lab: Lab = { ...front, lang, file, intro: trimBlankLines(intro), steps, claims };
  return { ok: true, lab };
}

function finishStep(s: LabStep & { lines: string[] }): LabStep {
  const { lines, ...rest } = s;
  return { ...rest, body: trimBlankLines(lines) };
}

export function formatLabErrors(errors: LabFileError[]): string {
  return errors.map((e) => (e.line > 0 ? `${e.file}:${e.line}: ${e.message}` : `${e.file}: ${e.message}`)).join('\n');
}
