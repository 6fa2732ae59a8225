/**
 * The final image a Dockerfile builds, as far as PID 1 is concerned: its stages back to the base
 * image (FROM an earlier stage inherits its CMD, ENTRYPOINT and SHELL; `ARG` defaults before the
 * first FROM fill in the base's name), the CMD and ENTRYPOINT in force, the shell of the shell form,
 * and which file in the build context (or which `COPY <<EOF` heredoc) lands at a path in the image.
 * On dockerfile-ast's parse. Pure.
 */
import { DockerfileParser, type Copy, type From, type Instruction } from 'dockerfile-ast';
import path from 'node:path/posix';

export interface Form {
  json: string[] | null;
  /** It starts like an exec-form array but is not valid JSON: Docker runs it as shell form. */
  brokenJson: boolean;
  shell: string | null;
  /** 1-based first and last line of the instruction. */
  line: number;
  endLine: number;
  keyword: 'CMD' | 'ENTRYPOINT';
}

export interface ImageFile {
  /** A file of the build context (relative to the context), or a heredoc's text. */
  source: { kind: 'context'; rel: string } | { kind: 'heredoc'; text: string; line: number };
}

export interface FinalImage {
  /** The base image of the first stage of the chain (ARGs filled in), or '' when it is unknown. */
  base: string;
  ep: Form | null;
  cmd: Form | null;
  /** The SHELL instruction in force (argv), or null for the default /bin/sh -c. */
  shell: string[] | null;
  stopSignal: { value: string; line: number } | null;
  /** Where a path in the image came from. */
  fileAt(p: string, exists: (rel: string) => boolean): ImageFile | null;
}

function formOf(i: Instruction): Form {
  const content = i.getArgumentsContent() ?? '';
  const keyword = i.getKeyword() as 'CMD' | 'ENTRYPOINT';
  const r = i.getRange();
  const base = { line: r.start.line + 1, endLine: r.end.line + 1, keyword };
  // dockerfile-ast's getJSONStrings() drops spaces inside the strings: parse the content ourselves.
  if (/^\s*\[/.test(content)) {
    try {
      const v = JSON.parse(content) as unknown;
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return { ...base, json: v, shell: null, brokenJson: false };
    } catch {
      // Docker treats an invalid JSON array as shell form.
    }
    return { ...base, json: null, shell: content.trim(), brokenJson: true };
  }
  return { ...base, json: null, shell: content.trim(), brokenJson: false };
}

function argDefaults(all: Instruction[], firstFrom: number): Map<string, string> {
  const m = new Map<string, string>();
  for (const i of all) {
    if (i.getRange().start.line >= firstFrom) break;
    if (i.getKeyword() !== 'ARG') continue;
    const eq = /^([A-Za-z_][A-Za-z0-9_]*)=("?)(.*)\2$/.exec((i.getArgumentsContent() ?? '').trim());
    if (eq) m.set(eq[1] ?? '', eq[3] ?? '');
  }
  return m;
}

function expandArgs(image: string, args: Map<string, string>): string {
  return image.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, a: string | undefined, dflt: string | undefined, b: string | undefined) => {
    const v = args.get(a ?? b ?? '');
    return v !== undefined && v !== '' ? v : (dflt ?? all);
  });
}

interface CopyMap {
  sources: string[];
  dest: string;
  heredocs: { text: string; line: number }[];
}

function copyOf(i: Instruction, workdir: string): CopyMap | null {
  const content = (i.getArgumentsContent() ?? '').trim();
  if (/(^|\s)--from[= ]/.test(content)) return null;
  let words: string[];
  if (content.startsWith('[')) {
    try {
      words = JSON.parse(content) as string[];
    } catch {
      return null;
    }
  } else {
    // With a heredoc the body follows the first line; without one, continuations are spaces.
    const head = content.includes('<<') ? (content.split('\n')[0] ?? '') : content.replace(/\\\n/g, ' ');
    words = head.split(/\s+/).filter((w) => w && !w.startsWith('--'));
  }
  const dest0 = words.at(-1) ?? '';
  // `.`, `..`, `./`: the folder itself.
  const folder = dest0.endsWith('/') || /(^|\/)\.\.?$/.test(dest0);
  const dest = (dest0.startsWith('/') ? path.normalize(dest0) : path.join(workdir, dest0)).replace(/\/$/, '') + (folder ? '/' : '');
  const sources = words.slice(0, -1).filter((w) => !w.startsWith('<<') && !/^[a-z]+:\/\//.test(w));
  return { sources, dest, heredocs: [] };
}

/** A COPY source glob (`*.sh`) as a test on one path segment. */
const globTest = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);

