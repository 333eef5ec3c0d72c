import { defineConfig } from 'vitest/config';

// Browser tier: tests drive the built app (dist/) in headless Chromium through tests/browser/harness.ts.
// One file at a time: each file owns a Chromium and the machine has two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/browser/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
