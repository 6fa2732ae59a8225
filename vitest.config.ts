import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure logic and Ink components: in parallel, no setup, seconds) and
// `integration` (the real engine, the built binary, tmux: one file at a time for stable timing,
// after a global setup that builds dist/ and the images). `npm test` runs both;
// `npm run test:unit` is the fast loop. The engine matrix has its own config (vitest.matrix.config.ts).
const integration = ['src/**/*.integration.test.ts', 'src/**/*.integration.test.tsx'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
          exclude: [...integration, 'src/matrix/**', 'node_modules/**'],
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
