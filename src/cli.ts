#!/usr/bin/env node
// Entry point: wires core, engine and ui through the command layer in src/cli/.
// React picks its build when first loaded: the development build costs several ms a frame.
process.env['NODE_ENV'] ??= 'production';
const { main } = await import('./cli/main.js');
const { hangUp, terminalGone } = await import('./cli/exit-cleanup.js');

main(process.argv).then(
  (code) => {
    // The app wound down after its terminal went away: end as a hung-up process (see hangUp).
    if (terminalGone()) void hangUp();
    else {
      process.exitCode = code;
      // Done: a request still waiting on an engine that hung must not keep the process alive.
      setTimeout(() => process.exit(code), 500).unref();
    }
  },
  (err: unknown) => {
    // Last resort: main() already turns known failures into one-line messages.
    process.stderr.write(`zombie-lab: unexpected failure: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
