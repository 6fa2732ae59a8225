/**
 * Ink draws only the last frame when it believes it runs in CI (CI or CONTINUOUS_INTEGRATION set),
 * which leaves a blank screen for a person watching a real terminal, say over SSH into a CI box
 * or in tmux started from a CI job. When stdin and stdout are terminals someone is watching, so
 * live rendering wins. is-in-ci reads the environment once, when ink is first imported: call
 * this before importing any module that imports ink.
 */
export function preferLiveRendering(env: NodeJS.ProcessEnv = process.env): void {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return;
  for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) if (key in env) env[key] = 'false';
}
