import { defineConfig } from 'vitest/config';

// The engine matrix: each file starts an engine of its own (scripts/rig-*.sh) and runs the real
// CLI against it. Files run one after another: the engines share this machine's two cores.
export default defineConfig({
  test: {
    include: ['src/matrix/**/*.matrix.test.ts'],
    fileParallelism: false,
    globalSetup: ['src/test-support/global-setup-build.ts'],
    testTimeout: 15 * 60_000,
    hookTimeout: 15 * 60_000,
  },
});
