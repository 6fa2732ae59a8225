import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { resultOf, type CheckResult } from '../core/labs/check-result.js';
import { emptyProgress, withCheck, withStep, type Progress } from '../core/labs/progress.js';
import { stripAnsi } from '../core/text-wrap.js';
import { loadCatalog } from '../engine/labs/lab-loader.js';
import { englishOnlyLabWords, englishOnScreen } from '../test-support/screen-check.js';
import { inputReady, settled, until } from '../test-support/ink-frames.js';
import { labTheme } from '../core/theme.js';
import { LabApp } from './lab-app.js';

const catalog = await loadCatalog();

function app(over: { progress?: Progress; labId?: string; lang?: 'de' | 'en'; check?: (onLine: (l: string) => void) => Promise<CheckResult> } = {}) {
  const saved: Progress[] = [];
  const checks: string[] = [];
  const r = render(
    <LabApp
      catalog={catalog}
      lang={over.lang ?? 'en'}
      progress={over.progress ?? emptyProgress()}
      theme={labTheme(true)}
      {...(over.labId ? { labId: over.labId } : {})}
      workspaceOf={async (lab) => `/ws/${lab.number}-${lab.id}`}
      saveProgress={async (p) => {
        saved.push(p);
      }}
      runCheck={async (lab, dir, onLine) => {
        checks.push(`${lab.id}@${dir}`);
        if (over.check) return over.check(onLine);
        onLine('building your Dockerfile');
        return resultOf(lab.id, [{ ok: false, what: 'no zombies pile up', detail: '60 zombies', tryThis: 'add an init' }]);
      }}
    />,
  );
  return { ...r, saved, checks };
}

/**
 * Presses a key once the app reads keys (both apps read them through one top-level hook, so a
 * press after that is never lost) and waits for the frame that shows its effect.
 */
async function pressUntil(r: ReturnType<typeof app>, key: string, test: (f: string) => boolean, what: string): Promise<string> {
  await inputReady(r.stdin);
  const before = stripAnsi(r.lastFrame() ?? '');
  if (test(before)) return before;
  r.stdin.write(key);
  return until(r.lastFrame, test, what);
}

const press = async (r: ReturnType<typeof app>, keys: string) => {
  r.stdin.write(keys);
  await new Promise((res) => setTimeout(res, 20));
};

