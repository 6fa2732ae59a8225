/**
 * Which process a `sh -c` / `bash -c` string leaves as PID 1, as measured on Debian 12:
 * dash (`sh`) never execs the command (it stays PID 1) unless the command says `exec`; bash
 * 5.2 execs the last simple command of a `;`/`&&` list, but not in a pipeline, in the background,
 * or with a `trap`. Also: does an entrypoint script end in `exec`. A small quote-aware splitter,
 * not a shell parser: it only has to find the list's parts. Pure.
 */
export interface ShellSplit {
  /** The top-level commands, in order. */
  parts: string[];
  /** The separators between them (`;`, `&&`, `||`, newline). */
  seps: string[];
  pipelineOrBackground: boolean;
}

export function splitShellList(script: string): ShellSplit {
  const parts: string[] = [];
  const seps: string[] = [];
  let cur = '';
  let quote: '"' | "'" | null = null;
  let pipelineOrBackground = false;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i] as string;
    const next = script[i + 1];
    if (quote) {
      if (ch === '\\' && quote === '"') {
        cur += ch + (script[++i] ?? '');
        continue;
      }
      if (ch === quote) quote = null;
      cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (ch === '\\' && next === '\n') {
      i++;
      cur += ' ';
    } else if ((ch === '&' && next === '&') || (ch === '|' && next === '|')) {
      parts.push(cur.trim());
      seps.push(ch + next);
      cur = '';
      i++;
    } else if (ch === ';' || ch === '\n') {
      parts.push(cur.trim());
      seps.push(ch);
      cur = '';
    } else {
      if (ch === '|' || (ch === '&' && next !== '>' && script[i - 1] !== '>')) pipelineOrBackground = true;
      cur += ch;
    }
  }
  parts.push(cur.trim());
  // A trailing separator ("a;") leaves an empty last part: drop the empties and their separators.
  const kept: string[] = [];
  const keptSeps: string[] = [];
  parts.forEach((p, i) => {
    if (!p) return;
    if (kept.length > 0) keptSeps.push(seps[i - 1] ?? ';');
    kept.push(p);
  });
  return { parts: kept, seps: keptSeps, pipelineOrBackground };
}

const firstWord = (cmd: string) => cmd.trim().split(/\s+/)[0] ?? '';
/** `A=1 prog args` → prog. */
function programOf(cmd: string): string {
  const words = cmd.trim().split(/\s+/).filter((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  const w = (words[0] === 'exec' ? words[1] : words[0]) ?? '';
  return w.replace(/^["']|["']$/g, '').replace(/^.*\//, '');
}

export interface ShellPid1 {
  /** True: the shell stays PID 1 (the app runs as its child). */
  shellStays: boolean;
  /** The program that is PID 1 while the app runs. */
  pid1: string;
  why: string;
}

export function pid1OfShellC(shell: string, script: string): ShellPid1 {
  const s = splitShellList(script);
  const last = s.parts.at(-1) ?? '';
  const isBash = /bash$/.test(shell);
  if (firstWord(last) === 'exec' && !s.pipelineOrBackground) return { shellStays: false, pid1: programOf(last), why: `the last command says exec: ${programOf(last)} replaces the shell` };
  if (!isBash) return { shellStays: true, pid1: shell, why: `${shell} (dash on Debian, ash on Alpine) does not exec the command of -c: it stays PID 1 and the app is its child` };
  if (s.pipelineOrBackground) return { shellStays: true, pid1: shell, why: 'bash stays PID 1 for a pipeline or a background job' };
  if (/\btrap\b/.test(script)) return { shellStays: true, pid1: shell, why: 'with a trap, bash stays PID 1 to run it' };
  if (s.seps.at(-1) === '||') return { shellStays: true, pid1: shell, why: 'bash waits to decide the || branch' };
  return { shellStays: false, pid1: programOf(last), why: `bash execs the last simple command (${programOf(last)}), which becomes PID 1` };
}

/** The last top-level command of a shell script (comments, blank lines and continuations handled), with its 1-based line. */
export function lastCommandOf(script: string): { text: string; line: number } | null {
  const lines = script.split('\n');
  let best: { text: string; line: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    let text = (lines[i] ?? '').trim();
    const line = i + 1;
    while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${(lines[++i] ?? '').trim()}`;
    if (!text || text.startsWith('#') || text.startsWith('#!')) continue;
    if (/^(fi|done|esac|\}|;;|else|then|do)\b/.test(text) || /^set\s/.test(text)) continue;
    best = { text, line };
  }
  return best;
}

export function endsInExec(script: string): { ok: boolean; last: { text: string; line: number } | null } {
  const last = lastCommandOf(script);
  if (!last) return { ok: true, last };
  return { ok: /^exec\s/.test(last.text) || /^exit\b/.test(last.text), last };
}
