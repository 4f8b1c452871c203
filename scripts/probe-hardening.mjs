/**
 * Issue 8's findings, probed black-box on a real platform started from a source tree (this one, or
 * an older checkout to see the "before"): an IdP on loopback, then one request per finding.
 *
 *   node scripts/probe-hardening.mjs .            # after
 *   git archive <rev> | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/ && node scripts/probe-hardening.mjs /tmp/before
 *
 * The last two probes share the address: once 60 forged tokens lock it out, the id guesses meet 429 too.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const tree = resolve(process.argv[2] ?? '.');
const jose = await import(createRequire(join(tree, 'package.json')).resolve('jose'));
const { privateKey, publicKey } = await jose.generateKeyPair('ES256');
const jwk = { ...(await jose.exportJWK(publicKey)), kid: 'idp', alg: 'ES256' };
const jwks = createServer((_, res) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
);
await new Promise((r) => jwks.listen(0, '127.0.0.1', r));
const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
  cwd: tree,
  env: {
    ...process.env,
    PORT: '0',
    REDRESS_DATA_DIR: mkdtempSync(join(tmpdir(), 'probe-')),
    REDRESS_DYNAMODB_STORAGE: 'memory',
    REDRESS_IDP_ISSUER: 'https://idp.bank.example/',
    REDRESS_IDP_AUDIENCE: 'redress-api',
    REDRESS_IDP_JWKS_URL: `http://127.0.0.1:${jwks.address().port}/jwks.json`,
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let out = '';
child.stdout.on('data', (d) => (out += d));
const url = await new Promise((r) => {
  const t = setInterval(() => {
    const m = out.match(/"msg":"platform started","url":"([^"]+)"/);
    if (m) {
      clearInterval(t);
      r(m[1]);
    }
  }, 200);
});
const call = async (method, path, { token, body, headers = {} } = {}) => {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
      ...headers,
    },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.status, headers: res.headers, body: await res.text() };
};
const mint = async (req) => JSON.parse((await call('POST', '/_local/tokens', { body: req })).body).token;
const staff = await mint({ tenantId: 'demo-bank', roles: ['intake', 'handler', 'pii:read'] });
const intake = (extra) => ({
  channel: 'phone',
  complainant: { name: '张三', phone: '13812345678' },
  category: 'B-CAT-06',
  reason: 'B-RSN-08',
  description: '信用卡年费重复扣收',
  ...extra,
});
const created = JSON.parse(
  (await call('POST', '/v1/complaints', { token: staff, body: intake(), headers: { 'Idempotency-Key': 'probe-1' } }))
    .body,
);
const idpAdmin = await new jose.SignJWT({ roles: ['platform-admin'] })
  .setProtectedHeader({ alg: 'ES256', kid: 'idp' })
  .setIssuer('https://idp.bank.example/')
  .setAudience('redress-api')
  .setSubject('x')
  .setIssuedAt()
  .setExpirationTime('10m')
  .sign(privateKey);
const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
const results = {
  'tenant IdP token with platform-admin: GET /admin/v1/tenants': (
    await call('GET', '/admin/v1/tenants', { token: idpAdmin })
  ).status,
  'forged cursor on events': (
    await call('GET', `/v1/complaints/${created.id}/events?cursor=${b64({ pk: 'C#x', sk: 'E#1' })}`, { token: staff })
  ).status,
  'forged cursor on complaints list': (
    await call('GET', `/v1/complaints?cursor=${b64({ pk: 'a', sk: 'b', gsi2pk: 'OPEN', gsi2sk: 'z' })}`, {
      token: staff,
    })
  ).status,
  'lone surrogate in description': (
    await call('POST', '/v1/complaints', {
      token: staff,
      body: JSON.stringify(intake({ description: 'a\ud800' })),
      headers: { 'Idempotency-Key': 'probe-2' },
    })
  ).status,
  'If-Match 99999999999999999999 on assign': (
    await call('POST', `/v1/complaints/${created.id}/assign`, {
      token: staff,
      body: { unitId: 'head-office', assignee: 'h' },
      headers: { 'If-Match': '99999999999999999999' },
    })
  ).status,
  'receivedAt 1900-01-01': (
    await call('POST', '/v1/complaints', {
      token: staff,
      body: intake({ channel: 'letter', receivedAt: '1900-01-01T00:00:00+08:00' }),
      headers: { 'Idempotency-Key': 'probe-3' },
    })
  ).status,
};
const h = (await call('GET', `/v1/complaints/${created.id}`, { token: staff })).headers;
results['GET complaint: nosniff / cache-control / x-frame-options'] =
  `${h.get('x-content-type-options')} / ${h.get('cache-control')} / ${h.get('x-frame-options')}`;
const d = (await call('GET', '/docs')).headers;
results['/docs: x-frame-options / CSP'] = `${d.get('x-frame-options')} / ${d.get('content-security-policy')}`;
let statuses = {};
for (let i = 0; i < 100; i++) {
  const s = (await call('GET', '/v1/taxonomy', { token: `bad-${i}` })).status;
  statuses[s] = (statuses[s] ?? 0) + 1;
}
results['100 forged tokens from one address'] = JSON.stringify(statuses);
statuses = {};
for (let i = 0; i < 200; i++) {
  const s = (await call('GET', `/v1/complaints/01JZZZZZZZZZZZZZZZZZZZZ${String(i).padStart(3, '0')}`, { token: staff }))
    .status;
  statuses[s] = (statuses[s] ?? 0) + 1;
}
results['200 unknown ids by one identity'] = JSON.stringify(statuses);
console.log(JSON.stringify(results, null, 2));
child.kill('SIGTERM');
jwks.close();
await new Promise((r) => child.once('exit', r));
