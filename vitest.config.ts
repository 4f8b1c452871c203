import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** A file that starts processes of its own (the platform, a JVM): the suite's longest files. */
const STARTS_PROCESSES = /local-server|startDynamoDbLocal|\bspawn\(|\bfork\(/;

/**
 * Vitest runs the longest files first when it has their durations from an earlier run, and the
 * largest first when it has none. On a fresh clone (CI) the process tests are small files, so they
 * ran last and left one worker idle for a minute at the end. Without a recorded duration, a file
 * that starts processes goes first; with one, vitest's own order stands.
 */
class ProcessTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const cache = this.ctx.cache;
    const unknown = (f: TestSpecification) =>
      !cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`);
    const heavy = new Set(sorted.filter((f) => unknown(f) && STARTS_PROCESSES.test(readFileSync(f.moduleId, 'utf8'))));
    // Stable: groups and projects keep their order, since the heavy files move only within them.
    const group = (f: TestSpecification) => `${f.project.config.sequence.groupOrder}:${f.project.name}`;
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) =>
        group(a.f) !== group(b.f) ? a.i - b.i : Number(heavy.has(b.f)) - Number(heavy.has(a.f)) || a.i - b.i,
      )
      .map(({ f }) => f);
  }
}

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
    // The files of a worker share one module graph, as a warm Lambda's invocations share theirs:
    // module state that leaks from one file into the next is a bug there too. Each file's own
    // import of the whole platform cost about a second of CPU, 106 s of the suite's 640.
    isolate: false,
    // A spy a failed test left behind must not reach the next file.
    restoreMocks: true,
    sequence: { sequencer: ProcessTestsFirst },
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