describe('LabApp', () => {
  it('lists the eight labs with their progress and opens the chosen one', async () => {
    const progress = withCheck(withStep(emptyProgress(), 'signals', 2), 'zombies', true, new Date());
    const r = app({ progress });
    const menu = await until(r.lastFrame, (f) => f.includes('guided labs'), 'the menu');
    expect(menu).toMatch(/› 01 {2}Zombies +✔ passed/);
    expect(menu).toMatch(/ 03 {2}Signals +at step 3\/4/);
    expect(menu).toMatch(/ 06 {2}Fix it in the app +not started/);
    expect(menu).toMatch(/ 07 {2}Your own containers +not started/);
    expect(menu).toMatch(/ 08 {2}Pods and exec probes +not started/);
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
    // Saved by an effect right after the frame that shows the step.
    await until(() => String(r.saved.at(-1)?.labs.zombies?.step), (v) => v === '1', 'step 2 saved');
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

  it('starts one check for two quick c presses (the reducer guards it), and offers the next lab after a pass', async () => {
    let pass: (r: CheckResult) => void = () => undefined;
    const r = app({ labId: 'zombies', check: () => new Promise<CheckResult>((res) => (pass = res)) });
    await until(r.lastFrame, (f) => f.includes('your files: /ws/'), 'the workspace');
    await pressUntil(r, 'c', (f) => f.includes('checking…'), 'the check running');
    r.stdin.write('c');
    r.stdin.write('cc');
    await settled(() => r.lastFrame());
    expect(r.checks).toHaveLength(1);
    pass(resultOf('zombies', [{ ok: true, what: 'no zombies pile up', detail: '0 zombies' }]));
    const passed = await until(r.lastFrame, (f) => f.includes('All checks passed.'), 'the pass');
    expect(passed).toMatch(/Next: Lab 02: .*Press Enter/s);
    await pressUntil(r, '\r', (f) => f.includes('Lab 02: '), 'lab 02 open');
    r.unmount();
  });

  it("keeps the builder's output out of view, o shows it", async () => {
    let pass: (r: CheckResult) => void = () => undefined;
    const r = app({
      labId: 'zombies',
      check: (onLine) => {
        onLine('Successfully tagged zombie-lab/lab-zombies:abc');
        return new Promise<CheckResult>((res) => (pass = res));
      },
    });
    await until(r.lastFrame, (f) => f.includes('your files: /ws/'), 'the workspace');
    const running = await pressUntil(r, 'c', (f) => f.includes("o shows the builder's output, 1 line)"), 'the check running');
    expect(running).not.toContain('Successfully tagged');
    const shown = await pressUntil(r, 'o', (f) => f.includes('Successfully tagged zombie-lab/lab-zombies:abc'), 'the output shown');
    expect(shown).toContain("The builder's output (o: back to the result):");
    pass(resultOf('zombies', [{ ok: false, what: 'no zombies pile up', detail: '60 zombies' }]));
    r.unmount();
  });

  /** Every screen of the runner: menu, its help, a lab with hints, its help, a running check with and without output, a failure, a pass, an error. */
  async function everyScreen(lang: 'de' | 'en'): Promise<string[]> {
    const screens: string[] = [];
    let finish: (r: CheckResult | Error) => void = () => undefined;
    const de = lang === 'de';
    const failed = resultOf('zombies', [{ ok: false, what: de ? 'keine Zombies stauen sich' : 'no zombies pile up', detail: de ? '60 Zombies' : '60 zombies', tryThis: de ? 'nimm ein Init' : 'add an init' }]);
    const passed = resultOf('zombies', [{ ok: true, what: de ? 'keine Zombies stauen sich' : 'no zombies pile up', detail: de ? '0 Zombies' : '0 zombies' }]);
    const problem = Object.assign(new Error('x'), { problem: { message: 'no engine', fix: 'start one', key: { id: 'no-engine', shown: 'unix:///var/run/docker.sock', fix: { kind: 'default' } } } });
    const r = app({
      lang,
      check: (onLine) => {
        onLine('FROM zombie-lab/base');
        return new Promise<CheckResult>((res, rej) => (finish = (v) => (v instanceof Error ? rej(v) : res(v))));
      },
    });
    const take = (f: string) => screens.push(f);
    take(await until(r.lastFrame, (f) => f.includes('01'), 'the menu'));
    take(await pressUntil(r, '?', (f) => f.includes('Enter'), 'the menu help'));
    await pressUntil(r, '?', (f) => f.includes('› 01'), 'the menu again');
    await pressUntil(r, '\r', (f) => f.includes('/ws/01'), 'lab 01');
    take(await pressUntil(r, 'h', (f) => f.includes('•'), 'the hints'));
    take(await pressUntil(r, '?', (f) => f.includes('Ctrl-C'), 'the lab help'));
    await pressUntil(r, '\u001b', (f) => f.includes('/ws/01'), 'the lab again');
    for (const [end, what] of [[failed, 'failed'], [problem, 'error'], [passed, 'passed']] as const) {
      take(await pressUntil(r, 'c', (f) => f.includes(de ? 'prüfe…' : 'checking…'), `the check running (${what})`));
      take(await pressUntil(r, 'o', (f) => f.includes('FROM zombie-lab/base'), 'the output'));
      finish(end);
      await until(r.lastFrame, (f) => !f.includes(de ? 'prüfe…' : 'checking…'), `the check ${what}`);
      take(await pressUntil(r, 'o', (f) => !f.includes('FROM zombie-lab/base'), `the result (${what})`));
    }
    r.unmount();
    return screens;
  }

  it('under --lang de no screen shows an English word of the runner (and under en they do, so the test can fail)', async () => {
    const english = englishOnlyLabWords();
    const de = await everyScreen('de');
    expect(de.join('\n')).toContain('Alle Checks bestanden.');
    expect(de.join('\n')).toContain('Der Check konnte nicht laufen:');
    expect(de.flatMap((f, i) => englishOnScreen(f, english).map((w) => `screen ${i}: ${w}`))).toEqual([]);
    const en = await everyScreen('en');
    expect(en.flatMap((f) => englishOnScreen(f, english)).length).toBeGreaterThan(10);
  });
});
