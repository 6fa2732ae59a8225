import { describe, expect, it } from 'vitest';
import { emptyProgress, labProgress, labStateText, parseProgress, withCheck, withoutLab, withStep } from './progress.js';

describe('progress', () => {
  it('records steps and checks; a pass stays a pass', () => {
    let p = withStep(emptyProgress(), 'zombies', 2);
    p = withCheck(p, 'zombies', true, new Date('2026-01-01T00:00:00Z'));
    p = withCheck(p, 'zombies', false, new Date('2026-01-02T00:00:00Z'));
    expect(labProgress(p, 'zombies')).toEqual({ step: 2, passed: true, lastCheck: '2026-01-02T00:00:00.000Z' });
    expect(labProgress(withoutLab(p, 'zombies'), 'zombies')).toEqual({ step: 0, passed: false, lastCheck: null });
  });

  it('round-trips through JSON', () => {
    const p = withStep(emptyProgress(), 'signals', 3);
    expect(parseProgress(JSON.stringify(p))).toEqual({ ok: true, progress: p });
  });

  it('turns a corrupt file into a fresh start with a reason, never an exception', () => {
    for (const text of ['', '{"version":1,', 'null', '[]', '{"version":2,"labs":{}}', '{"version":1,"labs":{"x":{"step":-1,"passed":true,"lastCheck":null}}}']) {
      const r = parseProgress(text);
      expect(r.ok, text).toBe(false);
      expect(r.progress).toEqual(emptyProgress());
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
    }
  });
});

describe('lab state text', () => {
  it('says how far the learner is, in their language', () => {
    const lab = { id: 'signals', steps: [1, 2, 3, 4] };
    expect(labStateText(emptyProgress(), lab, 'de')).toBe('nicht begonnen');
    expect(labStateText(withStep(emptyProgress(), 'signals', 1), lab, 'en')).toBe('at step 2/4');
    expect(labStateText(withCheck(emptyProgress(), 'signals', true, new Date()), lab, 'de')).toBe('✔ bestanden');
  });
});
