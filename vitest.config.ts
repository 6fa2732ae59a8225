import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // The engine matrix starts engines of its own: `npm run test:matrix` (vitest.matrix.config.ts).
    exclude: ['src/matrix/**', 'node_modules/**'],
    // Integration tests share one Docker engine and host; keep files serial for stable timing.
    fileParallelism: false,
    globalSetup: ['src/test-support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
