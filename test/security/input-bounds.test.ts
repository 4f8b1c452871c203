/**
 * Bad input is a 400 in the error shape, never a 5xx (issue 8): a lone UTF-16 surrogate in any
 * free-text field, an If-Match beyond 2^53 − 1, a receipt date centuries back.
 */
// First: it extends zod with .openapi(), which schemas need when their modules load.
import '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeBody } from '../support/fixtures';
import { expectErrorShape, idempotencyKey } from './helpers';
import { type InProcessApp, inProcessApp } from './in-process-app';

const LONE = ['\ud800', '\udfff', 'a\ud83d', '\ude00b', '张\udc00三'];

let env: InProcessApp;
let staff: string;
let operator: string;
let complaintId: string;

beforeAll(async () => {
  env = await inProcessApp();
  staff = await env.token(['supervisor', 'admin', 'pii:read']);
  operator = await env.token(['platform-admin'], { tenantId: null });
  const res = await env.call('POST', '/v1/complaints', {
    token: staff,
    body: intakeBody(),
    headers: { 'Idempotency-Key': idempotencyKey() },
  });
  expect(res.status).toBe(201);
  complaintId = res.body.id;
});

/** Sets `value` at a dotted path of a copy of `body`. */
function withValue(body: Record<string, unknown>, path: string, value: unknown) {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return copy;
}

const attachment = { name: 'letter.pdf', contentType: 'application/pdf', sizeBytes: 10, storageRef: 's3://x/y' };
const agent = { name: '李四', relationship: 'agent', phone: '13800000000', authorisationRef: 'AUTH-1' };
const intake = () => intakeBody({ agent, attachments: [attachment] });
const units = {
  units: [{ id: 'head-office', name: { 'zh-CN': '总行', en: 'Head office' } }],
};

/** Every free-text field of every request body, with a body that is valid but for that field. */
const FIELDS: {
  route: string;
  method: string;
  path: () => string;
  body: () => Record<string, unknown>;
  field: string;
  headers?: () => Record<string, string>;
  token?: () => string;
}[] = [
  ...[
    'complainant.name',
    'complainant.address',
    'agent.name',
    'agent.authorisationRef',
    'category',
    'reason',
    'product',
    'description',
    'attachments.0.name',
    'attachments.0.storageRef',
  ].map((field) => ({
    route: 'POST /v1/complaints',
    method: 'POST',
    path: () => '/v1/complaints',
    body: intake,
    field,
    headers: () => ({ 'Idempotency-Key': idempotencyKey() }),
  })),
  ...(
    [
      ['assign', { unitId: 'branch', assignee: 'h-1' }, 'assignee'],
      ['extend', { tier: 'complex', reason: 'r', approvedBy: 'boss' }, 'reason'],
      ['extend', { tier: 'complex', reason: 'r', approvedBy: 'boss' }, 'approvedBy'],
      ['decision', { outcome: 'upheld', summary: 's', remedy: 'refund' }, 'summary'],
      ['decision', { outcome: 'upheld', summary: 's', remedy: 'refund' }, 'remedy'],
      ['feedback', { channel: 'phone', deliveredAt: new Date().toISOString(), summary: 's' }, 'summary'],
      ['review-request', { reason: 'r' }, 'reason'],
      ['review-decision', { outcome: 'upheld', summary: 's' }, 'summary'],
      ['withdraw', { reason: 'r' }, 'reason'],
      ['decline', { reasonCode: 'other', reason: 'r' }, 'reason'],
      ['transfer', { toTenantId: 'bank-z', reason: 'r' }, 'reason'],
    ] as const
  ).map(([action, body, field]) => ({
    route: `POST /v1/complaints/{id}/${action}`,
    method: 'POST',
    path: () => `/v1/complaints/${complaintId}/${action}`,
    body: () => ({ ...body }),
    field,
  })),
  ...(
    [
      ['contacts', { channel: 'phone', summary: 's' }, 'summary'],
      ['notes', { text: 't' }, 'text'],
    ] as const
  ).map(([kind, body, field]) => ({
    route: `POST /v1/complaints/{id}/${kind}`,
    method: 'POST',
    path: () => `/v1/complaints/${complaintId}/${kind}`,
    body: () => ({ ...body }),
    field,
    headers: () => ({ 'Idempotency-Key': idempotencyKey() }),
  })),
  {
    route: 'POST /v1/referrals/{id}/feedback',
    method: 'POST',
    path: () => '/v1/referrals/ref-x/feedback',
    body: () => ({ position: 'agree', summary: 's' }),
    field: 'summary',
  },
  ...['units.0.name.zh-CN', 'units.0.name.en'].map((field) => ({
    route: 'PUT /v1/units',
    method: 'PUT',
    path: () => '/v1/units',
    body: () => structuredClone(units),
    field,
    headers: () => ({ 'If-Match': '1' }),
  })),
  {
    route: 'POST /admin/v1/tenants',
    method: 'POST',
    path: () => '/admin/v1/tenants',
    body: () => ({ id: 'bank-new', name: 'New', kind: 'bank', policy: 'cn-nfra-2020' }),
    field: 'name',
    token: () => operator,
  },
];

