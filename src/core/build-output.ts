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
