/**
 * Security headers on every response (issue 8): nosniff everywhere; no-store on anything that can
 * carry personal data; framing refused; a CSP, strict where HTML is served (Swagger UI at /docs,
 * whose script is a file of our own origin, never inline).
 */
// First: it extends zod with .openapi(), which schemas need when their modules load.
import '@hono/zod-openapi';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeBody } from '../support/fixtures';
import { idempotencyKey } from './helpers';
import { type InProcessApp, inProcessApp } from './in-process-app';

const SWAGGER = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

let env: InProcessApp;
let staff: string;
let operator: string;
let regulator: string;
let complaintId: string;

beforeAll(async () => {
  env = await inProcessApp({
    options: { docsAssets: (name) => readFile(join(SWAGGER, name), 'utf8'), bodyLimitBytes: 4096 },
  });
  staff = await env.token(['intake', 'pii:read']);
  operator = await env.token(['platform-admin'], { tenantId: null });
  regulator = await env.token(['regulator'], { tenantId: null });
  const res = await env.call('POST', '/v1/complaints', {
    token: staff,
    body: intakeBody(),
    headers: { 'Idempotency-Key': idempotencyKey() },
  });
  complaintId = res.body.id;
});

type Probe = { name: string; method?: string; path: string; token?: () => string; body?: string; status: number };

/** API answers of every kind: success with personal data, each error status, and the unauthenticated. */
const API: Probe[] = [
  { name: 'a complaint with personal data', path: '/v1/complaints/{id}', token: () => staff, status: 200 },
  { name: 'a list', path: '/v1/complaints', token: () => staff, status: 200 },
  { name: 'events', path: '/v1/complaints/{id}/events', token: () => staff, status: 200 },
  { name: 'the operator list', path: '/admin/v1/tenants', token: () => operator, status: 200 },
  { name: 'the regulator list', path: '/regulator/v1/institutions', token: () => regulator, status: 200 },
  { name: 'no token', path: '/v1/complaints', status: 401 },
  { name: 'the wrong role', path: '/admin/v1/tenants', token: () => staff, status: 403 },
  { name: 'an unknown id', path: '/v1/complaints/01JZZZZZZZZZZZZZZZZZZZZZZZ', token: () => staff, status: 404 },
  { name: 'an unknown route', path: '/nowhere', status: 404 },
  {
    name: 'a bad body',
    method: 'POST',
    path: '/v1/complaints/{id}/withdraw',
    token: () => staff,
    body: '{not json',
    status: 400,
  },
  {
    name: 'a body too large',
    method: 'POST',
    path: '/v1/complaints/{id}/withdraw',
    token: () => staff,
    body: JSON.stringify({ reason: 'x'.repeat(8000) }),
    status: 413,
  },
  { name: 'the health check', path: '/health', status: 200 },
  { name: 'the OpenAPI document', path: '/openapi.json', status: 200 },
];

async function probe(p: Probe) {
  const res = await env.app.request(p.path.replace('{id}', complaintId), {
    method: p.method ?? 'GET',
    headers: {
      ...(p.token && { authorization: `Bearer ${p.token()}` }),
      ...(p.body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(p.body !== undefined && { body: p.body }),
  });
  expect(res.status, p.name).toBe(p.status);
  return res.headers;
}

describe('API responses', () => {
  it.each(API)('$name ($status): nosniff, no-store, no framing, a CSP that allows nothing', async (p) => {
    const h = await probe(p);
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('cache-control')).toBe('no-store');
    expect(h.get('x-frame-options')).toBe('DENY');
    const csp = h.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('Swagger UI at /docs', () => {
  it('the page: no framing, a strict CSP (scripts from this origin only), no inline script, no-store', async () => {
    const res = await env.app.request('/docs');
    expect(res.status).toBe(200);
    const h = res.headers;
    expect(h.get('content-type')).toMatch(/text\/html/);
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('x-frame-options')).toBe('DENY');
    expect(h.get('cache-control')).toBe('no-store');
    const csp = Object.fromEntries(
      (h.get('content-security-policy') ?? '').split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    // Every script the page loads comes from a src on this origin, so the CSP lets Swagger UI run.
    const html = await res.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, inline] of scripts) {
      expect(inline!.trim()).toBe('');
      expect(attrs).toMatch(/src="\/docs\/[^"]+"/);
    }
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) {
      expect(ref.startsWith('/')).toBe(true);
      const asset = await env.app.request(ref);
      expect(asset.status, ref).toBe(200);
      expect(asset.headers.get('x-content-type-options'), ref).toBe('nosniff');
    }
    // The spec the page loads is on the same origin (connect-src 'self').
    const init = await (await env.app.request('/docs/swagger-init.js')).text();
    expect(init).toContain("url: '/openapi.json'");
  });

  it('static assets may be cached, and are served with their own type', async () => {
    for (const [path, type] of [
      ['/docs/swagger-ui-bundle.js', 'text/javascript'],
      ['/docs/swagger-ui.css', 'text/css'],
      ['/docs/swagger-init.js', 'text/javascript'],
    ] as const) {
      const res = await env.app.request(path);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});