describe('a lone UTF-16 surrogate', () => {
  const CASES = FIELDS.flatMap((f) =>
    LONE.map((lone, i) => ({ ...f, lone, variant: i, label: `${f.route} ${f.field}` })),
  );

  it.each(CASES)('in $label (variant $variant) is 400 naming the field', async (c) => {
    const body = withValue(c.body(), c.field, c.lone);
    const res = await env.call(c.method, c.path(), {
      token: c.token?.() ?? staff,
      body: JSON.stringify(body),
      headers: c.headers?.() ?? {},
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expectErrorShape(res.body, 'invalid_request');
    expect(res.body.error.details.map((d: { path: unknown[] }) => d.path.join('.'))).toContain(c.field);
    expect(res.body.error.message).toMatch(/well-formed Unicode/);
  });

  it('a surrogate pair (an emoji) is text and is accepted', async () => {
    const res = await env.call('POST', '/v1/complaints', {
      token: staff,
      body: intakeBody({ description: '年费重复扣收 😀' }),
      headers: { 'Idempotency-Key': idempotencyKey() },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.description).toBe('年费重复扣收 😀');
  });

  // Percent-decoding cannot produce a lone surrogate (ill-formed UTF-8 decodes to U+FFFD), but the
  // answer must still be an ordinary one.
  it('as ill-formed UTF-8 in a query filter or a path id is an ordinary answer, never 5xx', async () => {
    for (const path of [
      `/v1/complaints?unit=${encodeURIComponent('a')}%ED%A0%80`,
      '/v1/complaints/%ED%A0%80',
      '/v1/complaints/%ED%A0%80/events',
    ]) {
      const res = await env.call('GET', path, { token: staff });
      expect(res.status, path).toBeLessThan(500);
      if (res.status >= 400) expectErrorShape(res.body);
    }
  });
});

describe('If-Match', () => {
  it.each(['9007199254740992', '99999999999999999999', '"1000000000000000000000"'])(
    '%s (beyond 2^53 − 1) is 400 on an action and on a versioned document',
    async (version) => {
      const action = await env.call('POST', `/v1/complaints/${complaintId}/assign`, {
        token: staff,
        body: { unitId: 'branch', assignee: 'h-1' },
        headers: { 'If-Match': version },
      });
      expect(action.status, JSON.stringify(action.body)).toBe(400);
      expectErrorShape(action.body, 'invalid_request');
      expect(action.body.error.message).toMatch(/if-match/i);
      const put = await env.call('PUT', '/v1/units', { token: staff, body: units, headers: { 'If-Match': version } });
      expect(put.status, JSON.stringify(put.body)).toBe(400);
      expectErrorShape(put.body, 'invalid_request');
    },
  );

  it('2^53 − 1 itself is a version like any other: a stale one is 409', async () => {
    const res = await env.call('POST', `/v1/complaints/${complaintId}/assign`, {
      token: staff,
      body: { unitId: 'branch', assignee: 'h-1' },
      headers: { 'If-Match': '9007199254740991' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expectErrorShape(res.body);
  });
});

describe('receivedAt', () => {
  const register = (receivedAt: string) =>
    env.call('POST', '/v1/complaints', {
      token: staff,
      body: intakeBody({ channel: 'letter', receivedAt }),
      headers: { 'Idempotency-Key': idempotencyKey() },
    });
  const daysAgo = (d: number) => new Date(env.platform.clock.now().getTime() - d * 86_400_000).toISOString();

  it.each(['1900-01-01T00:00:00+08:00', '0001-01-01T00:00:00Z', '1999-12-31T23:59:59Z'])(
    '%s (an absurd year) is 400',
    async (at) => {
      const res = await register(at);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expectErrorShape(res.body, 'invalid_request');
      expect(res.body.error.message).toMatch(/receivedAt/);
    },
  );

  it('more than 90 days back is 400 with the limit in the message; nothing is registered', async () => {
    const before = (await env.call('GET', '/v1/complaints?limit=100', { token: staff })).body.items.length;
    const res = await register(daysAgo(91));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expectErrorShape(res.body, 'invalid_request');
    expect(res.body.error.message).toMatch(/receivedAt: must be within the last 90 days/);
    expect((await env.call('GET', '/v1/complaints?limit=100', { token: staff })).body.items.length).toBe(before);
  });

  it('89 days back is accepted as the receipt date', async () => {
    const at = daysAgo(89);
    const res = await register(at);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.receivedAt).toBe(at);
  });

  it('the limit is the platform setting (REDRESS_MAX_BACKDATE_DAYS)', async () => {
    const days = env.platform.maxBackdateDays;
    env.platform.maxBackdateDays = 10;
    try {
      const res = await register(daysAgo(11));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/within the last 10 days/);
      expect((await register(daysAgo(9))).status).toBe(201);
    } finally {
      env.platform.maxBackdateDays = days;
    }
  });
});
