import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { resultOf, type CheckResult } from '../core/labs/check-result.js';
import { emptyProgress, withCheck, withStep, type Progress } from '../core/labs/progress.js';
import { stripAnsi } from '../core/text-wrap.js';
import { loadCatalog } from '../engine/labs/lab-loader.js';
import { LabApp } from './lab-app.js';

const catalog = await loadCatalog();

async function until(frame: () => string | undefined, test: (f: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 10_000; // a deadline, not a wait: a loaded CI machine renders the first frame slowly
  for (;;) {
    const f = stripAnsi(frame() ?? '');
    if (test(f)) return f;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${f}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function app(over: { progress?: Progress; labId?: string; lang?: 'de' | 'en'; check?: () => Promise<CheckResult> } = {}) {
  const saved: Progress[] = [];
  const checks: string[] = [];
  const r = render(
    <LabApp
      catalog={catalog}
      lang={over.lang ?? 'en'}
      progress={over.progress ?? emptyProgress()}
      noColor
      {...(over.labId ? { labId: over.labId } : {})}
      workspaceOf={async (lab) => `/ws/${lab.number}-${lab.id}`}
      saveProgress={async (p) => {
        saved.push(p);
      }}
      runCheck={async (lab, dir, onLine) => {
        checks.push(`${lab.id}@${dir}`);
        onLine('building your Dockerfile');
        return over.check ? over.check() : resultOf(lab.id, [{ ok: false, what: 'no zombies pile up', detail: '60 zombies', tryThis: 'add an init' }]);
      }}
    />,
  );
  return { ...r, saved, checks };
}

/** Waits until the frame has not changed for `quietMs` (Ink settled after a start or a key). */
async function settled(r: ReturnType<typeof app>, quietMs = 300): Promise<string> {
  const deadline = Date.now() + 10_000;
  let last = stripAnsi(r.lastFrame() ?? '');
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) break;
    await new Promise((res) => setTimeout(res, 10));
    const f = stripAnsi(r.lastFrame() ?? '');
    if (f !== last) {
      last = f;
      since = Date.now();
    }
  }
  return last;
}

/**
 * Presses a key until the frame shows its effect: a press before Ink's input hooks subscribe is
 * lost. It presses on a settled frame and again only while nothing changed for 1.5 s, so a press
 * that landed is never repeated (a second Down on a slow machine would select one lab too far).
 */
async function pressUntil(r: ReturnType<typeof app>, key: string, test: (f: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const before = await settled(r);
    if (test(before)) return before;
    r.stdin.write(key);
    const retryAt = Date.now() + 1500;
    while (Date.now() < retryAt) {
      const f = stripAnsi(r.lastFrame() ?? '');
      if (test(f)) return f;
      if (f !== before) return until(r.lastFrame, test, what);
      await new Promise((res) => setTimeout(res, 10));
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${stripAnsi(r.lastFrame() ?? '')}`);
  }
}

const press = async (r: ReturnType<typeof app>, keys: string) => {
  r.stdin.write(keys);
  await new Promise((res) => setTimeout(res, 20));
};

describe('LabApp', () => {
  it('lists the seven labs with their progress and opens the chosen one', async () => {
    const progress = withCheck(withStep(emptyProgress(), 'signals', 2), 'zombies', true, new Date());
    const r = app({ progress });
    const menu = await until(r.lastFrame, (f) => f.includes('guided labs'), 'the menu');
    expect(menu).toMatch(/› 01 {2}Zombies +✔ passed/);
    expect(menu).toMatch(/ 03 {2}Signals +at step 3\/4/);
    expect(menu).toMatch(/ 06 {2}Fix it in the app +not started/);
    expect(menu).toMatch(/ 07 {2}Your own containers +not started/);
    await pressUntil(r, '\u001b[B', (f) => f.includes('› 02'), 'lab 02 selected');
    await pressUntil(r, '\u001b[B', (f) => f.includes('› 03'), 'lab 03 selected');
    await pressUntil(r, '\r', (f) => f.includes('Lab 03'), 'lab 03 open');
    // Resumes where it was left: step 3 of 4.
    const lab = await until(r.lastFrame, (f) => f.includes('Lab 03: Signals') && f.includes('/ws/'), 'lab 03');
    expect(lab).toContain('step 3/4: Masks can mislead');
    expect(lab).toContain('your files: /ws/03-signals');
    expect(lab).not.toContain('{claim');
    r.unmount();
  });

  it('steps through a lab, saving the step, and shows hints on request', async () => {
    const r = app({ labId: 'zombies' });
    await until(r.lastFrame, (f) => f.includes('step 1/3'), 'step 1');
    expect(stripAnsi(r.lastFrame() ?? '')).not.toContain('Hints');
    const hinted = await pressUntil(r, 'h', (f) => f.includes('Hints'), 'hints');
    expect(hinted).toContain('• A zombie is a process in state');
    await press(r, '\u001b[C');
    await until(r.lastFrame, (f) => f.includes('step 2/3'), 'step 2');
    expect(r.saved.at(-1)?.labs.zombies?.step).toBe(1);
    await press(r, '\u001b[D');
    await until(r.lastFrame, (f) => f.includes('step 1/3'), 'back to step 1');
    r.unmount();
  });

  it('runs the check in place and shows what failed and what to try; a pass is saved', async () => {
    const r = app({ labId: 'zombies' });
    await until(r.lastFrame, (f) => f.includes('your files: /ws/01-zombies'), 'the workspace');
    const failed = await pressUntil(r, 'c', (f) => f.includes('What to try'), 'the check result');
    expect(failed).toContain('✘ no zombies pile up: 60 zombies');
    expect(failed).toContain('- add an init');
    expect(r.checks[0]).toBe('zombies@/ws/01-zombies');
    await until(() => String(r.saved.at(-1)?.labs.zombies?.lastCheck !== undefined), (v) => v === 'true', 'the check saved');
    expect(r.saved.at(-1)?.labs.zombies?.passed).toBe(false);
    r.unmount();

    const ok = app({ labId: 'zombies', check: async () => resultOf('zombies', [{ ok: true, what: 'no zombies pile up', detail: '0 zombies' }]) });
    await until(ok.lastFrame, (f) => f.includes('your files:'), 'the workspace');
    await pressUntil(ok, 'c', (f) => f.includes('All checks passed.'), 'a pass');
    // Saved by an effect right after the frame that shows the pass.
    await until(() => String(ok.saved.at(-1)?.labs.zombies?.passed), (v) => v === 'true', 'the pass saved');
    ok.unmount();
  });

  it('speaks German, and Esc goes back to the menu', async () => {
    const r = app({ labId: 'subreaper', lang: 'de' });
    const lab = await until(r.lastFrame, (f) => f.includes('Lab 05'), 'lab 05');
    expect(lab).toContain('Schritt 1/2');
    expect(lab).toContain('Esc Labs');
    await pressUntil(r, '\u001b', (f) => f.includes('geführte Labs'), 'the German menu');
    r.unmount();
  });
});
