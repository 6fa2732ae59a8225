/**
 * The facts a verdict line is worded from, in its own file: i18n.ts words them and diagnosis.ts
 * finds them, and neither imports the other for it.
 */
export interface VerdictFacts {
  kind: 'init' | 'shell' | 'app';
  program: string;
  zombies: number;
  signal: string;
  endsOnSignal: boolean;
  timeoutS: number;
}
