import { defineConfig } from 'vitest/config';

// The cgroup v2 VM (scripts/rig-vm.sh) on its own: TCG is slow and needs a core to itself, so it
// is not part of `npm run test:matrix` yet (see src/matrix/vm-cgroup2.vm.test.ts).
export default defineConfig({
  test: {
    include: ['src/matrix/**/*.vm.test.ts'],
    fileParallelism: false,
    globalSetup: ['src/test-support/global-setup-build.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
  },
});
