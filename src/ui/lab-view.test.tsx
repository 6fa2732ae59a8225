import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { resultOf } from '../core/labs/check-result.js';
import { stripAnsi } from '../core/text-wrap.js';
import { loadCatalog } from '../engine/labs/lab-loader.js';
import { checkRows, LabView } from './lab-view.js';

const catalog = await loadCatalog();
const lab = catalog.byLang.en.find((l) => l.id === 'signals')!;

function frame(el: React.JSX.Element): string {
  const r = render(el);
  const f = r.lastFrame() ?? '';
  r.unmount();
  return f;
}

describe('LabView', () => {
  it('never grows taller than its height, and marks that more is below', () => {
    const f = stripAnsi(frame(<LabView lab={lab} step={1} showHints check={{ kind: 'idle' }} workspace="/w" width={60} height={14} scroll={0} lang="en" noColor />));
    const rows = f.split('\n');
    expect(rows.length).toBeLessThanOrEqual(14);
    expect(rows.at(-2)?.trim()).toBe('…');
    expect(rows.at(-1)).toContain('c check');
  });

  it('scrolls the explanation but keeps a long check result in view, wrapped to the width', () => {
    const result = resultOf('signals', [{ ok: false, what: 'docker stop ends early', detail: 'took 6.1 s', tryThis: 'x '.repeat(60).trim() }]);
    const f = stripAnsi(frame(<LabView lab={lab} step={0} showHints={false} check={{ kind: 'done', result }} workspace="/w" width={50} height={20} scroll={3} lang="en" noColor />));
    const rows = f.split('\n');
    expect(rows.every((r) => r.length <= 50)).toBe(true);
    expect(f).toContain('✘ docker stop ends early: took 6.1 s');
    expect(rows.filter((r) => /^ +(- )?x x/.test(r)).length).toBeGreaterThanOrEqual(2);
    expect(f).not.toContain('Your workspace has app.py');
  });

  it('uses no colour with noColor', () => {
    const f = frame(<LabView lab={lab} step={0} showHints check={{ kind: 'running', line: 'building' }} workspace="/w" width={80} height={30} scroll={0} lang="en" noColor />);
    // eslint-disable-next-line no-control-regex -- looking for ANSI colour codes
    expect(f).not.toMatch(/\u001b\[3[0-9]m/);
    expect(checkRows({ kind: 'running', line: 'building' }, 'de')[0]?.text).toBe('prüfe… building');
  });
});
