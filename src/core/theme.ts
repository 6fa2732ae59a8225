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
    useDim: false,
  };
}

/** NO_COLOR is honoured when set to any non-empty value (https://no-color.org). */
export function noColorFromEnv(env: Record<string, string | undefined>): boolean {
  return typeof env['NO_COLOR'] === 'string' && env['NO_COLOR'] !== '';
}
