import { defineConfig } from 'vitest/config';

// Three projects: `unit` (pure logic and the engine's unit tests: one module cache per worker,
// no setup, seconds), `unit-ui` (Ink components, colour on, one module cache per worker too) and
// `integration` (the real engine, the built binary, tmux: one file at a time for stable timing,
// after a global setup that builds dist/ and the images). `npm test` runs all three;
// `npm run test:unit` (both unit projects) is the fast loop. The engine matrix has its own config
// (vitest.matrix.config.ts).
const integration = ['src/**/*.integration.test.ts', 'src/**/*.integration.test.tsx'];
const ui = ['src/ui/**/*.test.ts', 'src/ui/**/*.test.tsx'];

export default defineConfig({
  test: {
    // vitest takes one worker fewer than the cores: one on a 2-core machine. The unit tests wait on
    // timers and Ink's frames as much as they compute, so two overlap well (shared by all projects;
    // integration runs its files one at a time anyway).
    maxWorkers: 2,
    // Transformed modules kept on disk between runs (node_modules/.experimental-vitest-cache): the
    // fast loop's second run skips most of the transform. CI starts from a clean clone, where
    // filling the cache only costs, so it is off there.
    experimental: { fsModuleCache: !process.env.CI },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
          exclude: [...integration, ...ui, 'src/matrix/**', 'node_modules/**'],
          // Isolating each file (a new module graph, zod schemas and all, per file) cost more than
          // the tests themselves; these share no state through modules, so threads keep theirs.
          pool: 'threads',
          isolate: false,
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'unit-ui',
          include: ui,
          exclude: [...integration, 'node_modules/**'],
          // Not isolated (a fresh React, Ink and zod per file cost more than the tests): chalk fixes
          // its colour level when first imported, so every file runs with colour on (the setup file
          // runs before any import) and tests that read text read it without its codes.
          pool: 'threads',
          isolate: false,
          setupFiles: ['src/test-support/colour-on.ts'],
          // A bound, not a wait: on a loaded 2-core CI machine an Ink test's first frame took over 5 s.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: integration,
          exclude: ['src/matrix/**', 'node_modules/**'],
          // Integration tests share one Docker engine and host; keep files serial for stable timing.
          fileParallelism: false,
          globalSetup: ['src/test-support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
