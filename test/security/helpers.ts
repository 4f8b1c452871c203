import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { intakeBody } from '../support/fixtures';
import type { RunningServer } from '../support/local-server';

/** Every error the API returns has this one shape; security refusals are no exception. */
export function expectErrorShape(body: unknown, code?: string) {
  expect(body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  if (code !== undefined) expect((body as { error: { code: string } }).error.code).toBe(code);
}

export const idempotencyKey = () => `sec-${randomUUID()}`;

/** A tenant id no other test (or earlier run against the same data) can have used. */
export const uniqueTenantId = (prefix = 'sec') => `${prefix}-${randomUUID().slice(0, 8)}`;

/** Registers a fresh complaint and returns it; fails loudly, since every caller depends on it. */
export async function createComplaint(server: RunningServer, token: string, body: Record<string, unknown> = intakeBody()) {
  const res = await server.call('POST', '/v1/complaints', { token, body, headers: { 'Idempotency-Key': idempotencyKey() } });
  if (res.status !== 201) throw new Error(`complaint setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string; version: number; [k: string]: unknown };
}

/** Onboards an institution of its own for tests that change a tenant's status. */
export async function onboardTenant(server: RunningServer, platformAdmin: string, kind: 'bank' | 'insurer' = 'bank') {
  const id = uniqueTenantId();
  const res = await server.call('POST', '/admin/v1/tenants', {
    token: platformAdmin,
    body: { id, name: `Security test ${id}`, kind, policy: 'cn-nfra-2020' },
  });
  if (res.status !== 201) throw new Error(`tenant setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}

/** An insurer complaint needs insurer taxonomy codes. */
export const insurerIntakeBody = () => intakeBody({ category: 'I-CAT-01', reason: 'I-RSN-01', product: '重疾险' });
