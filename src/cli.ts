#!/usr/bin/env node
// Entry point: wires core, engine and ui through the command layer in src/cli/.
// React picks its build when first loaded: the development build costs several ms a frame.
process.env['NODE_ENV'] ??= 'production';
const { main } = await import('./cli/main.js');
const { hangUp, terminalGone } = await import('./cli/exit-cleanup.js');
const { EXIT_INTERNAL } = await import('./cli/exit-codes.js');

let settled = false;
// Node ends a process whose event loop is empty even while main() still awaits something that
// can no longer settle, and it ends it with 0: a command would pass in CI having said nothing.
// That is a fault of ours, and it is said so, with a code no verdict uses.
process.once('beforeExit', () => {
  if (settled) return;
  process.stderr.write('zombie-lab: internal error: the command stopped before it finished (it was left waiting on nothing); please report it\n');
  process.exitCode = EXIT_INTERNAL;
});

main(process.argv).then(
  (code) => {
    settled = true;
    // The app wound down after its terminal went away: end as a hung-up process (see hangUp).
    if (terminalGone()) void hangUp();
    else {
      process.exitCode = code;
      // Done: a request still waiting on an engine that hung must not keep the process alive.
      setTimeout(() => process.exit(code), 500).unref();
    }
  },
  (err: unknown) => {
    settled = true;
    // Last resort: main() already turns known failures into one-line messages.
    process.stderr.write(`zombie-lab: unexpected failure: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT_INTERNAL;
  },
);
