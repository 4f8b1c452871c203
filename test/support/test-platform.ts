import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { localPlatform } from '../../infra/local/platform';
import { ensureTable } from '../../infra/local/ensure-table';
import type { Platform } from '../../shared/application/platform';
import { onboardTenant } from '../../shared/application/tenants';
import type { OnboardTenantInput, Tenant } from '../../shared/domain/tenant/tenant-schema';
import type { Clock } from '../../shared/ports/clock';
import { silentLogger } from '../../shared/ports/logger';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';
import { controlPlaneTableDefinition } from '../../shared/store/table-schemas';
import { controlPlaneTable } from '../../shared/store/table-names';

let counter = 0;

/** A clock tests set by hand. */
export function fixedClock(at: string): Clock & { set: (iso: string) => void } {
  let now = new Date(at);
  return { now: () => new Date(now), set: (iso) => (now = new Date(iso)) };
}

/**
 * A platform wired exactly as the local runtime wires it, against the shared in-memory DynamoDB
 * Local, with a table prefix of its own so tests never see each other's data.
 */
export async function testPlatform(o: { clock?: Clock; randomBytes?: (n: number) => Uint8Array } = {}): Promise<Platform> {
  const db = createDocumentClient(localClientConfig(inject('dynamoEndpoint')));
  const prefix = `t${process.pid}-${++counter}-${Date.now().toString(36)}-`;
  const p = localPlatform({
    db,
    dataDir: mkdtempSync(join(tmpdir(), 'redress-test-')),
    tablePrefix: prefix,
    clock: o.clock ?? { now: () => new Date() },
    logger: silentLogger,
  });
  if (o.randomBytes) p.randomBytes = o.randomBytes;
  await ensureTable(db, controlPlaneTableDefinition(controlPlaneTable(p.naming)));
  return p;
}

export async function testTenant(p: Platform, input: Partial<OnboardTenantInput> = {}): Promise<Tenant> {
  const tenant = await onboardTenant(p, { id: 'bank-a', name: 'Bank A', kind: 'bank', policy: 'cn-nfra-2020', ...input });
  await p.units.put(tenant.tableName, {
    units: [
      { id: 'head-office', name: { 'zh-CN': '总行', en: 'Head office' } },
      { id: 'branch', name: { 'zh-CN': '分行', en: 'Branch' }, parentId: 'head-office' },
      { id: 'sub-branch', name: { 'zh-CN': '支行', en: 'Sub-branch' }, parentId: 'branch' },
    ],
  }, 0);
  return tenant;
}
