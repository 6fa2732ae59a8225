/**
 * `zombie-lab lab [id]`: the guided labs. With --check it runs the lab's automatic check
 * without any UI (exit 0 when it passes); on a terminal without --check it opens the Ink
 * runner; piped, it prints the lab as plain text.
 */
import { createInterface } from 'node:readline/promises';
import { OptionError } from '../core/compare-options.js';
import { renderCheck } from '../core/labs/check-result.js';
import { findLab, type Catalog } from '../core/labs/catalog.js';
import { labProgress, labStateText, withCheck, withoutLab, withStep } from '../core/labs/progress.js';
import type { Lab } from '../core/labs/types.js';
import { problemIn } from '../core/problem-text.js';
import { langFromLocale } from '../core/slides/lang.js';
import type { Lang } from '../core/lang.js';
import type { WayChoice } from '../engine/images.js';
import { checkLab } from '../engine/labs/lab-check.js';
import { LabFilesError, loadCatalog } from '../engine/labs/lab-loader.js';
import { loadProgress, progressFile, saveProgress } from '../engine/labs/progress-store.js';
import { changedFiles, ensureWorkspace, labWorkspace, restoreWorkspace, workspaceRoot } from '../engine/labs/workspace.js';
import { newRunId } from '../engine/run-id.js';
import { removeLabContainers } from '../engine/cleanup.js';
import { preferLiveRendering } from './live-rendering.js';
import { connectAndSweep, engineLine, interruptScope } from './command-session.js';
import { CommandOutput } from './command-output.js';
import { reportProblem } from './report-problem.js';

export interface LabCliOptions {
  check?: boolean;
  json?: boolean;
  /** Checked by commander (`.choices()`). */
  lang?: Lang;
  workspace?: string;
  reset?: boolean;
  restoreFiles?: boolean;
  yes?: boolean;
  way?: WayChoice;
  runId?: string;
}

function langOf(o: LabCliOptions): Lang {
  return o.lang ?? langFromLocale(process.env);
}

function labOrFail(catalog: Catalog, lang: Lang, ref: string): Lab {
  const lab = findLab(catalog, lang, ref);
  if (!lab) {
    const ids = catalog.byLang[lang].map((l) => `${l.number} (${l.id})`).join(', ');
    throw new OptionError(`no lab "${ref}"`, `choose one of: ${ids}`);
  }
  return lab;
}

