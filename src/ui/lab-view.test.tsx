import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { initialLabAppState, labAppReducer, type LabAppState, type LabMsg } from '../core/lab-app-state.js';
import { labText } from '../core/lab-text.js';
import { resultOf, type CheckResult } from '../core/labs/check-result.js';
import { emptyProgress } from '../core/labs/progress.js';
import { stripAnsi } from '../core/text-wrap.js';
import { loadCatalog } from '../engine/labs/lab-loader.js';
import { labTheme } from '../core/theme.js';
import { LabView } from './lab-view.js';

const catalog = await loadCatalog();

/** The runner's state after these messages, on lab `labId` with its workspace made. */
function stateOf(labId: string, msgs: LabMsg[], lang: 'de' | 'en' = 'en'): LabAppState {
  const start = initialLabAppState({ labs: catalog.byLang[lang], progress: emptyProgress(), labId });
  return [{ type: 'workspace-ready', labId, dir: '/w' } as LabMsg, ...msgs].reduce(labAppReducer, start);
}
const checked = (result: CheckResult): LabMsg[] => [{ type: 'check' }, { type: 'check-done', seq: 1, result, at: new Date(0) }];

function frame(s: LabAppState, width: number, height: number, lang: 'de' | 'en' = 'en'): string {
  const r = render(<LabView state={s} t={labText(lang)} width={width} height={height} theme={labTheme(true)} />);
  const f = stripAnsi(r.lastFrame() ?? '');
  r.unmount();
  return f;
}

describe('LabView', () => {
  it('never grows taller than its height, and marks that more is below', () => {
    const f = frame(stateOf('signals', [{ type: 'next-step' }, { type: 'toggle-hints' }]), 60, 14);
    const rows = f.split('\n');
    expect(rows.length).toBeLessThanOrEqual(14);
    // The marker, then the key line (wrapped to two rows at this width, whole).
    expect(rows.at(-3)?.trim()).toBe('… (↓ for more)');
    expect(rows.slice(-2).join(' ')).toMatch(/c check .* q quit$/);
  });

  it('scrolls the explanation but keeps a long check result in view, wrapped to the width', () => {
    const result = resultOf('signals', [{ ok: false, what: 'docker stop ends early', detail: 'took 6.1 s', tryThis: 'x '.repeat(60).trim() }]);
    const s = stateOf('signals', [{ type: 'scroll', by: 3 }, ...checked(result)]);
    const rows = frame(s, 50, 20).split('\n');
    expect(rows.every((r) => r.length <= 50)).toBe(true);
    expect(rows.join('\n')).toContain('✘ docker stop ends early: took 6.1 s');
    expect(rows.filter((r) => /^ +(- )?x x/.test(r)).length).toBeGreaterThanOrEqual(2);
    expect(rows.join('\n')).not.toContain('Your workspace has app.py');
  });

  it('wraps hints, titles and the key line at a narrow width instead of cutting them', () => {
    const lab = catalog.byLang.en.find((l) => l.id === 'zombies')!;
    const s = stateOf('zombies', [{ type: 'toggle-hints' }]);
    const f = frame(s, 40, 60);
    const rows = f.split('\n');
    expect(rows.every((r) => r.length <= 40)).toBe(true);
    expect(rows.some((r) => r.trimEnd().endsWith('…'))).toBe(false);
    // Every word of every hint is on the screen, in order.
    const text = f.replace(/\s+/g, ' ');
    for (const h of lab.steps[0]!.hints) expect(text).toContain(h.replace(/\s+/g, ' '));
    expect(text).toContain('q quit');
  });

  it("keeps the builder's output out of view until o, then shows its last lines", () => {
    const running: LabMsg[] = [{ type: 'check' }, { type: 'check-line', seq: 1, line: 'Step 1/3 : FROM base' }, { type: 'check-line', seq: 1, line: 'Successfully tagged zombie-lab/lab-x:1' }];
    const hidden = frame(stateOf('zombies', running), 80, 30);
    expect(hidden).toContain("checking… (o shows the builder's output, 2 lines)");
    expect(hidden).not.toContain('Successfully tagged');
    const shown = frame(stateOf('zombies', [...running, { type: 'toggle-output' }]), 80, 30);
    expect(shown).toContain("The builder's output (o: back to the result):");
    expect(shown).toContain('Successfully tagged zombie-lab/lab-x:1');
  });

  it('on o shows the output in place of a long result, within the height; o again brings the result back', () => {
    const result = resultOf('zombies', Array.from({ length: 8 }, (_, i) => ({ ok: false, what: `item ${i}`, detail: 'd '.repeat(50).trim(), tryThis: 'try '.repeat(20).trim() })));
    const msgs: LabMsg[] = [{ type: 'check' }, ...Array.from({ length: 40 }, (_, i): LabMsg => ({ type: 'check-line', seq: 1, line: `line ${i}` })), { type: 'check-done', seq: 1, result, at: new Date(0) }];
    const s = stateOf('zombies', [...msgs, { type: 'toggle-output' }]);
    const rows = frame(s, 80, 24).split('\n');
    expect(rows.length).toBeLessThanOrEqual(24);
    expect(rows.join('\n')).toContain("The builder's output");
    expect(rows.join('\n')).toContain('line 39');
    expect(rows.join('\n')).not.toContain('item 0');
    expect(frame(labAppReducer(s, { type: 'toggle-output' }), 80, 24)).toContain('✘ item 0');
  });

  it('after a pass offers the next lab; after the last lab says so', () => {
    const pass = (id: string) => resultOf(id, [{ ok: true, what: 'no zombies pile up', detail: '0 zombies' }]);
    expect(frame(stateOf('zombies', checked(pass('zombies'))), 80, 30)).toContain('Next: Lab 02: ');
    const last = catalog.byLang.en.at(-1)!;
    expect(frame(stateOf(last.id, checked(pass(last.id))), 80, 30)).toContain('That was the last lab.');
    expect(frame(stateOf('zombies', checked(pass('zombies')), 'de'), 80, 30, 'de')).toContain('Weiter: Lab 02: ');
  });

  it('words a check that could not run in the runner’s language, from the problem’s key', () => {
    const problem = { message: 'the lab check found no Docker engine', fix: 'start Docker', key: { id: 'no-engine' as const, shown: 'unix:///var/run/docker.sock', fix: { kind: 'default' as const } } };
    const de = frame(stateOf('zombies', [{ type: 'check' }, { type: 'check-failed', seq: 1, problem }], 'de'), 80, 30, 'de');
    expect(de).toContain('Der Check konnte nicht laufen:');
    expect(de).not.toContain('found no Docker engine');
  });

  it('uses no colour with noColor', () => {
    const r = render(<LabView state={stateOf('signals', [{ type: 'toggle-hints' }, { type: 'check' }])} t={labText('en')} width={80} height={30} theme={labTheme(true)} />);
    // eslint-disable-next-line no-control-regex -- looking for ANSI colour codes
    expect(r.lastFrame()).not.toMatch(/\u001b\[3[0-9]m/);
    r.unmount();
  });
});
