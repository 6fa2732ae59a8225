/** What `zombie-lab lint` reports. Pure types. */
import type { Lang } from '../slides/types.js';
import { lintWords } from './lint-text.js';
export type LintLevel = 'error' | 'warning' | 'note';

export interface LintFinding {
  /** The file the finding is about: an entrypoint script's finding names the script. */
  file: string;
  /** 1-based; 0: the file as a whole. */
  line: number;
  rule: string;
  level: LintLevel;
  /** One line: why this is a problem. */
  message: string;
  fix: string;
  /** The lab step that teaches it, as a command to run. */
  lab: string;
  /** Where the fix is one change of lines: lines `line`..`endLine` of `file` become `text`. */
  edit?: { line: number; endLine: number; text: string };
}

/** What lint could not judge, and why (an image it cannot see): said, never a finding. */
export interface LintUnjudged {
  file: string;
  line: number;
  what: string;
  why: string;
}

export interface LintResult {
  findings: LintFinding[];
  unjudged: LintUnjudged[];
}

/** What the engine says of an image that is on it (never pulled): lint's guesses give way to it. */
export interface ImageFacts {
  ref: string;
  entrypoint: string[] | null;
  cmd: string[] | null;
}

export interface LintContext {
  /** The language of messages, fixes and lab pointers (rule ids never change); English when not given. */
  lang?: Lang;
  /** A file of the build context (relative to the context), or null when it is not there or not text. */
  readContext?: (rel: string) => { file: string; text: string } | null;
  /** The image as the engine has it, or null when it is not there (or no engine answers). */
  imageFacts?: (ref: string) => ImageFacts | null;
}

/** The labs that teach each topic (run `zombie-lab lab <id>`), in English (lint-text.ts has both languages). */
export const LAB_LINKS = lintWords('en').labs;

export type FileKind = 'dockerfile' | 'compose' | 'kubernetes' | 'script';

/** Exit code like inspect: 1 when an error or warning was found (notes do not count). */
export function lintExitCode(findings: readonly LintFinding[]): 0 | 1 {
  return findings.some((f) => f.level !== 'note') ? 1 : 0;
}
