/**
 * Which deck language to show when the user did not choose one: German when the locale
 * says German, English otherwise.
 */
import type { Lang } from '../lang.js';

/** The locale variables; the index signature lets `process.env` be passed as it is. */
export interface LocaleEnv {
  LC_ALL?: string;
  LC_MESSAGES?: string;
  LANG?: string;
  [name: string]: string | undefined;
}

/** POSIX precedence: the first non-empty of LC_ALL, LC_MESSAGES, LANG decides (so LC_ALL=C beats LANG=de_DE). */
export function langFromLocale(env: LocaleEnv): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale?.toLowerCase().startsWith('de') ? 'de' : 'en';
}
