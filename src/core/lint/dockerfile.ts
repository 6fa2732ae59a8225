/**
 * Dockerfile rules, on dockerfile-ast's parse (continuations, heredocs and stages are its job).
 * Only the final stage's last CMD and ENTRYPOINT decide PID 1. Pure: an entrypoint script is
 * read through the `readContext` callback (the CLI reads it next to the Dockerfile).
 */
import { DockerfileParser, type From, type Instruction } from 'dockerfile-ast';
import { endsInExec, pid1OfShellC } from './shell-command.js';
import { LAB_LINKS, type LintFinding } from './types.js';

export const KNOWN_INITS = ['tini', 'tini-static', 'dumb-init', 'catatonit', 's6-svscan', 'runsvdir', 'runit', 'supervisord', 'systemd', 'init', 'docker-init', 's6-overlay', 'pause'];

interface Form {
  json: string[] | null;
  shell: string | null;
  line: number;
  keyword: 'CMD' | 'ENTRYPOINT';
}

function formOf(i: Instruction): Form {
  const content = i.getArgumentsContent() ?? '';
  const keyword = i.getKeyword() as 'CMD' | 'ENTRYPOINT';
  const line = i.getRange().start.line + 1;
  // dockerfile-ast's getJSONStrings() drops spaces inside the strings: parse the content ourselves.
  if (/^\s*\[/.test(content)) {
    try {
      const v = JSON.parse(content) as unknown;
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return { json: v, shell: null, line, keyword };
    } catch {
      // Docker treats an invalid JSON array as shell form.
    }
  }
  return { json: null, shell: content.trim(), line, keyword };
}

/**
 * The instructions that make the final image: the last stage, and the earlier stages it is built
 * FROM (`FROM base` after `FROM debian AS base` inherits base's CMD and ENTRYPOINT). As Docker
 * does, an ENTRYPOINT in a stage clears the CMD it inherited, unless that stage sets CMD too.
 */
function finalImage(froms: From[], all: Instruction[]): { inFinal: Instruction[]; epI: Instruction | undefined; cmdI: Instruction | undefined } {
  const stages = froms.map((f, n) => {
    const start = f.getRange().start.line;
    const end = froms[n + 1]?.getRange().start.line ?? Infinity;
    return { from: f, name: f.getBuildStage()?.toLowerCase() ?? null, body: all.filter((i) => i.getRange().start.line >= start && i.getRange().start.line < end) };
  });
  const chain: typeof stages = [];
  for (let n = stages.length - 1; n >= 0; ) {
    const s = stages[n]!;
    chain.unshift(s);
    const image = s.from.getImage()?.toLowerCase() ?? '';
    // A stage is named by its AS name or by its index; only an earlier stage can be a parent.
    n = stages.findIndex((p, k) => k < n && (p.name === image || String(k) === image));
  }
  let epI: Instruction | undefined;
  let cmdI: Instruction | undefined;
  for (const s of chain) {
    const lastOf = (kw: string) => [...s.body].reverse().find((i) => i.getKeyword() === kw);
    const ep = lastOf('ENTRYPOINT');
    const cmd = lastOf('CMD');
    if (ep) epI = ep;
    if (cmd) cmdI = cmd;
    else if (ep) cmdI = undefined;
  }
  return { inFinal: chain.flatMap((s) => s.body), epI, cmdI };
}

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const isShell = (p: string) => /^(sh|bash|dash|ash)$/.test(base(p));

export function lintDockerfile(file: string, text: string, readContext: (p: string) => string | null = () => null): LintFinding[] {
  const doc = DockerfileParser.parse(text);
  const out: LintFinding[] = [];
  const add = (line: number, rule: string, level: LintFinding['level'], message: string, fix: string, lab: string) => out.push({ file, line, rule, level, message, fix, lab });
  const { inFinal, epI, cmdI } = finalImage(doc.getFROMs(), doc.getInstructions());
  const last = (kw: string) => [...inFinal].reverse().find((i) => i.getKeyword() === kw);
  const ep = epI ? formOf(epI) : null;
  const cmd = cmdI ? formOf(cmdI) : null;
  const copies = inFinal.filter((i) => i.getKeyword() === 'COPY' || i.getKeyword() === 'ADD');
  const stop = last('STOPSIGNAL');
  const stopSignal = (stop?.getArgumentsContent() ?? 'SIGTERM').trim().toUpperCase();

  for (const f of [ep, cmd]) {
    if (!f || f.shell === null) continue;
    if (f.keyword === 'CMD' && ep?.json) {
      add(f.line, 'cmd-shell-form-after-entrypoint', 'error', `shell-form CMD after an exec-form ENTRYPOINT: the entrypoint gets "/bin/sh" "-c" "${f.shell}" as its arguments`, `CMD ${JSON.stringify(f.shell.split(/\s+/))}`, LAB_LINKS.own);
      continue;
    }
    if (f.keyword === 'CMD' && ep && ep.shell !== null) continue; // ignored anyway, reported on the ENTRYPOINT
    add(f.line, `shell-form-${f.keyword.toLowerCase()}`, 'error', `shell-form ${f.keyword}: PID 1 becomes /bin/sh -c, which on Debian and Alpine does not exec the command: it ignores ${stopSignal}, docker stop waits the full timeout`, `${f.keyword} ${JSON.stringify(f.shell.split(/\s+/))} (exec form), or \`exec\` before the command`, LAB_LINKS.signals);
  }
  if (ep?.shell !== null && ep?.shell !== undefined && cmd) {
    add(cmd.line, 'cmd-ignored-by-shell-entrypoint', 'warning', 'a shell-form ENTRYPOINT ignores CMD (and docker run arguments)', 'write the ENTRYPOINT in exec form, ENTRYPOINT ["prog"], so CMD becomes its arguments', LAB_LINKS.own);
  }
  // Exec form with an explicit shell: what is PID 1 then?
  // A shell-form ENTRYPOINT ignores CMD; without an ENTRYPOINT, CMD is the whole command.
  const argv = ep ? (ep.json ? [...ep.json, ...(cmd?.json ?? [])] : null) : (cmd?.json ?? null);
  const argvLine = ep?.json ? ep.line : (cmd?.line ?? 0);
  if (argv && argv[0] && isShell(argv[0]) && argv[1] === '-c' && argv[2] !== undefined) {
    const r = pid1OfShellC(base(argv[0]), argv[2]);
    if (r.shellStays) add(argvLine, 'json-sh-c', 'error', `${JSON.stringify(argv.slice(0, 2))}: ${r.why}, so it gets ${stopSignal} and drops it`, `start the last command with exec: "… && exec ${r.pid1 === base(argv[0]) ? 'your-app' : r.pid1}"`, LAB_LINKS.signals);
    else add(argvLine, 'json-sh-c-execs', 'note', `${r.why}: it must handle ${stopSignal} and reap its children itself`, 'put an init in front: ENTRYPOINT ["tini", "--"]', LAB_LINKS.init);
  }
  // An entrypoint script that does not exec the final command.
  const first = argv?.[0] ?? (ep?.shell ?? cmd?.shell)?.split(/\s+/)[0];
  // The script may come after a shell or an init (`tini -- /entry.sh`).
  const script = argv?.find((a) => /\.(sh|bash)$/.test(a)) ?? first;
  if (script && /\.(sh|bash)$/.test(script)) {
    const copied = copies.find((c) => (c.getArgumentsContent() ?? '').split(/\s+/).some((w) => w === script || (w.endsWith('/') && script.startsWith(w))));
    const src = copied ? ((copied.getArgumentsContent() ?? '').split(/\s+/).filter((w) => !w.startsWith('--')).find((w) => base(w) === base(script)) ?? base(script)) : base(script);
    const body = readContext(src);
    if (body !== null) {
      const r = endsInExec(body);
      if (!r.ok && r.last) {
        add(argvLine || (cmd?.line ?? 0), 'entrypoint-script-no-exec', 'error', `the entrypoint script ${src} ends with "${r.last.text}" (line ${r.last.line}) without exec: the shell stays PID 1 and never passes ${stopSignal} on`, `exec ${r.last.text} — and since the app is then PID 1, an init in front if it starts children`, LAB_LINKS.signals);
      }
    }
  }
  // No init where one is cheap.
  const pid1 = argv?.[0] ? base(argv[0]) : null;
  if (pid1 && !KNOWN_INITS.includes(pid1) && !isShell(pid1) && !/\.(sh|bash)$/.test(pid1)) {
    add(argvLine, 'no-init', 'note', `PID 1 will be ${pid1}: orphans of its children are never reaped unless ${pid1} does it, and ${stopSignal} needs a handler in ${pid1}`, 'ENTRYPOINT ["tini", "--"] (or run with docker run --init / compose init: true)', LAB_LINKS.zombies);
  }
  if (stop) {
    const line = stop.getRange().start.line + 1;
    if (stopSignal === 'SIGKILL' || stopSignal === 'KILL' || stopSignal === '9') add(line, 'stopsignal-kill', 'warning', 'STOPSIGNAL SIGKILL: the app never gets a chance to clean up', 'STOPSIGNAL SIGTERM, with a handler in the app or an init in front', LAB_LINKS.signals);
    else if ((ep?.shell ?? cmd?.shell) !== undefined && (ep?.shell ?? cmd?.shell) !== null) add(line, 'stopsignal-to-shell', 'warning', `STOPSIGNAL ${stopSignal} goes to the /bin/sh of the shell form, which does not pass it on`, 'exec form, so the signal reaches the app', LAB_LINKS.signals);
  }
  return out;
}
