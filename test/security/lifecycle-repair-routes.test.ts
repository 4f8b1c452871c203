/**
 * POST /admin/v1/tenants/{id}/lifecycle-repair through the real app (authentication, the role
 * matrix, validation hooks, error shape) on the local platform with its engine running the real
 * ASL: only the platform operator reaches it, and it re-enters broken lifecycles at their recorded
 * step under a new execution, page by page.
 */
// First: it extends zod with .openapi(), which schemas need when their modules load.
import '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { registerComplaint } from '../../shared/application/intake';
import { REPAIR_PAGE } from '../../shared/application/lifecycle-repair';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import * as t from '../../shared/domain/complaint/transitions';
import { skippedFeedback } from '../support/broken-lifecycle';
import { intakeBody, principal } from '../support/fixtures';
import { scene } from '../support/scene';
import { expectErrorShape } from './helpers';
import { inProcessApp } from './in-process-app';

const RECEIVED = '2026-11-02T02:00:00.000Z';
const PATH = '/admin/v1/tenants/bank-a/lifecycle-repair';

/** A scene (platform, engine, clock) with the app on it, and the operator's token. */
async function setUp() {
  const s = await scene(RECEIVED);
  const env = await inProcessApp({ sharing: { platform: s.p, tenant: s.tenant } });
  const operator = await env.token(['platform-admin'], { tenantId: null, sub: 'op-1' });
  return { s, env, operator };
}

describe('who may repair', () => {
  it('nobody but the platform operator: tenant roles and the regulator get 403, and nothing is repaired', async () => {
    const { s, env } = await setUp();
    const broken = await skippedFeedback(s);
    const others = [
      await env.token(['intake']),
      await env.token(['handler']),
      await env.token(['supervisor']),
      await env.token(['admin']),
      await env.token(['admin', 'supervisor', 'handler', 'intake', 'pii:read']),
      await env.token(['regulator'], { tenantId: null, sub: 'reg-1' }),
      await env.token(['pii:read']),
    ];
    for (const token of others) {
      const res = await env.call('POST', PATH, { token, body: {} });
      expect(res.status).toBe(403);
      expectErrorShape(res.body, 'forbidden');
    }
    expect(await s.step(broken)).toBe('review_window');
    const anonymous = await env.call('POST', PATH, { body: {} });
    expect(anonymous.status).toBe(401);
    expectErrorShape(anonymous.body, 'unauthorized');
  });
});

describe('what it refuses', () => {
  it('an institution that does not exist is 404', async () => {
    const { env, operator } = await setUp();
    const res = await env.call('POST', '/admin/v1/tenants/no-such-bank/lifecycle-repair', { token: operator });
    expect(res.status).toBe(404);
    expectErrorShape(res.body, 'not_found');
  });

  it('a complaint that does not exist is 404', async () => {
    const { env, operator } = await setUp();
    const res = await env.call('POST', PATH, { token: operator, body: { complaintId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' } });
    expect(res.status).toBe(404);
    expectErrorShape(res.body, 'not_found');
  });

  it.each([
    { complaintId: 'not-an-id' },
    { complaintId: 42 },
    { complaintId: '' },
    { complaintId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', cursor: 'abc' },
    { tenantId: 'bank-b' },
    [],
    'null',
    '{"complaintId":',
  ])('a bad body (%j) is 400 in the error shape', async (body) => {
    const { env, operator } = await setUp();
    const res = await env.call('POST', PATH, { token: operator, body });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'invalid_request');
  });

  it('a cursor it did not hand out is 400 invalid_cursor', async () => {
    const { env, operator } = await setUp();
    const res = await env.call('POST', PATH, { token: operator, body: { cursor: 'abc.def' } });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'invalid_cursor');
  });
});

describe('the repair', () => {
  it('re-enters each broken lifecycle at its recorded step as a new execution, and leaves sound ones alone', async () => {
    const { s, env, operator } = await setUp();
    const skipped = await skippedFeedback(s);
    const sound = await s.intake();
    const res = await env.call('POST', PATH, { token: operator });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      repairs: [
        { complaintId: skipped, from: 'review_window', to: 'feedback', execution: `${skipped}-r1`, restarted: true },
      ],
      nextCursor: null,
    });
    await s.settle();
    expect(await s.step(skipped)).toBe('feedback');
    expect(await s.execution(skipped)).toBe('RUNNING');
    expect((await s.p.engine.describeExecution(skipped)).status).toBe('ABORTED');
    expect(s.p.engine.running()).toBe(2);
    // Sound now, both: a second run repairs nothing, for the institution or the one complaint.
    expect((await env.call('POST', PATH, { token: operator, body: {} })).body).toEqual({
      repairs: [],
      nextCursor: null,
    });
    const one = await env.call('POST', PATH, { token: operator, body: { complaintId: skipped } });
    expect(one.body).toEqual({ repairs: [], nextCursor: null });
    expect((await s.p.complaints.getPosition(s.tenant.tableName, sound))?.execution).toBeUndefined();
    // The restarted execution carries the lifecycle on: the feedback opens the review window.
    await s.act(skipped, (r, i, ctx) => t.recordFeedback(r, i, ctx), {
      channel: 'phone' as const,
      deliveredAt: RECEIVED,
      summary: '电话告知',
    });
    expect(await s.step(skipped)).toBe('review_window');
  });

  it('with complaintId repairs that complaint only', async () => {
    const { s, env, operator } = await setUp();
    const a = await s.intake();
    const b = await s.intake();
    s.p.engine.stop();
    const res = await env.call('POST', PATH, { token: operator, body: { complaintId: b } });
    expect(res.body).toEqual({
      repairs: [
        { complaintId: b, from: 'acknowledgement', to: 'acknowledgement', execution: `${b}-r1`, restarted: true },
      ],
      nextCursor: null,
    });
    await s.settle();
    expect(await s.execution(a)).toBe('ABORTED');
    expect(await s.execution(b)).toBe('RUNNING');
  });

  it('goes page by page through a large institution, each page continuing where the last ended', async () => {
    const { s, env, operator } = await setUp();
    const who = principal(s.tenant.id, ['intake']);
    const ids: string[] = [];
    for (let i = 0; i <= REPAIR_PAGE; i++) {
      const { complaint } = await registerComplaint(s.p, s.tenant, who, IntakeSchema.parse(intakeBody()), `k-${i}`);
      ids.push(complaint.id);
    }
    await s.settle();
    s.p.engine.stop();
    const first = await env.call('POST', PATH, { token: operator });
    expect(first.status).toBe(200);
    expect(first.body.repairs).toHaveLength(REPAIR_PAGE);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await env.call('POST', PATH, { token: operator, body: { cursor: first.body.nextCursor } });
    expect(second.body).toMatchObject({ nextCursor: null });
    const repaired = [...first.body.repairs, ...second.body.repairs].map((r: { complaintId: string }) => r.complaintId);
    expect(repaired.sort()).toEqual([...ids].sort());
    await s.settle();
    expect(s.p.engine.running()).toBe(ids.length);
    // Another institution's cursor is no cursor here.
    const other = await env.call('POST', '/admin/v1/tenants/no-such-bank/lifecycle-repair', {
      token: operator,
      body: { cursor: first.body.nextCursor },
    });
    expect(other.status).toBe(400);
    expectErrorShape(other.body, 'invalid_cursor');
  });
});
