/**
 * Parser for one slide file (format: docs/slide-format.md). Pure: takes the file's name and
 * text, returns its slides or every problem found, each pointing at a 1-based source line.
 */
import { readFrontmatter } from './frontmatter.js';
import { isTreeName, TREE_NAMES } from './diagrams.js';
import type { ParseResult, Slide, SlideError, Widget } from './types.js';
import { trimBlankLines } from '../trim-blank-lines.js';
import { claimMarkerProblem, stripClaims } from '../labs/claims-marker.js';

const SEPARATOR = /^---\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// CommonMark ATX heading; a closing `#` run only counts after a space, so `C#` keeps its `#`.
const HEADING = /^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const NOTE = /^Note:\s*(.*)$/;
const DIRECTIVE = /^:::(.*)$/;
const SHORTCODE = /^\s*\{\{[%<]/;

/** Tracks fenced code blocks so `---`, `Note:` and `:::` inside code stay plain text. */
class FenceTracker {
  private open: { marker: string; line: number } | null = null;

  /** Feed one line; returns true when the line is inside (or opens/closes) a code block. */
  feed(line: string, index: number): boolean {
    const m = FENCE.exec(line);
    if (this.open) {
      const closes = m?.[1] && m[1][0] === this.open.marker[0] && m[1].length >= this.open.marker.length && line.trim() === m[1];
      if (closes) this.open = null;
      return true;
    }
    if (m?.[1]) {
      this.open = { marker: m[1], line: index };
      return true;
    }
    return false;
  }

  /** 0-based line of a code block still open, or null. */
  get openedAt(): number | null {
    return this.open?.line ?? null;
  }
}

interface Chunk {
  /** 0-based index of the chunk's first line. */
  start: number;
  lines: string[];
  /** 0-based index of the `---` line before the chunk, or null for the file's first slide. */
  separator: number | null;
  /** 0-based index of the `---` line ending the chunk, or null for the file's last slide. */
  closedBy: number | null;
}

function splitChunks(lines: string[], from: number): { chunks: Chunk[]; unclosedFence: number | null } {
  const chunks: Chunk[] = [];
  const fence = new FenceTracker();
  let current: Chunk = { start: from, lines: [], separator: null, closedBy: null };
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!fence.feed(line, i) && SEPARATOR.test(line)) {
      current.closedBy = i;
      chunks.push(current);
      current = { start: i + 1, lines: [], separator: i, closedBy: null };
      continue;
    }
    current.lines.push(line);
  }
  chunks.push(current);
  return { chunks, unclosedFence: fence.openedAt };
}

function parseDirective(args: string): Widget | string {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const [kind, ...rest] = words;
  if (kind === 'lanes') {
    if (rest.length === 0) return { kind: 'lanes' };
    return rest.length === 1 && rest[0] === 'pods' ? { kind: 'lanes', pods: true } : '`::: lanes` takes no arguments but `pods` (`::: lanes pods`: the pods\' lanes)';
  }
  if (kind === 'tree') {
    const name = rest[0];
    if (!name || rest.length > 1) return `\`::: tree\` needs exactly one diagram name: one of ${TREE_NAMES.join(', ')}`;
    if (!isTreeName(name)) return `unknown tree diagram "${name}": use one of ${TREE_NAMES.join(', ')}`;
    return { kind: 'tree', name };
  }
  return `unknown directive "::: ${words.join(' ')}": use \`::: lanes\` or \`::: tree <name>\``;
}

