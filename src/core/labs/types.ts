/**
 * A guided lab as the CLI and the app see it: parsed and validated from `labs/<lang>/*.md`
 * (format: docs/lab-format.md). Pure types.
 */
import type { Lang } from '../lang.js';

export const CHECK_IDS = ['zombies', 'pid-exhaustion', 'signals', 'choosing-init', 'subreaper', 'app-reaps', 'own-containers', 'pods'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface Lab {
  /** Short id, e.g. `zombies`; the same in every language. */
  id: string;
  /** Two-digit order, e.g. `01`; `zombie-lab lab 01` and `lab zombies` both find it. */
  number: string;
  lang: Lang;
  file: string;
  title: string;
  summary: string;
  /** The automatic check `zombie-lab lab <id> --check` runs. */
  check: CheckId;
  /** Markdown before the first step. */
  intro: string;
  steps: LabStep[];
  /** Claim ids marked in the file (`{claim:<id>}`), with their lines. */
  claims: ClaimMark[];
}

export interface LabStep {
  title: string;
  /** 1-based line of the step's heading. */
  line: number;
  /** Explanation (Markdown), with hints and claim markers removed. */
  body: string;
  /** Commands to try, from ```try blocks (also left in the body). */
  commands: string[];
  hints: string[];
}

export interface ClaimMark {
  id: string;
  file: string;
  line: number;
}

/** One problem in a lab file, pointing at the 1-based source line (0: the file as a whole). */
export interface LabFileError {
  file: string;
  line: number;
  message: string;
}

export type LabParseResult = { ok: true; lab: Lab } | { ok: false; errors: LabFileError[] };
