/**
 * Shell source read as a shell reads it: unbash (a typed, synchronous, dependency-free parser of
 * Bash and POSIX sh) gives the tree; this file adds what the PID 1 questions need of it — a word's
 * literal value (or none where the shell would expand it), a command's name, its line. Pure.
 */
import { parse, type Command, type CompoundList, type Script, type Statement, type Word, type WordPart } from 'unbash';

export type { Command, CompoundList, Statement, Word } from 'unbash';
export type ShellNode = Statement['command'];

export interface ParsedShell {
  script: Script;
  source: string;
  /** Parse errors (unbash recovers and still gives a tree). */
  errors: readonly { message: string; pos: number }[];
  /** 1-based line of a source offset. */
  lineOf(pos: number): number;
  text(node: { pos: number; end: number }): string;
}

export function parseShell(source: string): ParsedShell {
  const script = parse(source);
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (pos: number) => {
    // Binary search: the last line start at or before pos.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  return { script, source, errors: script.errors ?? [], lineOf, text: (n) => source.slice(n.pos, n.end) };
}

/** Parts whose value the shell computes (expansions, globs): a word with one has no literal value. */
const LITERAL_PARTS = new Set(['Literal', 'SingleQuoted', 'AnsiCQuoted']);

function literalPart(p: WordPart): boolean {
  if (LITERAL_PARTS.has(p.type)) return true;
  if (p.type === 'DoubleQuoted') return p.parts.every((c) => LITERAL_PARTS.has(c.type));
  return false;
}

/** The word as the program receives it, or null when the shell would expand it (`$X`, `*`, `~`, `$(…)`). */
export function literalValue(w: Word): string | null {
  if (w.parts && !w.parts.every(literalPart)) return null;
  // A leading unquoted ~ is a tilde expansion.
  if (w.text.startsWith('~')) return null;
  return w.value;
}

export function commandName(c: Command): string | null {
  return c.name ? c.name.value : null;
}

/** The words after the name (assignments after it are words to `export`/`local`, kept as text). */
export function argWords(c: Command): Word[] {
  return c.suffix.filter((s): s is Word => s.type === 'Word');
}

export function hasRedirects(c: Command): boolean {
  return c.prefix.some((p) => p.type !== 'Assignment') || c.suffix.some((s) => s.type !== 'Word' && s.type !== 'Assignment');
}

export const statementsOf = (l: CompoundList | Script): readonly Statement[] => l.commands;

/** `/usr/bin/tini` → `tini`. */
export const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** A shell script by its first line: `#!/bin/sh`, `#!/usr/bin/env bash`, `#!/bin/bash -e`. */
export const isShellShebang = (text: string) => /^#![^\n]*[/\s](sh|bash|dash|ash)\b/.test(text);
