/**
 * Property-based fuzzing of every route in the OpenAPI document (issue 8): bodies, query strings,
 * path parameters and headers drawn from each operation's own schema, mostly valid and now and then
 * wrong at some node (wrong types, lone surrogates, huge numbers, unknown fields, garbage that is not
 * JSON). Every answer is below 500 and, when an error, in the documented error shape; none hangs;
 * and the platform still serves afterwards.
 */
// First: it extends zod with .openapi(), which schemas need when their modules load.
import '@hono/zod-openapi';
import { fc, it as prop } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { intakeBody } from '../support/fixtures';
import { testTenant } from '../support/test-platform';
import { chaos, fromSchema, headerValue, type JsonSchema, mutated, nastyString } from './fuzz-arbitraries';
import { idempotencyKey } from './helpers';
import { inProcessApp } from './in-process-app';

/** Per operation: about 2,800 requests in all, 30–60 s for the file on two loaded cores. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** An answer slower than this is a hang: in-process calls on DynamoDB Local take milliseconds. */
const HANG_MS = 10_000;

const env = await inProcessApp({ options: { bodyLimitBytes: 64 * 1024 } });
await testTenant(env.platform, { id: 'bank-b', name: 'Bank B' });
const tokens = {
  staff: await env.token(['intake', 'handler', 'supervisor', 'admin', 'pii:read'], { sub: 'fuzz-staff' }),
  intake: await env.token(['intake'], { sub: 'fuzz-intake' }),
  otherTenant: await env.token(['supervisor', 'pii:read'], { tenantId: 'bank-b', sub: 'fuzz-b' }),
  operator: await env.token(['platform-admin'], { tenantId: null }),
  regulator: await env.token(['regulator'], { tenantId: null }),
};
const seeded = await env.call('POST', '/v1/complaints', {
  token: tokens.staff,
  body: intakeBody(),
  headers: { 'Idempotency-Key': idempotencyKey() },
});
const complaintId = seeded.body.id as string;
const doc = (await env.call('GET', '/openapi.json')).body as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
};

/** A valid body for each operation that takes one, for `mutated` to spoil one node of. */
const EXAMPLES: Record<string, unknown> = {
  'POST /v1/complaints': intakeBody({ agent: { name: '李四', relationship: 'agent', phone: '13800000000' } }),
  'POST /v1/complaints/{id}/acknowledge': {},
  'POST /v1/complaints/{id}/assign': { unitId: 'branch', assignee: 'fuzz-staff' },
  'POST /v1/complaints/{id}/extend': { tier: 'complex', reason: 'complex case', approvedBy: 'head' },
  'POST /v1/complaints/{id}/decision': { outcome: 'upheld', summary: 'refund', remedy: 'refund the fee' },
  'POST /v1/complaints/{id}/feedback': { channel: 'phone', deliveredAt: new Date().toISOString(), summary: 'told' },
  'POST /v1/complaints/{id}/review-request': { reason: 'disagree' },
  'POST /v1/complaints/{id}/review-decision': { outcome: 'original_upheld', summary: 'reviewed' },
  'POST /v1/complaints/{id}/withdraw': { reason: 'resolved' },
  'POST /v1/complaints/{id}/decline': { reasonCode: 'duplicate', reason: 'dup' },
  'POST /v1/complaints/{id}/transfer': { toTenantId: 'bank-b', reason: 'belongs there' },
  'POST /v1/complaints/{id}/pause': { reason: 'appraisal', notice: { channel: 'letter' } },
  'POST /v1/complaints/{id}/resume': {},
  'POST /v1/complaints/{id}/referrals/{partnerTenantId}/proceed-without': { reason: 'no answer' },
  'POST /v1/referrals/{id}/feedback': { position: 'agrees', summary: 'agreed' },
  'POST /v1/complaints/{id}/contacts': { channel: 'phone', direction: 'inbound', summary: 'called back' },
  'POST /v1/complaints/{id}/notes': { text: 'internal' },
  'PUT /v1/units': {
    units: [
      { id: 'head-office', name: { 'zh-CN': '总行', en: 'Head office' } },
      { id: 'branch', name: { 'zh-CN': '分行', en: 'Branch' }, parentId: 'head-office' },
    ],
  },
  'PUT /v1/policy': { decision: { amount: 10 }, rollToWorkingDay: false },
  'POST /admin/v1/tenants': { id: 'bank-b', name: 'Bank B again', kind: 'bank', policy: 'cn-nfra-2020' },
  'PUT /admin/v1/tenants/{id}/limits': { requestsPerMinute: 600 },
  'POST /admin/v1/tenants/{id}/lifecycle-repair': { complaintId },
};

type Parameter = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema?: JsonSchema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
};

const resolve = (ref: string) => doc.components.schemas[ref.replace('#/components/schemas/', '')]!;
const OPERATIONS = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, method, path, op })),
);

/** Percent-encoding as a client does it (a lone surrogate becomes U+FFFD on the way). */
const encodePath = (s: string) =>
  [...new TextEncoder().encode(s)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/**
 * A generated value as a query string's value. `String` throws on an object whose `toString` is not a
 * function (a JSON value with a "toString" key, which the generators make now and then).
 */
const queryValue = (v: unknown): string => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));

