import { describe, expect, it } from 'vitest';
import { initialState, type AppState } from '../core/app-state.js';
import { uiText } from '../core/i18n.js';
import { lanesStripRows } from './demo-commands.js';

const text = (rows: { text: string }[][]) => rows.map((r) => r.map((s) => s.text).join(''));

function lost(state: AppState): AppState {
  const problem = { message: 'the Docker engine at unix:///var/run/docker.sock stopped answering (no answer for 1.0 s)', fix: 'start Docker again, then run again (r in the app)' };
  return { ...state, lanes: Object.fromEntries(Object.entries(state.lanes).map(([m, l]) => [m, { ...l, state: { kind: 'error', problem } }])) as AppState['lanes'] };
}

describe('the folded lanes under a slide', () => {
  const base = initialState({ slideCount: 3, replay: false });

  it('is one line with every lane while all is well', () => {
    const rows = text(lanesStripRows(base, uiText('en'), 120, 0));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/no init 0 idle .*dumb-init 0 idle .*docker --init 0 idle/);
  });

  it("keys a pods run's lanes by their pods, as the lanes themselves do, never by the demo's modes", () => {
    const pods = ['app-pid1', 'shared-pid-ns', 'tini'];
    const state = { ...base, lanes: Object.fromEntries(Object.entries(base.lanes).map(([m, l], i) => [m, { ...l, pod: { name: pods[i] ?? '?', file: 'x.yaml', emulated: true } }])) as AppState['lanes'] };
    const rows = text(lanesStripRows(state, uiText('en'), 120, 0));
    expect(rows[0]).toMatch(/\* 1 app-pid1 0 idle .*o 2 shared-pid-ns 0 idle .*\+ 3 tini 0 idle/);
    expect(rows[0]).not.toMatch(/no init|dumb-init|docker --init/);
  });

  it('never folds a lost engine away: each lane says ERROR, and the cause and fix get their own rows, in either language', () => {
    for (const [lang, word] of [['en', 'ERROR'], ['de', 'FEHLER']] as const) {
      const wide = text(lanesStripRows(lost(base), uiText(lang), 120, 0));
      expect(wide[0]?.match(new RegExp(`${word}\\b`, 'g'))).toHaveLength(3);
      // At 80 columns the lanes may lose their word, never the cause and the fix.
      for (const width of [120, 78]) {
        const rows = text(lanesStripRows(lost(base), uiText(lang), width, 0));
        const rest = rows.slice(1).join(' ');
        expect(rest).toContain(`${word}: the Docker engine at unix:///var/run/docker.sock stopped answering`);
        expect(rest).toMatch(/start Docker again/);
        for (const r of rows) expect(r.length).toBeLessThanOrEqual(width);
      }
    }
  });
});
