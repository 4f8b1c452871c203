import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type Received = { path: string; headers: IncomingHttpHeaders; body: string; at: number };
type Reply = { status: number; headers?: Record<string, string>; body?: string; hang?: boolean };

/**
 * A real HTTP receiver on loopback, as a tenant's system would run one: it records every request
 * and answers as each path's script says (200 by default).
 */
export async function startReceiver() {
  const received: Received[] = [];
  const scripts = new Map<string, Reply[]>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const reply = scripts.get(path)?.shift() ?? { status: 200 };
      if (reply.hang) return;
      res.writeHead(reply.status, reply.headers).end(reply.body ?? 'ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    /** The next replies on `path`, in order; after them, 200. */
    script: (path: string, replies: Reply[]) => scripts.set(path, [...replies]),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Verifies a delivery with the `standardwebhooks` package (never our own code) and returns its body. */
export function verified(
  secret: string,
  r: Received,
): { id: string; type: string; tenantId: string; data: Record<string, any> } {
  const headers = {
    'webhook-id': String(r.headers['webhook-id']),
    'webhook-timestamp': String(r.headers['webhook-timestamp']),
    'webhook-signature': String(r.headers['webhook-signature']),
  };
  return new Webhook(secret).verify(r.body, headers) as {
    id: string;
    type: string;
    tenantId: string;
    data: Record<string, any>;
  };
}
