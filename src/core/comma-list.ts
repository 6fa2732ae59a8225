/**
 * The one parser of comma-separated option values (`--modes`, `--variants`, `--fail-on`): words
 * trimmed, empty ones dropped, each kept once in the order given, the unknown ones named.
 */
export interface CommaList<T extends string> {
  known: T[];
  unknown: string[];
}

export function parseCommaList<T extends string>(text: string, isKnown: (word: string) => word is T): CommaList<T> {
  const words = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
  return { known: words.filter(isKnown), unknown: words.filter((w) => !isKnown(w)) };
}
