import { describe, expect, it } from 'vitest';
import { langFromLocale } from './lang.js';

describe('langFromLocale', () => {
  it('picks German for a German locale in any of the variables', () => {
    expect(langFromLocale({ LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(langFromLocale({ LC_MESSAGES: 'de_AT' })).toBe('de');
    expect(langFromLocale({ LC_ALL: 'de_CH.UTF-8', LANG: 'en_US' })).toBe('de');
  });

  it('picks English otherwise, and when nothing is set', () => {
    expect(langFromLocale({})).toBe('en');
    expect(langFromLocale({ LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(langFromLocale({ LANG: 'C.UTF-8' })).toBe('en');
  });

  it('follows POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG; empty values do not count', () => {
    expect(langFromLocale({ LC_ALL: 'C', LANG: 'de_DE' })).toBe('en');
    expect(langFromLocale({ LC_MESSAGES: 'en_GB', LANG: 'de_DE' })).toBe('en');
    expect(langFromLocale({ LC_ALL: '', LC_MESSAGES: '', LANG: 'de_DE' })).toBe('de');
  });
});
