import { defineConfig } from 'vitest/config';

// Unit tier: pure domain, store, style builder and CLI tests, all in Node, no browser.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/cli/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
