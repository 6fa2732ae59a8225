import { describe, expect, it } from 'vitest';
import { BINDINGS, bindingFor, CONTAINER_BINDINGS, containerHints, keyHelp, keyName, keyNames, resolveKey, type Action } from './keymap.js';
import { LAB_BINDINGS, labBindings, labHintItems, labKeyHelp, resolveLabKey } from './lab-keymap.js';

const press = (...names: string[]): (Action | null)[] => {
  let prefix = '';
  return names.map((n) => {
    const r = resolveKey(n, prefix);
    prefix = r.prefix;
    return r.action;
  });
};
const last = (...names: string[]): Action | null => press(...names).at(-1) ?? null;

describe('keyName', () => {
  it('names arrows, pages, Home/End, Enter, Esc and Ctrl keys', () => {
    expect(keyName({ input: '', rightArrow: true })).toBe('right');
    expect(keyName({ input: '', downArrow: true })).toBe('down');
    expect(keyName({ input: '', pageUp: true })).toBe('pageup');
    expect(keyName({ input: '', home: true })).toBe('home');
    expect(keyName({ input: '', end: true })).toBe('end');
    expect(keyName({ input: '\r', return: true })).toBe('enter');
    expect(keyName({ input: '', escape: true })).toBe('escape');
    expect(keyName({ input: 'p', ctrl: true })).toBe('ctrl+p');
    expect(keyName({ input: 'x' })).toBe('x');
  });
});

describe('keyNames', () => {
  it('takes a burst read apart key by key, its carriage return as Enter', () => {
    expect(keyNames({ input: '12\r' })).toEqual(['1', '2', 'enter']);
    expect(keyNames({ input: '5G' })).toEqual(['5', 'G']);
    expect(keyNames({ input: '\r', return: true })).toEqual(['enter']);
    expect(keyNames({ input: '[C', rightArrow: true })).toEqual(['right']);
  });
});

describe('resolveKey', () => {
  it('moves forward on everything presenterm users try, and back likewise', () => {
    for (const k of ['right', 'down', 'pagedown', ' ', 'l', 'j']) expect(last(k)).toEqual({ type: 'next-slide' });
    for (const k of ['left', 'up', 'pageup', 'h', 'k']) expect(last(k)).toEqual({ type: 'prev-slide' });
  });
  it('goes first on gg or Home and last on G or End; one g alone does nothing yet', () => {
    expect(press('g')).toEqual([null]);
    expect(last('g', 'g')).toEqual({ type: 'first-slide' });
    expect(last('home')).toEqual({ type: 'first-slide' });
    expect(last('G')).toEqual({ type: 'last-slide' });
    expect(last('end')).toEqual({ type: 'last-slide' });
    // g then another key: the other key counts on its own.
    expect(last('g', 'r')).toEqual({ type: 'run' });
  });
  it('jumps with a count: 5G, 12 Enter; every lane digit of the count focuses its lane on the way', () => {
    expect(last('5', 'G')).toEqual({ type: 'goto-slide', index: 4, fromCount: true });
    expect(press('1', '2', 'enter')).toEqual([
      { type: 'focus', mode: 'no-init' },
      { type: 'focus', mode: 'dumb-init' },
      { type: 'goto-slide', index: 11, fromCount: true },
    ]);
    expect(press('2', '3')).toEqual([
      { type: 'focus', mode: 'dumb-init' },
      { type: 'focus', mode: 'init' },
    ]);
    expect(last('0', 'G')).toBeNull();
  });
  it('focuses lanes 1 to 3 in mode order', () => {
    expect(last('1')).toEqual({ type: 'focus', mode: 'no-init' });
    expect(last('2')).toEqual({ type: 'focus', mode: 'dumb-init' });
    expect(last('3')).toEqual({ type: 'focus', mode: 'init' });
    expect(resolveKey('4', '')).toEqual({ action: null, prefix: '4' });
  });
  it('quits on q and Ctrl-C, not on other Ctrl keys', () => {
    expect(last('q')).toEqual({ type: 'quit' });
    expect(last('ctrl+c')).toEqual({ type: 'quit' });
    expect(last('ctrl+r')).toBeNull();
  });
  it('in the containers list (i): its own table moves, opens details and closes; slide keys do nothing there', () => {
    expect(resolveKey('j', '', 'containers').action).toEqual({ type: 'containers-move', by: 1 });
    expect(resolveKey('down', '', 'containers').action).toEqual({ type: 'containers-move', by: 1 });
    expect(resolveKey('k', '', 'containers').action).toEqual({ type: 'containers-move', by: -1 });
    expect(resolveKey('pagedown', '', 'containers').action).toEqual({ type: 'containers-move', by: 10 });
    expect(resolveKey('enter', '', 'containers').action).toEqual({ type: 'containers-detail' });
    expect(resolveKey('escape', '', 'containers').action).toEqual({ type: 'back' });
    expect(resolveKey('i', '', 'containers').action).toEqual({ type: 'back' });
    expect(resolveKey('q', '', 'containers').action).toEqual({ type: 'quit' });
    expect(resolveKey('right', '', 'containers').action).toBeNull();
    expect(resolveKey('r', '', 'containers').action).toBeNull();
    // Every key of the table is in its hints, close and quit first.
    const hints = containerHints('de');
    expect(hints.slice(0, 2)).toEqual(['Esc schließen', 'q Ende']);
    for (const b of CONTAINER_BINDINGS) expect(hints).toContain(`${b.label} ${b.help.de}`);
  });

  it('in the slide index: moves, goes, closes', () => {
    expect(resolveKey('down', '', 'index').action).toEqual({ type: 'index-move', by: 1 });
    expect(resolveKey('k', '', 'index').action).toEqual({ type: 'index-move', by: -1 });
    expect(resolveKey('enter', '', 'index').action).toEqual({ type: 'index-go' });
    expect(resolveKey('escape', '', 'index').action).toEqual({ type: 'back' });
  });
  it('blanked: any key brings the screen back, q still quits', () => {
    expect(resolveKey('x', '', 'blank').action).toEqual({ type: 'blank' });
    expect(resolveKey('q', '', 'blank').action).toEqual({ type: 'quit' });
  });
});