function parseChunk(file: string, chunk: Chunk, section: string | null, errors: SlideError[]): Slide | null {
  const at = (offset: number) => chunk.start + offset + 1;
  const first = chunk.lines.findIndex((l) => l.trim() !== '');
  if (first < 0) {
    // Point at the `---` that is one too many: the one closing the empty slide, else the one opening it.
    const extra = chunk.closedBy ?? chunk.separator;
    if (extra !== null) {
      errors.push({ file, line: extra + 1, message: 'empty slide: remove this extra `---` or give the slide a heading' });
      return null;
    }
    // The file has no slide at all: point at the frontmatter's closing `---`, or line 1.
    const line = Math.max(1, chunk.start);
    const message = 'file has no slides: start it with a heading like `## Title`';
    errors.push({ file, line, message });
    return null;
  }
  const heading = HEADING.exec(chunk.lines[first] ?? '');
  if (!heading?.[1]) {
    errors.push({ file, line: at(first), message: 'a slide must start with a Markdown heading like `## Title`' });
    return null;
  }

  const headingProblem = claimMarkerProblem(heading[1]);
  if (headingProblem) errors.push({ file, line: at(first), message: headingProblem });
  const body: string[] = [];
  const notes: string[] = [];
  const widgets: Widget[] = [];
  let notesAt: number | null = null;
  const fence = new FenceTracker();
  const before = errors.length;

  for (let i = first + 1; i < chunk.lines.length; i++) {
    const line = chunk.lines[i] ?? '';
    const target = notesAt === null ? body : notes;
    if (fence.feed(line, i)) {
      target.push(line);
      continue;
    }
    // Claim markers are checked as the labs' are; one in the body is never projected.
    const claimProblem = claimMarkerProblem(line);
    if (claimProblem) {
      errors.push({ file, line: at(i), message: claimProblem });
      continue;
    }
    const note = NOTE.exec(line);
    if (note) {
      if (notesAt !== null) {
        errors.push({ file, line: at(i), message: `second \`Note:\` in one slide (the first is on line ${at(notesAt)}): merge them` });
      } else {
        notesAt = i;
        if (note[1]) notes.push(note[1]);
      }
      continue;
    }
    const directive = DIRECTIVE.exec(line);
    if (directive) {
      if (notesAt !== null) {
        errors.push({ file, line: at(i), message: 'directive inside speaker notes: move it above the `Note:` line' });
        continue;
      }
      const widget = parseDirective(directive[1] ?? '');
      if (typeof widget === 'string') errors.push({ file, line: at(i), message: widget });
      else widgets.push(widget);
      continue;
    }
    if (SHORTCODE.test(line)) {
      errors.push({ file, line: at(i), message: 'Hugo shortcodes are not supported: use Markdown, or `::: tree <name>` for diagrams' });
      continue;
    }
    target.push(notesAt === null ? stripClaims(line) : line);
  }
  if (errors.length > before) return null;

  return {
    file,
    line: at(first),
    section,
    title: stripClaims(heading[1]),
    body: trimBlankLines(body),
    notes: trimBlankLines(notes),
    widgets,
  };
}

/**
 * Bounds of what can be a slide. The largest screen the app is made for (220x60) holds 13,200
 * characters, and the bundled deck's longest line is under 300: a line longer than this is not
 * slide text (a pasted blob, a minified file) and would only cost time to lay out.
 */
export const MAX_LINE_CHARS = 10_000;
/** A slide file this long is not a deck's file either (the bundled ones are a few KB). */
export const MAX_FILE_CHARS = 1_000_000;

/** Lines too long to be slides (or else a file too long), found in one pass before any pattern looks at them. */
function sizeErrors(file: string, text: string): SlideError[] {
  const errors: SlideError[] = [];
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const nl = text.indexOf('\n', start);
    let end = nl < 0 ? text.length : nl;
    if (text[end - 1] === '\r') end--;
    if (end - start > MAX_LINE_CHARS) {
      errors.push({ file, line, message: `line is ${(end - start).toLocaleString('en')} characters long, more than a slide can show (${MAX_LINE_CHARS.toLocaleString('en')}): break it into shorter lines or remove it` });
      if (errors.length >= 5) break;
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  if (errors.length === 0 && text.length > MAX_FILE_CHARS) {
    errors.push({ file, line: 1, message: `file is ${text.length.toLocaleString('en')} characters long, more than a slide file can be (${MAX_FILE_CHARS.toLocaleString('en')}): split it into smaller files or remove what is not slide text` });
  }
  return errors;
}

export function parseSlideFile(file: string, text: string): ParseResult {
  const tooLong = sizeErrors(file, text);
  if (tooLong.length > 0) return { ok: false, errors: tooLong };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const errors: SlideError[] = [];

  const front = readFrontmatter(file, lines);
  errors.push(...front.errors);
  // An unclosed frontmatter swallowed the whole file: there is nothing else worth reporting.
  if (front.bodyStart >= lines.length && errors.length > 0) return { ok: false, errors };

  const { chunks, unclosedFence } = splitChunks(lines, front.bodyStart);
  if (unclosedFence !== null) {
    errors.push({ file, line: unclosedFence + 1, message: 'code block is not closed: add the closing ``` line' });
  }

  const section = front.data.section ?? null;
  const slides: Slide[] = [];
  for (const chunk of chunks) {
    const slide = parseChunk(file, chunk, section, errors);
    if (slide) slides.push(slide);
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    return { ok: false, errors };
  }
  return { ok: true, slides };
}
