import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { DESCRIPTION_PII, intakeBody, PII } from '../support/fixtures';
import type { JsonCall } from '../support/json-call';

/** A platform the helpers can call: a server process or the app in-process. */
type Api = { call: JsonCall };

/** Every error the API returns has this one shape; security refusals are no exception. */
export function expectErrorShape(body: unknown, code?: string) {
  expect(body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  if (code !== undefined) expect((body as { error: { code: string } }).error.code).toBe(code);
}

export const idempotencyKey = () => `sec-${randomUUID()}`;

/** A tenant id no other test (or earlier run against the same data) can have used. */
export const uniqueTenantId = (prefix = 'sec') => `${prefix}-${randomUUID().slice(0, 8)}`;

/** Registers a fresh complaint and returns it; fails loudly, since every caller depends on it. */
export async function createComplaint(server: Api, token: string, body: Record<string, unknown> = intakeBody()) {
  const res = await server.call('POST', '/v1/complaints', {
    token,
    body,
    headers: { 'Idempotency-Key': idempotencyKey() },
  });
  if (res.status !== 201) throw new Error(`complaint setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string; version: number; [k: string]: unknown };
}

/** Onboards an institution of its own for tests that change a tenant's status. */
export async function onboardTenant(server: Api, platformAdmin: string, kind: 'bank' | 'insurer' = 'bank') {
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

/** The steps a complaint's execution waits at, as `waitingFor` reports them. */
export type WaitStep =
  | 'acknowledgement'
  | 'referrals'
  | 'decision'
  | 'feedback'
  | 'review_window'
  | 'review_decision'
  | 'review_feedback';

/**
 * The lifecycle moves on asynchronously after an action: poll GET /v1/complaints/{id} until it waits
 * at `step`. Short timeout: locally a step takes well under a second.
 */
export async function waitForStep(server: Api, token: string, id: string, step: WaitStep, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await server.call('GET', `/v1/complaints/${id}`, { token });
    if (res.status === 200 && res.body.waitingFor === step)
      return res.body as { id: string; status: string; version: number; [k: string]: unknown };
    if (Date.now() > until) {
      throw new Error(
        `complaint ${id} did not reach ${step} in ${timeoutMs} ms: ${res.status} status=${res.body?.status} waitingFor=${res.body?.waitingFor}`,
      );
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A staff action that the setup depends on: anything but 200 fails loudly. */
export async function act(server: Api, token: string, id: string, action: string, body: unknown = {}) {
  const res = await server.call('POST', `/v1/complaints/${id}/${action}`, { token, body });
  if (res.status !== 200) throw new Error(`${action} on ${id} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string; version: number; [k: string]: unknown };
}

/** The platform's own now (the manual clock's when it runs with REDRESS_CLOCK=manual). */
export async function serverNow(server: Api): Promise<string> {
  const res = await server.call('GET', '/_local/clock');
  if (res.status !== 200) throw new Error(`clock read failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.now as string;
}

/**
 * Walks a complaint without partners from receipt to the step an action needs, each action by
 * `token` (who thereby becomes the decision maker: a reviewer must be someone else).
 */
export async function driveTo(
  server: Api,
  token: string,
  id: string,
  step: 'acknowledgement' | 'decision' | 'feedback' | 'review_window' | 'review_decision',
) {
  const order = ['acknowledgement', 'decision', 'feedback', 'review_window', 'review_decision'] as const;
  const target = order.indexOf(step);
  if (target >= 1) {
    await act(server, token, id, 'acknowledge');
    await waitForStep(server, token, id, 'decision');
  }
  if (target >= 2) {
    await act(server, token, id, 'decision', { outcome: 'upheld', summary: 'setup decision' });
    await waitForStep(server, token, id, 'feedback');
  }
  if (target >= 3) {
    await act(server, token, id, 'feedback', {
      channel: 'phone',
      deliveredAt: await serverNow(server),
      summary: 'setup feedback',
    });
    await waitForStep(server, token, id, 'review_window');
  }
  if (target >= 4) {
    await act(server, token, id, 'review-request', { reason: 'setup review request' });
  }
  return waitForStep(server, token, id, step);
}

/** Every event of a complaint, across pages. */
export async function allEvents(server: Api, token: string, id: string) {
  const items: { type: string; seq: number; data: Record<string, unknown>; [k: string]: unknown }[] = [];
  let cursor: string | null = null;
  do {
    const res = await server.call(
      'GET',
      `/v1/complaints/${id}/events?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token },
    );
    if (res.status !== 200) throw new Error(`events of ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor ?? null;
  } while (cursor);
  return items;
}

/** Every item of a paged list (complaints or referrals). */
export async function allItems(server: Api, token: string, path: string) {
  const items: { id: string; [k: string]: unknown }[] = [];
  let cursor: string | null = null;
  const sep = path.includes('?') ? '&' : '?';
  do {
    const res = await server.call(
      'GET',
      `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token },
    );
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor ?? null;
  } while (cursor);
  return items;
}

/** A complaint of `fromToken`'s tenant with one partner, acknowledged and waiting for the partner: the referral then exists. */
export async function openReferral(server: Api, fromToken: string, body: Record<string, unknown>) {
  const complaint = await createComplaint(server, fromToken, body);
  await act(server, fromToken, complaint.id, 'acknowledge');
  await waitForStep(server, fromToken, complaint.id, 'referrals');
  return { complaintId: complaint.id, referralId: `ref-${complaint.id}` };
}

/**
 * Which of the test complainant's personal data (by field, and the numbers the description holds)
 * appear in a text, raw or JSON-escaped.
 */
export function leaks(text: string): string[] {
  return Object.entries({ ...PII, ...DESCRIPTION_PII })
    .filter(([, v]) => text.includes(v) || text.includes(JSON.stringify(v).slice(1, -1)))
    .map(([k]) => k);
}

/** Every key anywhere in a JSON value. */
export function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) keysOf(v, into);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}