function requestFor(o: (typeof OPERATIONS)[number]) {
  const params = o.op.parameters ?? [];
  const surface = o.path.startsWith('/admin') ? 'operator' : o.path.startsWith('/regulator') ? 'regulator' : 'staff';
  const ids = o.path.startsWith('/admin')
    ? fc.constantFrom('bank-b', 'bank-z', 'a')
    : fc.constantFrom(complaintId, `ref-${complaintId}`, '01JZZZZZZZZZZZZZZZZZZZZZZZ');
  const id = fc.oneof({ arbitrary: ids, weight: 3 }, { arbitrary: nastyString.filter((s) => s.length > 0), weight: 1 });
  const query = fc.array(
    fc.oneof(
      ...params
        .filter((p) => p.in === 'query')
        .map((p) =>
          fc.tuple(fc.constant(p.name), (p.schema ? fromSchema(p.schema, resolve) : nastyString).map(queryValue)),
        ),
      fc.tuple(fc.constantFrom('cursor', 'limit', 'status', 'x', '__proto__'), nastyString),
    ),
    { maxLength: 4 },
  );
  const declaredHeaders = fc.record(
    Object.fromEntries(
      params.filter((p) => p.in === 'header').map((p) => [p.name, fc.oneof(headerValue, fc.constant(undefined))]),
    ),
  );
  const authorization = fc.oneof(
    { arbitrary: fc.constant(`Bearer ${tokens[surface]}`), weight: 8 },
    { arbitrary: fc.constantFrom(...Object.values(tokens)).map((t) => `Bearer ${t}`), weight: 2 },
    { arbitrary: fc.constantFrom(undefined, 'Bearer', 'Basic YTpi', `Bearer ${tokens.staff}x`), weight: 1 },
    { arbitrary: headerValue.map((v) => `Bearer ${v}`), weight: 1 },
  );
  const contentType = fc.oneof(
    { arbitrary: fc.constant('application/json'), weight: 8 },
    fc.constantFrom(
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=utf-16',
      'multipart/form-data',
    ),
  );
  const schema = o.op.requestBody?.content['application/json'].schema;
  const body =
    o.method === 'get'
      ? fc.constant(undefined)
      : fc.oneof(
          ...(EXAMPLES[o.name] !== undefined
            ? [{ arbitrary: mutated(EXAMPLES[o.name]).map((v) => JSON.stringify(v) ?? 'null'), weight: 8 }]
            : []),
          {
            arbitrary: schema ? fromSchema(schema, resolve).map((v) => JSON.stringify(v)) : fc.constant('{}'),
            weight: 8,
          },
          { arbitrary: chaos.map((v) => JSON.stringify(v) ?? 'null'), weight: 1 },
          {
            arbitrary: fc.oneof(nastyString, fc.constantFrom('{', '{"a":', '[1,', '\u0000', '{"__proto__":{"x":1}}')),
            weight: 1,
          },
        );
  return fc.record({
    id,
    query,
    headers: declaredHeaders,
    authorization,
    contentType,
    body,
    requestId: fc.option(headerValue, { freq: 5 }),
    idempotencyKey: fc.oneof(
      fc.uuid().map((u) => `fuzz-${u}`),
      headerValue,
    ),
  });
}

const seen = new Map<number, number>();

type Req = ReturnType<typeof requestFor> extends fc.Arbitrary<infer T> ? T : never;

async function send(o: (typeof OPERATIONS)[number], r: Req) {
  const path = o.path.replace('{id}', encodePath(r.id));
  const qs = new URLSearchParams(r.query).toString();
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) if (v !== undefined) headers[k] = v;
  if (o.path === '/v1/complaints' && o.method === 'post' && !('idempotency-key' in headers))
    headers['idempotency-key'] = r.idempotencyKey;
  if (r.authorization) headers.authorization = r.authorization;
  if (r.contentType && r.body !== undefined) headers['content-type'] = r.contentType;
  if (r.requestId) headers['x-request-id'] = r.requestId;
  const call = (async () => {
    const res = await env.app.request(`${path}${qs ? `?${qs}` : ''}`, {
      method: o.method.toUpperCase(),
      headers,
      ...(r.body !== undefined && { body: r.body }),
    });
    return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
  })();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    return await Promise.race([call, hang]);
  } finally {
    clearTimeout(timer);
  }
}

describe.each(OPERATIONS)('$name', (o) => {
  prop.prop([requestFor(o)], { numRuns: RUNS, endOnFailure: true })(
    'answers below 500, errors in the error shape, never hangs',
    async (r) => {
      const res = await send(o, r);
      seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
      expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
      if (res.status >= 400) {
        expect(res.type).toMatch(/application\/json/);
        const body = JSON.parse(res.text);
        expect(body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      }
    },
  );
});

describe('after the fuzzing', () => {
  it('reached past validation into the use cases, not only refusals', () => {
    const ok = [...seen].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
    expect(ok).toBeGreaterThan(OPERATIONS.length);
    expect([...seen.keys()].some((s) => s === 400)).toBe(true);
  });

  it('the platform still serves: health, a new complaint, and the seeded one', async () => {
    await env.platform.engine.settle();
    expect((await env.call('GET', '/health')).status).toBe(200);
    const created = await env.call('POST', '/v1/complaints', {
      token: tokens.staff,
      body: intakeBody(),
      headers: { 'Idempotency-Key': idempotencyKey() },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await env.call('GET', `/v1/complaints/${complaintId}`, { token: tokens.staff })).status).toBe(200);
    expect((await env.call('GET', `/v1/complaints/${created.body.id}/events`, { token: tokens.staff })).status).toBe(
      200,
    );
  });
});

afterAll(() => {
  // The spread of answers, for whoever reads the run (not asserted beyond the checks above).
  console.info('fuzz answers by status:', Object.fromEntries([...seen].sort(([a], [b]) => a - b)));
});
