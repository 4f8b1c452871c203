import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDevIssuer } from '../../infra/local/http/dev-issuer';
import { type RunningServer, startServer } from '../support/local-server';
import { expectErrorShape } from './helpers';
import { accepts, nonLoopbackAddress, rawRequest } from './network';

const portOf = (s: RunningServer) => Number(new URL(s.url).port);
const dynamoPortOf = (s: RunningServer) =>
  Number(s.output().match(/DynamoDB Local at http:\/\/127\.0\.0\.1:(\d+)/)?.[1]);

describe('the local runtime as started by default (HOST=127.0.0.1)', () => {
  let server: RunningServer;
  let port: number;
  beforeAll(async () => {
    server = await startServer({ env: { REDRESS_CLOCK: 'manual' } });
    port = portOf(server);
  });
  afterAll(() => server?.stop());
  const local = (o: { method?: string; path: string; headers?: Record<string, string>; body?: string }) =>
    rawRequest({ address: '127.0.0.1', port, ...o });

  it('keeps DynamoDB Local off the network: its port refuses a connection through another address', async () => {
    const dynamo = dynamoPortOf(server);
    expect(await accepts(dynamo, '127.0.0.1')).toBe(true);
    expect(await accepts(dynamo, nonLoopbackAddress())).toBe(false);
    expect(server.output()).not.toContain('WARNING');
  });

  it('answers only the names this machine is known by (DNS rebinding): any other Host gets 421 on every route', async () => {
    for (const path of ['/health', '/health/ready', '/docs', '/openapi.json', '/v1/complaints', '/_local/clock']) {
      const res = await local({ path, headers: { host: 'attacker.example' } });
      expect(res.status, path).toBe(421);
      expectErrorShape(res.body, 'misdirected_request');
    }
    const mint = await local({
      method: 'POST',
      path: '/_local/tokens',
      headers: { host: `attacker.example:${port}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['platform-admin'] }),
    });
    expect(mint.status).toBe(421);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST'])
      expect((await local({ path: '/health', headers: { host } })).status, host).toBe(200);
  });

  it('takes /_local writes as JSON only: a text/plain post (a CSRF without preflight) gets 415', async () => {
    for (const path of ['/_local/clock', '/_local/tokens']) {
      const res = await local({
        method: 'POST',
        path,
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(path === '/_local/clock' ? { advance: 'P1D' } : { roles: ['platform-admin'] }),
      });
      expect(res.status, path).toBe(415);
      expectErrorShape(res.body, 'unsupported_media_type');
    }
    expect((await server.call('GET', '/_local/clock')).body.now).toBe(
      (await server.call('GET', '/_local/clock')).body.now,
    );
  });

  it('refuses /_local writes from another site, by Origin or by Sec-Fetch-Site, and takes same-origin ones', async () => {
    const before = (await server.call('GET', '/_local/clock')).body.now;
    const post = (headers: Record<string, string>) =>
      local({
        method: 'POST',
        path: '/_local/clock',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ advance: 'P1D' }),
      });
    for (const headers of <Record<string, string>[]>[
      { origin: 'http://attacker.example' },
      { origin: 'null' },
      { origin: `http://127.0.0.1:${port + 1}` },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ]) {
      const res = await post(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expectErrorShape(res.body, 'forbidden');
    }
    expect((await server.call('GET', '/_local/clock')).body.now).toBe(before);
    const same = await post({ origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' });
    expect(same.status).toBe(200);
    expect(Date.parse(same.body.now) - Date.parse(before)).toBe(86_400_000);
  });
});

describe('a non-loopback HOST', () => {
  it('is refused at start with a clear message while development identities are on', async () => {
    await expect(startServer({ env: { HOST: '0.0.0.0' } })).rejects.toThrow(
      /HOST=0\.0\.0\.0 would let anyone who can reach this machine mint tokens[\s\S]*REDRESS_DEV_IDENTITIES=0/,
    );
  });

  describe('with REDRESS_DEV_IDENTITIES=0', () => {
    let server: RunningServer;
    let port: number;
    const address = nonLoopbackAddress();
    beforeAll(async () => {
      server = await startServer({
        env: { HOST: '0.0.0.0', REDRESS_DEV_IDENTITIES: '0', REDRESS_CLOCK: 'manual', REDRESS_ALLOWED_HOSTS: address },
      });
      port = portOf(server);
    });
    afterAll(() => server?.stop());

    it('serves the API through the network address, but /_local only to a peer on this machine', async () => {
      expect((await rawRequest({ address, port, path: '/health' })).status).toBe(200);
      for (const [method, path] of [
        ['GET', '/_local/clock'],
        ['POST', '/_local/clock'],
        ['POST', '/_local/tokens'],
      ] as const) {
        // A forwarded-for header is the client's own claim: only the socket's peer address counts.
        const res = await rawRequest({
          address,
          port,
          method,
          path,
          headers: {
            'x-forwarded-for': '127.0.0.1',
            forwarded: 'for=127.0.0.1',
            ...(method === 'POST' && { 'content-type': 'application/json' }),
          },
          ...(method === 'POST' && { body: JSON.stringify({ advance: 'P1D' }) }),
        });
        expect(res.status, `${method} ${path} ${JSON.stringify(res.body)}`).toBe(403);
        expectErrorShape(res.body, 'forbidden');
      }
      expect((await rawRequest({ address: '127.0.0.1', port, path: '/_local/clock' })).status).toBe(200);
    });

    it('mints no tokens and trusts none of the development issuer', async () => {
      const mint = await server.call('POST', '/_local/tokens', { body: { roles: ['platform-admin'] } });
      expect(mint.status).toBe(404);
      const issuer = await loadDevIssuer(server.dataDir);
      const forged = await issuer.mint({ roles: ['platform-admin'] });
      const res = await server.call('GET', '/admin/v1/tenants', { token: forged });
      expect(res.status).toBe(401);
      expectErrorShape(res.body);
      expect(server.output()).toContain('from the external IdP only');
      const cli = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'infra/local/cli.ts', 'token', '--roles', 'handler'],
        {
          cwd: resolve(import.meta.dirname, '../..'),
          env: { ...process.env, REDRESS_DATA_DIR: server.dataDir, REDRESS_DEV_IDENTITIES: '0' },
          encoding: 'utf8',
        },
      );
      expect(cli.status).toBe(2);
      expect(cli.stdout).toBe('');
      expect(cli.stderr).toContain('REDRESS_DEV_IDENTITIES=0');
    });

    it('still keeps DynamoDB Local to this machine', async () => {
      expect(await accepts(dynamoPortOf(server), address)).toBe(false);
    });
  });
});
