import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-dynamodb.ts'],
    // Process tests start the platform and a JVM several times; under load one start takes 15 s here.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // Two cores: each e2e file runs its own platform (a JVM among it), so keep the fan-out small.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
