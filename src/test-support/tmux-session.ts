/**
 * A real terminal for tests that drive the apps as a person would: a tmux session running a
 * plain shell, keys sent with send-keys, the screen read with capture-pane.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../engine/package-paths.js';
import { dockerRequired, waitFor } from './docker-for-tests.js';

export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** True when tmux is here; with ZOMBIE_LAB_REQUIRE_DOCKER=1 (CI) a missing tmux is an error, not a skip. */
export function tmuxForTests(): boolean {
  const ok = hasTmux();
  if (dockerRequired && !ok) throw new Error('ZOMBIE_LAB_REQUIRE_DOCKER=1 but tmux is not installed (apt-get install tmux)');
  return ok;
}

/** Screens saved here when a wait times out (and on purpose), to look at afterwards. */
export const CAPTURES_DIR = path.join(PACKAGE_ROOT, '.zombie-lab-cache', 'tmux-captures');

export class TmuxSession {
  readonly name: string;

  /** ZOMBIE_LAB_RUN_PREFIX goes in front of the name too: sessions sharing one tmux server tell theirs apart by it. */
  constructor(
    name: string,
    readonly columns = 160,
    readonly rows = 48,
  ) {
    const prefix = process.env.ZOMBIE_LAB_RUN_PREFIX;
    this.name = prefix ? `${prefix}-${name}` : name;
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', args, { encoding: 'utf8' });
  }

  /** A fresh session with a plain shell (prompt `zl$ `) in the package root; kills an older one. */
  start(): void {
    this.kill();
    this.tmux('new-session', '-d', '-s', this.name, '-x', String(this.columns), '-y', String(this.rows), '-c', PACKAGE_ROOT, 'env', 'PS1=zl$ ', 'bash', '--norc', '--noprofile');
  }

  /** Types a command line and runs it, then `echo ZL_EXIT=$?` so its exit code shows on the screen. */
  run(commandLine: string): void {
    this.keys(`${commandLine}; echo ZL_EXIT=$?`, 'Enter');
  }

  screen(): string {
    return this.tmux('capture-pane', '-t', this.name, '-p');
  }

  /** Resizes the terminal, as a presenter dragging the window or changing the font would. */
  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows));
  }

  /** The screen with its colours (SGR escapes), for pictures of what a user sees. */
  screenWithColour(): string {
    return this.tmux('capture-pane', '-t', this.name, '-p', '-e');
  }

  keys(...k: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...k);
  }

  /** The process the shell is running in the foreground (the app under test). */
  appPid(): number {
    const shell = this.tmux('display-message', '-p', '-t', this.name, '#{pane_pid}').trim();
    const out = execFileSync('ps', ['-o', 'pid=', '--ppid', shell], { encoding: 'utf8' }).trim();
    const pid = Number(out.split('\n')[0]);
    if (!pid) throw new Error(`no app process under shell ${shell}`);
    return pid;
  }

  save(name: string, text: string): void {
    mkdirSync(CAPTURES_DIR, { recursive: true });
    writeFileSync(path.join(CAPTURES_DIR, `${name}.txt`), text);
  }

  /** waitFor that saves the last screen as `<name>-timeout` when it times out. */
  async waitScreen<T>(check: (screen: string) => T | undefined, ms: number, what: string): Promise<T> {
    try {
      return await waitFor(() => check(this.screen()), ms, what);
    } catch (err) {
      this.save(`${this.name}-timeout`, this.screen());
      throw err;
    }
  }

  /**
   * Waits for `check` as long as the screen shows progress: fails only when `progress` (a part of
   * the screen that changes while work goes on, e.g. "3 of 7") has not changed for `stallMs`. On
   * a loaded machine slow work still passes; work that stopped moving fails within `stallMs`.
   */
  async waitScreenProgressing<T>(check: (screen: string) => T | undefined, progress: (screen: string) => string | undefined, stallMs: number, what: string): Promise<T> {
    let last: string | undefined;
    let since = Date.now();
    for (;;) {
      const screen = this.screen();
      const v = check(screen);
      if (v !== undefined) return v;
      const p = progress(screen);
      if (p !== last) {
        last = p;
        since = Date.now();
      } else if (Date.now() - since > stallMs) {
        this.save(`${this.name}-timeout`, screen);
        throw new Error(`no progress for ${stallMs} ms (last: ${last ?? 'none'}) waiting for ${what}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Waits for the `ZL_EXIT=<code>` line of `run` and returns the screen with it. */
  exited(ms: number, what: string): Promise<string> {
    return this.waitScreen((s) => (/ZL_EXIT=\d+/.test(s) ? s : undefined), ms, what);
  }

  kill(): void {
    try {
      this.tmux('kill-session', '-t', this.name);
    } catch {
      // not running
    }
  }
}