// Every key name a keyboard can send as one press: printable ASCII, named keys, Ctrl-letters.
const allKeys = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  ...['right', 'left', 'up', 'down', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape'],
  ...Array.from({ length: 26 }, (_, i) => `ctrl+${String.fromCharCode(97 + i)}`),
];

describe('the key table drives keys and help alike', () => {
  it('every key that does something is in a binding (no key without a help line)', () => {
    for (const k of allKeys) {
      const a = resolveKey(k, '').action;
      if (a === null) continue;
      expect(bindingFor(k), `key ${JSON.stringify(k)} acts but has no binding`).toBeDefined();
    }
  });
  it('every binding does what it says (no help line without a key), and each has help in both languages', () => {
    for (const b of BINDINGS) {
      expect(b.help.en.length).toBeGreaterThan(0);
      expect(b.help.de.length).toBeGreaterThan(0);
      for (const k of b.keys) {
        if (k.startsWith('<n>')) {
          const r = last('7', k === '<n>G' ? 'G' : 'enter');
          expect(r?.type).toBe('goto-slide');
        } else if (k === 'gg') expect(last('g', 'g')).toEqual(b.action);
        else expect(last(k)).toEqual(b.action);
      }
    }
    // Every binding's keys once, in table order; the lanes' focus keys share one row.
    expect(keyHelp('en').map((h) => h.keys).join(' ')).toBe(BINDINGS.map((b) => b.label).join(' '));
    expect(keyHelp('en').map((h) => h.keys)).toContain('1 2 3');
    // Issue 22 row 12: "space" stayed English in the German help.
    expect(keyHelp('de')[0]?.keys).toBe('→ ↓ Leertaste l j PgDn');
    expect(keyHelp('de').map((h) => h.keys).join(' ')).not.toMatch(/\bspace\b/);
    expect(labKeyHelp('lab', 'de').map((h) => h.keys).join(' ')).toContain('Leertaste');
  });
});

describe("the lab runner's key table drives keys, help and hint line alike", () => {
  for (const mode of ['menu', 'lab'] as const) {
    it(`${mode}: every key that does something has a binding with a help line there, and every binding does what it says`, () => {
      const help = labKeyHelp(mode, 'en');
      for (const k of allKeys) {
        const a = resolveLabKey(k, mode);
        if (a === null) continue;
        const b = labBindings(mode).find((x) => x.keys.includes(k));
        expect(b, `key ${JSON.stringify(k)} acts on the ${mode} but has no binding`).toBeDefined();
        expect(help.map((h) => h.keys)).toContain(b?.label);
      }
      for (const b of labBindings(mode)) for (const k of b.keys) expect(resolveLabKey(k, mode), `${k} on the ${mode}`).toEqual(b.action);
      // A key name means one thing per screen.
      const names = labBindings(mode).flatMap((b) => b.keys);
      expect(new Set(names).size).toBe(names.length);
    });
  }
  it('each binding has help in both languages; hint items come from the bindings that have one', () => {
    for (const b of LAB_BINDINGS) {
      expect(b.help.en.length).toBeGreaterThan(0);
      expect(b.help.de.length).toBeGreaterThan(0);
      if (b.hint) expect(b.hint.de.length * b.hint.en.length).toBeGreaterThan(0);
    }
    expect(labHintItems('lab', 'en')).toEqual(['←/→ step', 'h hints', 'c check', '↑/↓ scroll', 'Esc labs', '? help', 'q quit']);
    expect(labHintItems('menu', 'de')).toEqual(['↑/↓ wählen', 'Enter öffnen', '? Hilfe', 'q beenden']);
  });
  it('over the help only ?, Esc and q act', () => {
    const acting = allKeys.filter((k) => resolveLabKey(k, 'help') !== null);
    expect(acting.sort()).toEqual(['?', 'ctrl+c', 'escape', 'q'].sort());
  });
});
