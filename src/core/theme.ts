/**
 * Colours of the presenter app. `noColor` (NO_COLOR set) gives a theme without any colour, so
 * everything must also read from glyphs, labels and bold/inverse alone.
 */
import type { ModeId } from './modes.js';

export type ThemeName = 'default' | 'high-contrast';
export const THEME_NAMES: readonly ThemeName[] = ['default', 'high-contrast'];

export interface Theme {
  name: ThemeName | 'no-color';
  mode: Record<ModeId, string | undefined>;
  accent: string | undefined;
  dim: string | undefined;
  error: string | undefined;
  ok: string | undefined;
  replay: string | undefined;
  /** Headings and hints of the lab runner (cyan). */
  info: string | undefined;
  /** Use dimColor for secondary text (off on projectors, where dim text washes out). */
  useDim: boolean;
}

export function makeTheme(name: ThemeName, noColor: boolean): Theme {
  if (noColor) {
    return {
      name: 'no-color',
      mode: { 'no-init': undefined, 'dumb-init': undefined, init: undefined },
      accent: undefined,
      dim: undefined,
      error: undefined,
      ok: undefined,
      replay: undefined,
      info: undefined,
      useDim: false,
    };
  }
  if (name === 'high-contrast') {
    return {
      name,
      mode: { 'no-init': 'redBright', 'dumb-init': 'cyanBright', init: 'greenBright' },
      accent: 'yellowBright',
      dim: 'whiteBright',
      error: 'redBright',
      ok: 'greenBright',
      replay: 'magentaBright',
      info: 'cyanBright',
      useDim: false,
    };
  }
  // Projectors wash out dark blue and grey: no text on blue, nothing that matters in grey.
  return {
    name,
    mode: { 'no-init': 'red', 'dumb-init': 'cyan', init: 'green' },
    accent: 'yellow',
    dim: undefined,
    error: 'red',
    ok: 'green',
    replay: 'magenta',
    info: 'cyan',
    useDim: false,
  };
}

/**
 * The lab runner's colours: the default theme, with secondary text (paths, keys, the builder's
 * output) dim, since the runner is read up close on the learner's own terminal, not on a projector.
 * NO_COLOR turns dim off with the colours.
 */
export function labTheme(noColor: boolean): Theme {
  const theme = makeTheme('default', noColor);
  return noColor ? theme : { ...theme, useDim: true };
}

/** NO_COLOR is honoured when set to any non-empty value (https://no-color.org). */
export function noColorFromEnv(env: Record<string, string | undefined>): boolean {
  return typeof env['NO_COLOR'] === 'string' && env['NO_COLOR'] !== '';
}
