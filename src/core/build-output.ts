/**
 * Interpreting the JSON objects a Docker build or import streams back. A failed build ends
 * the stream normally and reports its error as an object inside it, so every object is checked.
 */
export interface BuildMessage {
  stream?: string;
  status?: string;
  progress?: string;
  error?: string;
  errorDetail?: { message?: string; code?: number };
  aux?: { ID?: string };
}

export type BuildLine = { kind: 'line'; text: string } | { kind: 'error'; text: string } | { kind: 'id'; id: string } | { kind: 'none' };

export function classifyBuildMessage(m: BuildMessage): BuildLine {
  if (m.error || m.errorDetail?.message) return { kind: 'error', text: (m.errorDetail?.message ?? m.error ?? '').trim() };
  if (m.aux?.ID) return { kind: 'id', id: m.aux.ID };
  // An import reports the new image's id as its status line.
  if (m.status && /^sha256:[0-9a-f]{64}$/.test(m.status.trim())) return { kind: 'id', id: m.status.trim() };
  const text = (m.stream ?? m.status ?? '').replace(/\s+$/, '');
  return text ? { kind: 'line', text } : { kind: 'none' };
}

/** The last "Step N/M : ..." line seen, so an error can say which step failed. */
export function stepOf(line: string): string | null {
  return /^Step \d+\/\d+ : /.test(line) ? line : null;
}

/** The image a step of the classic builder committed (" ---> 1a2b3c4d5e6f"), or null. */
export function committedLayerOf(line: string): string | null {
  return /^ ---> ([0-9a-f]{12})$/.exec(line.trimEnd())?.[1] ?? null;
}

/** A line the builder writes about itself, not output of a RUN step. */
export function isBuilderLine(line: string): boolean {
  return !line.trim() || /^(Step \d+\/\d+ : | ---> |Removing intermediate container |Successfully (built|tagged) )/.test(line);
}

/** A line without terminal colour codes (Python 3.13 colours its tracebacks), trimmed. */
export function plainLine(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').trim();
}
