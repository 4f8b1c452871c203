import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { httpWebhookSender } from '../../shared/adapters/node/http-webhook-sender';
import { destinationProblem, isForbiddenAddress } from '../../shared/webhooks/destination';

describe('where a webhook may point in AWS', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
  ])('refuses %s', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111'])('allows the public address %s', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(false);
  });

  it('requires https and a public host at registration in strict mode, and allows anything locally', () => {
    const strict = { strict: true };
    expect(destinationProblem('http://example.com/x', strict)).toMatch(/https/);
    expect(destinationProblem('https://127.0.0.1/x', strict)).toMatch(/private|loopback/);
    expect(destinationProblem('https://[::1]/x', strict)).toMatch(/private|loopback/);
    expect(destinationProblem('https://169.254.169.254/latest/meta-data', strict)).toMatch(/metadata|private/);
    expect(destinationProblem('https://localhost/x', strict)).toMatch(/internal/);
    expect(destinationProblem('https://crm.example.com/hooks', strict)).toBeUndefined();
    expect(destinationProblem('http://127.0.0.1:8080/x', { strict: false })).toBeUndefined();
  });

  it('checks the resolved address at send time: a name that resolves to loopback is refused', async () => {
    let hits = 0;
    const server = createServer((_q, s) => {
      hits++;
      s.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      // `localhost` passes no literal-address check, but resolves to 127.0.0.1 when the socket connects.
      const viaName = await httpWebhookSender.post(`https://localhost:${port}/x`, {}, '{}', {
        strictDestinations: true,
      });
      expect(viaName).toMatchObject({ ok: false, error: expect.stringMatching(/forbidden/) });
      const metadata = await httpWebhookSender.post('https://169.254.169.254/latest', {}, '{}', {
        strictDestinations: true,
      });
      expect(metadata).toMatchObject({ ok: false, error: expect.stringMatching(/forbidden/) });
      const plain = await httpWebhookSender.post(`http://127.0.0.1:${port}/x`, {}, '{}', { strictDestinations: true });
      expect(plain).toMatchObject({ ok: false });
      expect(hits).toBe(0);
      // Locally the same endpoint is reachable: development receivers run on this machine.
      const local = await httpWebhookSender.post(`http://127.0.0.1:${port}/x`, {}, '{}', { strictDestinations: false });
      expect(local).toMatchObject({ ok: true, status: 200, body: 'ok' });
      expect(hits).toBe(1);
    } finally {
      server.close();
    }
  });

  it('reads at most a bounded excerpt of the response body', async () => {
    const server = createServer((_q, s) => s.end('x'.repeat(1_000_000)));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const res = await httpWebhookSender.post(`http://127.0.0.1:${port}/`, {}, '{}', { strictDestinations: false });
      expect(res).toMatchObject({ ok: true, status: 200 });
      expect(res.ok && res.body.length).toBeLessThanOrEqual(2048);
    } finally {
      server.close();
    }
  });
});
