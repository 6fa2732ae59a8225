import { describe, expect, it } from 'vitest';
import { renderCheck, resultOf } from './check-result.js';

describe('check results', () => {
  it('passes only when every item passed, and never when there is none', () => {
    expect(resultOf('x', []).passed).toBe(false);
    expect(resultOf('x', [{ ok: true, what: 'a', detail: 'd' }]).passed).toBe(true);
  });

  it('lists failures with what to try, then the hints', () => {
    const r = resultOf('x', [
      { ok: true, what: 'builds', detail: 'fine' },
      { ok: false, what: 'no zombies', detail: '60 zombies', tryThis: 'add an init' },
    ]);
    expect(renderCheck(r, ['look at /proc'])).toEqual([
      '✔ builds: fine',
      '✘ no zombies: 60 zombies',
      '',
      '1 of 2 checks failed. What to try:',
      '  - add an init',
      '',
      'Hints from the lab:',
      '  - look at /proc',
    ]);
  });
});

describe('check results in German', () => {
  it('frames the items in the learner’s language', () => {
    const r = resultOf('x', [{ ok: false, what: 'a', detail: 'd', tryThis: 't' }]);
    expect(renderCheck(r, ['h'], 'de').slice(2)).toEqual(['1 von 1 Checks nicht bestanden. Probier:', '  - t', '', 'Tipps aus dem Lab:', '  - h']);
  });
});
