import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { ensureTable } from '../../infra/local/adapters/ensure-table';
import { type LocalPlatform, localPlatform } from '../../infra/local/platform';
import type { LocalWorkflowEngine } from '../../infra/local/workflow/local-engine';
import { ManualClock } from '../../infra/local/workflow/scheduler';
import { onboardTenant } from '../../shared/application/tenants';
import type { OnboardTenantInput, Tenant } from '../../shared/domain/tenant/tenant-schema';
import type { Clock } from '../../shared/ports/clock';
import { silentLogger } from '../../shared/ports/logger';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';
import { controlPlaneTable } from '../../shared/store/table-names';
import { controlPlaneTableDefinition } from '../../shared/store/table-schemas';

let counter = 0;

/**
 * The local runtime's manual clock, starting at `at`: time moves only when a test says so, and every
 * workflow timer follows it. `set` jumps without firing timers (setting up a scene); `advance` fires
 * each timer that falls due, in order, and waits for its effects.
 */
export type TestClock = Clock & {
  set: (iso: string) => void;
  advanceTo: (iso: string) => Promise<void>;
  manual: ManualClock;
};

export function fixedClock(at: string): TestClock {
  const manual = new ManualClock(join(mkdtempSync(join(tmpdir(), 'redress-clock-')), 'clock.json'), Date.parse(at));
  let engine: LocalWorkflowEngine | undefined;
  return Object.assign(
    {
      now: () => manual.now(),
      set: (iso: string) => manual.jump(Date.parse(iso)),
      advanceTo: (iso: string) => manual.advanceTo(Date.parse(iso), () => engine?.settle() ?? Promise.resolve()),
      manual,
    },
    {
      bind: (e: LocalWorkflowEngine) => {
        engine = e;
      },
    },
  );
}

/**
 * A platform wired exactly as the local runtime wires it, against the shared in-memory DynamoDB
 * Local, with a table prefix of its own so tests never see each other's data.
 */
export async function testPlatform(
  o: {
    clock?: TestClock;
    randomBytes?: (n: number) => Uint8Array;
    /** A longer store timeout than the product's 5 s, for tests whose subject is not latency. */
    requestTimeoutMs?: number;
  } = {},
): Promise<LocalPlatform> {
  const config = localClientConfig(inject('dynamoEndpoint'));
  const db = createDocumentClient(
    o.requestTimeoutMs === undefined
      ? config
      : { ...config, requestHandler: { ...(config.requestHandler as object), requestTimeout: o.requestTimeoutMs } },
  );
  const prefix = `t${process.pid}-${++counter}-${Date.now().toString(36)}-`;
  const clock = o.clock ?? fixedClock(new Date().toISOString());
  const p = localPlatform({
    db,
    dataDir: mkdtempSync(join(tmpdir(), 'redress-test-')),
    tablePrefix: prefix,
    clock,
    scheduler: clock.manual,
    logger: silentLogger,
  });
  (clock as unknown as { bind: (e: LocalWorkflowEngine) => void }).bind(p.engine);
  if (o.randomBytes) p.randomBytes = o.randomBytes;
  await ensureTable(db, controlPlaneTableDefinition(controlPlaneTable(p.naming)));
  return p;
}

export async function testTenant(p: LocalPlatform, input: Partial<OnboardTenantInput> = {}): Promise<Tenant> {
  const tenant = await onboardTenant(p, {
    id: 'bank-a',
    name: 'Bank A',
    kind: 'bank',
    policy: 'cn-nfra-2020',
    ...input,
  });
  await p.units.put(
    tenant.tableName,
    {
      units: [
        { id: 'head-office', name: { 'zh-CN': '总行', en: 'Head office' } },
        { id: 'branch', name: { 'zh-CN': '分行', en: 'Branch' }, parentId: 'head-office' },
        { id: 'sub-branch', name: { 'zh-CN': '支行', en: 'Sub-branch' }, parentId: 'branch' },
      ],
    },
    0,
  );
  return tenant;
}