/** Every step as plain text: for a pipe, a screen reader, or a printout. */
export function labAsText(lab: Lab, dir: string): string[] {
  const out = [`Lab ${lab.number}: ${lab.title}`, lab.summary, '', lab.intro, '', `Workspace: ${dir}`];
  lab.steps.forEach((s, i) => {
    out.push('', `${i + 1}/${lab.steps.length} ${s.title}`, '', s.body);
    if (s.hints.length) out.push('', ...s.hints.map((h) => `${lab.lang === 'de' ? 'Tipp' : 'Hint'}: ${h}`));
  });
  return out;
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(y|yes|j|ja)$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

export async function runLabCommand(ref: string | undefined, o: LabCliOptions): Promise<number> {
  // Every failure to read or write the learner's state or files says which path, why and what to do: exit 1.
  try {
    return await labCommand(ref, o);
  } catch (err) {
    return reportProblem(err);
  }
}

async function labCommand(ref: string | undefined, o: LabCliOptions): Promise<number> {
  // Messages on stderr, what was asked for (the list, a lab's text, a check's result) on stdout.
  const output = new CommandOutput(!!o.json, { passingOnTerminalOnly: true });
  let lang: Lang;
  let catalog: Catalog;
  try {
    lang = langOf(o);
    catalog = await loadCatalog();
  } catch (err) {
    if (err instanceof LabFilesError) {
      output.problem({ message: `the lab files have problems:\n${err.message}` });
      return 1;
    }
    return reportProblem(err);
  }
  const loaded = await loadProgress();
  const notice = loaded.notice ? problemIn(lang, loaded.notice).message : null;
  if (notice) output.say(`zombie-lab: ${notice}`);
  let progress = loaded.progress;
  const root = workspaceRoot(o.workspace);

  if (!ref) {
    if (output.results.isTTY && process.stdin.isTTY && !o.json) {
      preferLiveRendering();
      const { runLabApp } = await import('./lab-app-command.js');
      return runLabApp({ catalog, lang, progress, root, progressPath: progressFile(), notice, ...(o.runId ? { runId: o.runId } : {}) });
    }
    for (const l of catalog.byLang[lang]) output.result(`${l.number}  ${l.id.padEnd(16)} ${l.title} — ${labStateText(progress, l, lang)}\n`);
    output.result(
      lang === 'de'
        ? `\nzombie-lab lab <Nummer> öffnet eines; zombie-lab lab <Nummer> --check prüft deine Arbeit.\n`
        : `\nzombie-lab lab <number> opens one; zombie-lab lab <number> --check checks your work.\n`,
    );
    return 0;
  }

  let lab: Lab;
  try {
    lab = labOrFail(catalog, lang, ref);
  } catch (err) {
    return reportProblem(err);
  }
  const dir = labWorkspace(root, lab);

  if (o.reset) {
    progress = withoutLab(progress, lab.id);
    await saveProgress(progress);
    output.result(`lab ${lab.number} starts over (your files in ${dir} are kept; --restore-files puts the starting files back)\n`);
    return 0;
  }

  if (o.restoreFiles) {
    const changed = await changedFiles(dir, lab.id).catch(() => []);
    if (changed.length && !o.yes) {
      if (!process.stdin.isTTY) {
        output.problem({ message: `this would overwrite your ${changed.join(', ')} in ${dir}`, fix: 'add --yes to overwrite them' });
        return 1;
      }
      if (!(await confirm(`Overwrite your ${changed.join(', ')} in ${dir} with the starting files?`))) {
        output.result('nothing changed\n');
        return 0;
      }
    }
    let names: string[];
    try {
      names = await restoreWorkspace(dir, lab.id);
    } catch (err) {
      return reportProblem(err);
    }
    output.result(`restored ${names.join(', ')} in ${dir}\n`);
    return 0;
  }

  if (!o.check) {
    let ws;
    try {
      ws = await ensureWorkspace(dir, lab.id);
    } catch (err) {
      return reportProblem(err);
    }
    if (output.results.isTTY && process.stdin.isTTY) {
      preferLiveRendering();
      const { runLabApp } = await import('./lab-app-command.js');
      return runLabApp({ catalog, lang, progress, root, progressPath: progressFile(), labId: lab.id, notice, ...(o.runId ? { runId: o.runId } : {}) });
    }
    if (ws.created.length) output.say(`created ${ws.created.join(', ')} in ${dir}\n`);
    output.result(`${labAsText(lab, dir).join('\n')}\n`);
    progress = withStep(progress, lab.id, labProgress(progress, lab.id).step);
    await saveProgress(progress);
    return 0;
  }

  return runCheckCommand(lab, dir, o, progress, output);
}

async function runCheckCommand(lab: Lab, dir: string, o: LabCliOptions, progress: ReturnType<typeof withStep>, output: CommandOutput): Promise<number> {
  // Progress and messages on stderr, the result alone on stdout; the builder's lines only on a terminal.
  let docker;
  try {
    const { conn } = await connectAndSweep();
    docker = conn.docker;
    output.say(engineLine(conn));
  } catch (err) {
    return reportProblem(err);
  }
  const runId = o.runId ?? newRunId('lab');
  const scope = interruptScope();
  try {
    output.say(`checking lab ${lab.number} (${lab.title}) in ${dir} ...`);
    const { result, workspace } = await checkLab(docker, lab, {
      runId,
      dir,
      signal: scope.signal,
      way: o.way,
      onLine: (l) => output.update(l),
      onNotice: (l) => output.say(`zombie-lab: ${l}`),
    });
    if (workspace.created.length) output.say(`created ${workspace.created.join(', ')} in ${dir}: edit them, then check again`);
    await saveProgress(withCheck(progress, lab.id, result.passed, new Date()));
    if (o.json) output.json({ lab: lab.id, dir, ...result }, 'one-line');
    else output.result(`${renderCheck(result, lab.steps.flatMap((s) => s.hints), lab.lang).join('\n')}\n`);
    return result.passed ? 0 : 1;
  } catch (err) {
    output.done();
    const interrupted = scope.interrupted();
    if (interrupted) return output.interrupted(interrupted, `interrupted by ${interrupted}; the containers of this check were removed`);
    return reportProblem(err);
  } finally {
    scope.dispose();
    await removeLabContainers(docker, { runId }).catch(() => undefined);
  }
}
