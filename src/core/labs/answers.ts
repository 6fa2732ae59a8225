/** The learner's `answers.txt`: `key: value` lines; `#` starts a comment; `?` means not answered yet. */
export function parseAnswers(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^([a-z0-9_-]+)\s*:\s*(.*)$/i.exec(line);
    if (m?.[1] && m[2] !== undefined) {
      const v = m[2].trim();
      if (v && v !== '?') out.set(m[1].toLowerCase(), v);
    }
  }
  return out;
}

export function yesNo(v: string | undefined): boolean | null {
  if (!v) return null;
  const w = v.trim().toLowerCase();
  if (['yes', 'ja', 'y', 'j', 'true'].includes(w)) return true;
  if (['no', 'nein', 'n', 'false'].includes(w)) return false;
  return null;
}
