import { describe, expect, it } from 'vitest';
import { actionForKey, KEY_HELP } from './keymap.js';

describe('actionForKey', () => {
  it('maps every next-slide key', () => {
    for (const k of [{ input: '', rightArrow: true }, { input: ' ' }, { input: 'l' }, { input: '', pageDown: true }]) {
      expect(actionForKey(k)).toEqual({ type: 'next-slide' });
    }
  });
  it('maps every previous-slide key', () => {
    for (const k of [{ input: '', leftArrow: true }, { input: 'h' }, { input: '', pageUp: true }]) {
      expect(actionForKey(k)).toEqual({ type: 'prev-slide' });
    }
  });
  it('tells g from G', () => {
    expect(actionForKey({ input: 'g' })).toEqual({ type: 'first-slide' });
    expect(actionForKey({ input: 'G' })).toEqual({ type: 'last-slide' });
  });
  it('focuses lanes 1 to 3 in mode order and ignores 4 and 0', () => {
    expect(actionForKey({ input: '1' })).toEqual({ type: 'focus', mode: 'no-init' });
    expect(actionForKey({ input: '2' })).toEqual({ type: 'focus', mode: 'dumb-init' });
    expect(actionForKey({ input: '3' })).toEqual({ type: 'focus', mode: 'init' });
    expect(actionForKey({ input: '4' })).toBeNull();
    expect(actionForKey({ input: '0' })).toBeNull();
  });
  it('quits on q and on Ctrl-C, but not on other Ctrl keys', () => {
    expect(actionForKey({ input: 'q' })).toEqual({ type: 'quit' });
    expect(actionForKey({ input: 'c', ctrl: true })).toEqual({ type: 'quit' });
    expect(actionForKey({ input: 'r', ctrl: true })).toBeNull();
  });
  it('maps run, stop, tree, help, export and Esc', () => {
    expect(actionForKey({ input: 'r' })?.type).toBe('run');
    expect(actionForKey({ input: 's' })?.type).toBe('stop');
    expect(actionForKey({ input: 't' })?.type).toBe('toggle-tree');
    expect(actionForKey({ input: '?' })?.type).toBe('toggle-help');
    expect(actionForKey({ input: 'e' })?.type).toBe('export-svg');
    expect(actionForKey({ input: '', escape: true })?.type).toBe('back');
  });
  it('ignores unbound keys', () => {
    expect(actionForKey({ input: 'x' })).toBeNull();
  });
  it('lists every single-letter binding in the help table', () => {
    const listed = KEY_HELP.map((h) => h.keys).join(' ');
    for (const key of ['l', 'h', 'g', 'G', 'r', 's', 't', 'e', '?', 'q', 'Esc', '1']) {
      expect(listed.split(/[\s/]+/)).toContain(key);
    }
  });
});
