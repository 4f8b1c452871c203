import { defineConfig } from 'vitest/config';

/**
 * The race tests drive hundreds of lifecycles at once against DynamoDB Local. Beside the rest of the
 * suite on two cores they slowed every other store call past its timeout (a lifecycle test timed
 * out at 90 s in CI that takes 5 s alone), so they run on their own, after everything else, with
 * their own DynamoDB Local (each project runs the global setup).
 */
const RACE_TESTS = ['test/workflow/race-*.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-dynamodb.ts'],
    // Process tests start the platform and a JVM several times; under load one start takes 15 s here.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // Two cores: each e2e file runs its own platform (a JVM among it), so keep the fan-out small.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Read only with `--coverage` (`npm run coverage`; @vitest/coverage-v8 at vitest's own version): a report
    // to read, not a gate (no thresholds). The in-process tests count; code run in a child process does not.
    coverage: {
      provider: 'v8',
      include: ['shared/**', 'infra/**', 'functions/**', 'clients/**'],
      reporter: ['text-summary', 'html'],
      reportsDirectory: 'coverage',
    },
    projects: [
      {
        extends: true,
        test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: RACE_TESTS, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'races', include: RACE_TESTS, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