export function finalImage(text: string): FinalImage {
  const doc = DockerfileParser.parse(text);
  const lines = text.split('\n');
  const froms: From[] = doc.getFROMs();
  const all = doc.getInstructions();
  const args = argDefaults(all, froms[0]?.getRange().start.line ?? Infinity);
  const stages = froms.map((f, n) => {
    const start = f.getRange().start.line;
    const end = froms[n + 1]?.getRange().start.line ?? Infinity;
    return { from: f, name: f.getBuildStage()?.toLowerCase() ?? null, body: all.filter((i) => i.getRange().start.line > start && i.getRange().start.line < end) };
  });
  const chain: typeof stages = [];
  for (let n = stages.length - 1; n >= 0; ) {
    const s = stages[n]!;
    chain.unshift(s);
    const image = expandArgs(s.from.getImage() ?? '', args).toLowerCase();
    // A stage is named by its AS name or by its index; only an earlier stage can be a parent.
    n = stages.findIndex((p, k) => k < n && (p.name === image || String(k) === image));
  }
  let ep: Form | null = null;
  let cmd: Form | null = null;
  let shell: string[] | null = null;
  let stopSignal: FinalImage['stopSignal'] = null;
  let workdir = '/';
  const copies: CopyMap[] = [];
  for (const s of chain) {
    let stageEp = false;
    let stageCmd = false;
    for (const i of s.body) {
      const kw = i.getKeyword();
      if (kw === 'ENTRYPOINT') {
        ep = formOf(i);
        stageEp = true;
      } else if (kw === 'CMD') {
        cmd = formOf(i);
        stageCmd = true;
      } else if (kw === 'SHELL') {
        try {
          shell = JSON.parse(i.getArgumentsContent() ?? '') as string[];
        } catch {
          // An invalid SHELL fails the build; keep the one before.
        }
      } else if (kw === 'STOPSIGNAL') {
        stopSignal = { value: (i.getArgumentsContent() ?? '').trim(), line: i.getRange().start.line + 1 };
      } else if (kw === 'WORKDIR') {
        const w = (i.getArgumentsContent() ?? '').trim();
        workdir = w.startsWith('/') ? w : path.join(workdir, w);
      } else if (kw === 'COPY' || kw === 'ADD') {
        const c = copyOf(i, workdir);
        if (!c) continue;
        if (kw === 'COPY') {
          c.heredocs = (i as Copy).getHeredocs().map((h) => {
            const r = h.getContentRange();
            if (!r) return { text: '', line: 0 };
            return { text: lines.slice(r.start.line, r.end.line + 1).join('\n'), line: r.start.line + 1 };
          });
        }
        copies.push(c);
      }
    }
    // As Docker does: an ENTRYPOINT set in a stage clears the CMD it inherited.
    if (stageEp && !stageCmd) cmd = null;
  }
  const base = chain[0] ? expandArgs(chain[0].from.getImage() ?? '', args) : '';

  const fileAt = (p: string, exists: (rel: string) => boolean): ImageFile | null => {
    const bare = !p.includes('/');
    const abs = bare ? p : p.startsWith('/') ? path.normalize(p) : path.join(workdir, p);
    for (const c of [...copies].reverse()) {
      const destDir = c.dest.endsWith('/') || c.sources.length + c.heredocs.length > 1;
      if (c.heredocs.length === 1 && c.sources.length === 0) {
        const target = destDir ? path.join(c.dest, '') : c.dest;
        if ((bare && path.basename(target) === p) || target === abs) return { source: { kind: 'heredoc', text: c.heredocs[0]!.text, line: c.heredocs[0]!.line } };
        continue;
      }
      for (const src of c.sources) {
        const srcNorm = src.replace(/^\.\//, '').replace(/\/$/, '');
        const isDir = src.endsWith('/') || src === '.' || srcNorm === '';
        const dest = c.dest.replace(/\/$/, '') || '/';
        // A file copied into a folder, or to a file name.
        if (!isDir) {
          const target = destDir ? path.join(dest, path.basename(srcNorm)) : dest;
          const name = bare ? p : path.basename(abs);
          if (/[*?]/.test(srcNorm)) {
            if (globTest(path.basename(srcNorm)).test(name) && (bare || path.dirname(abs) === (destDir ? dest : path.dirname(dest)))) {
              const rel = path.join(path.dirname(srcNorm), name);
              if (exists(rel)) return { source: { kind: 'context', rel } };
            }
            continue;
          }
          if ((bare && path.basename(target) === p) || target === abs) return { source: { kind: 'context', rel: srcNorm } };
          // `COPY rootfs /` without a slash: a folder after all.
          if (!bare && (abs.startsWith(`${dest}/`) || dest === '/') && exists(path.join(srcNorm, abs.slice(dest === '/' ? 1 : dest.length + 1)))) {
            return { source: { kind: 'context', rel: path.join(srcNorm, abs.slice(dest === '/' ? 1 : dest.length + 1)) } };
          }
          continue;
        }
        // A folder: the path below the destination, under the source.
        if (bare) continue;
        const under = dest === '/' ? abs.slice(1) : abs.startsWith(`${dest}/`) ? abs.slice(dest.length + 1) : null;
        if (under === null) continue;
        const rel = path.join(srcNorm || '.', under);
        if (exists(rel)) return { source: { kind: 'context', rel } };
      }
    }
    return null;
  };
  // `RUN ln -s usr/local/bin/docker-entrypoint.sh /` and the like: a path no COPY names may still be a copied file by its name.
  const fileAtOrByName = (p: string, exists: (rel: string) => boolean): ImageFile | null => fileAt(p, exists) ?? (p.includes('/') ? fileAt(path.basename(p), exists) : null);
  return { base, ep, cmd, shell, stopSignal, fileAt: fileAtOrByName };
}
