import { describe, expect, it } from 'vitest';
import { initialLabAppState, labAppReducer, labKeyMode, nextLabOffer, OUTPUT_KEPT, type LabAppState, type LabMsg } from './lab-app-state.js';
import { resultOf } from './labs/check-result.js';
import { emptyProgress, withStep } from './labs/progress.js';
import type { Lab } from './labs/types.js';

const lab = (id: string, number: string, steps: number): Lab => ({
  id,
  number,
  lang: 'en',
  file: `${id}.md`,
  title: id,
  summary: '',
  check: 'zombies' as Lab['check'],
  intro: '',
  steps: Array.from({ length: steps }, (_, i) => ({ title: `s${i}`, line: i + 1, body: '', commands: [], hints: [] })) as unknown as Lab['steps'],
  claims: [],
});
const LABS = [lab('zombies', '01', 3), lab('signals', '02', 2)];
const run = (s: LabAppState, ...msgs: LabMsg[]): LabAppState => msgs.reduce(labAppReducer, s);
const keys = (s: LabAppState, ...names: string[]): LabAppState => run(s, ...names.map((name): LabMsg => ({ type: 'key', name })));
const menu = () => initialLabAppState({ labs: LABS, progress: emptyProgress() });
const opened = (id = 'zombies') => run(initialLabAppState({ labs: LABS, progress: emptyProgress(), labId: id }), { type: 'workspace-ready', labId: id, dir: `/w/${id}` });
const pass = resultOf('zombies', [{ ok: true, what: 'w', detail: 'd' }]);

describe('labAppReducer', () => {
  it('moves in the menu within the list and opens the chosen lab where it was left', () => {
    const s0 = initialLabAppState({ labs: LABS, progress: withStep(emptyProgress(), 'signals', 1) });
    expect(keys(s0, 'up').selected).toBe(0);
    expect(keys(s0, 'down', 'down', 'down').selected).toBe(1);
    const s = keys(s0, 'j', 'enter');
    expect(s.open).toBe(1);
    expect(s.step).toBe(1);
    expect(labKeyMode(s)).toBe('lab');
  });

  it('steps within the lab, saving each step in the progress; hints and scroll reset on a new step', () => {
    const s = keys(opened(), 'h', 'j', 'j', 'right');
    expect(s.step).toBe(1);
    expect(s.hints).toBe(false);
    expect(s.scroll).toBe(0);
    expect(s.progress.labs.zombies?.step).toBe(1);
    expect(keys(s, 'n', 'n', 'n').step).toBe(2);
    expect(keys(s, 'left', 'p').step).toBe(0);
    expect(keys(opened(), 'k').scroll).toBe(0);
  });

  it('starts one check however often c is pressed, and only once the workspace is there', () => {
    const noDir = initialLabAppState({ labs: LABS, progress: emptyProgress(), labId: 'zombies' });
    expect(keys(noDir, 'c').check.kind).toBe('idle');
    const s = keys(opened(), 'c', 'c', 'c');
    expect(s.check.kind).toBe('running');
    expect(s.checkSeq).toBe(1);
  });

  it('takes the reports of the running check only: a left check cannot write its result', () => {
    const s = keys(opened(), 'c');
    const left = keys(s, 'escape');
    expect(left.check.kind).toBe('idle');
    const late = run(left, { type: 'check-done', seq: 1, result: pass, at: new Date(0) });
    expect(late).toBe(left);
    // Reopened and checked again: the first check's late result is dropped, the second's taken.
    const again = keys(run(keys(left, 'enter'), { type: 'workspace-ready', labId: 'zombies', dir: '/w' }), 'c');
    expect(again.checkSeq).toBe(2);
    expect(run(again, { type: 'check-done', seq: 1, result: pass, at: new Date(0) }).check.kind).toBe('running');
    const done = run(again, { type: 'check-done', seq: 2, result: pass, at: new Date(0) });
    expect(done.check.kind).toBe('done');
    expect(done.progress.labs.zombies?.passed).toBe(true);
  });

  it("keeps the builder's lines (the last ones) out of view until o", () => {
    let s = keys(opened(), 'c');
    for (let i = 0; i < OUTPUT_KEPT + 5; i++) s = run(s, { type: 'check-line', seq: 1, line: `l${i}` });
    expect(s.buildLines).toHaveLength(OUTPUT_KEPT);
    expect(s.buildLines.at(-1)).toBe(`l${OUTPUT_KEPT + 4}`);
    expect(s.output).toBe(false);
    expect(keys(s, 'o').output).toBe(true);
  });

  it('after a pass offers the next lab, and Enter opens it; not after a failure or on the last lab', () => {
    const passed = run(keys(opened(), 'c'), { type: 'check-done', seq: 1, result: pass, at: new Date(0) });
    expect(nextLabOffer(passed)?.id).toBe('signals');
    const next = keys(passed, 'enter');
    expect(next.open).toBe(1);
    expect(next.check.kind).toBe('idle');
    const failed = run(keys(opened(), 'c'), { type: 'check-done', seq: 1, result: resultOf('zombies', [{ ok: false, what: 'w', detail: 'd' }]), at: new Date(0) });
    expect(keys(failed, 'enter').open).toBe(0);
    const last = run(keys(opened('signals'), 'c'), { type: 'check-done', seq: 1, result: pass, at: new Date(0) });
    expect(nextLabOffer(last)).toBeNull();
  });

  it('the help takes the keys while open: ? or Esc close it, q quits, others do nothing', () => {
    const s = keys(opened(), '?');
    expect(labKeyMode(s)).toBe('help');
    expect(keys(s, 'c').check.kind).toBe('idle');
    expect(keys(s, 'escape').help).toBe(false);
    expect(keys(s, 'escape').open).toBe(0);
    expect(keys(s, '?').help).toBe(false);
    expect(keys(s, 'q').quitting).toBe(true);
  });

  it('quitting ends a running check (the runner aborts it)', () => {
    const s = keys(opened(), 'c', 'q');
    expect(s.quitting).toBe(true);
    expect(s.check.kind).toBe('idle');
    expect(keys(menu(), 'ctrl+c').quitting).toBe(true);
  });

  it('takes a workspace only for the lab that is open', () => {
    const s = initialLabAppState({ labs: LABS, progress: emptyProgress(), labId: 'zombies' });
    expect(run(s, { type: 'workspace-ready', labId: 'signals', dir: '/x' }).workspace).toBeNull();
    expect(run(s, { type: 'workspace-failed', labId: 'zombies', message: 'no space' }).workspace).toEqual({ labId: 'zombies', failed: 'no space' });
  });
});
