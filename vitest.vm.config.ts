import { defineConfig } from 'vitest/config';

// The cgroup v2 VM (scripts/rig-vm.sh) on its own: TCG is slow and wants the machine's cores, so
// `.ci/run` runs it after `npm run test:matrix`, never beside other tests.
export default defineConfig({
  test: {
    include: ['src/matrix/**/*.vm.test.ts'],
    fileParallelism: false,
    globalSetup: ['src/test-support/global-setup-build.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
  },
});
