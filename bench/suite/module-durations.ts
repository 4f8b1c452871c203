import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * A vitest reporter writing each test file's duration with its hooks (`TestModule.diagnostic()`) to
 * MODULE_DURATIONS_OUT. Vitest's JSON reporter spans only the first test's start to the last's end,
 * so it leaves out a server started in `beforeAll`, which is what issue 9 is about.
 */
export default class ModuleDurations implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]) {
    const rows = modules.map((m) => {
      const { duration, collectDuration, setupDuration, prepareDuration } = m.diagnostic();
      return { file: m.relativeModuleId, state: m.state(), duration, collectDuration, setupDuration, prepareDuration };
    });
    writeFileSync(process.env.MODULE_DURATIONS_OUT ?? 'module-durations.json', JSON.stringify(rows, null, 1));
  }
}
