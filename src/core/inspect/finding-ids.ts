/**
 * Inspect's finding ids in a file of their own: the diagnosis finds them, inspect-text.ts words
 * them, and neither imports the other for it.
 */
/** Every finding's id, stable across languages and versions (docs/inspect.schema.json derives its enum from it). */
export const FINDING_IDS = [
  'zombies-under-pid1',
  'zombies-live-parent',
  'stop-signal-dropped',
  'app-sigkilled',
  'shell-pid1',
  'no-pids-limit',
  'pids-near-limit',
  'refused-forks',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];
