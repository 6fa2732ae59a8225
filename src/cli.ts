#!/usr/bin/env node
// Entry point: wires core, engine and ui through the command layer in src/cli/.
// React picks its build when first loaded: the development build costs several ms a frame.
process.env['NODE_ENV'] ??= 'production';
const { main } = await import('./cli/main.js');

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Last resort: main() already turns known failures into one-line messages.
    process.stderr.write(`zombie-lab: unexpected failure: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
