import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';

/**
 * An IPv4 address of this machine that is not loopback: what another host would connect to. A
 * machine without one cannot run the exposure checks, and that must fail loudly, never skip.
 */
export function nonLoopbackAddress(): string {
  const found = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal);
  if (!found) throw new Error('this machine has no non-loopback IPv4 address: the exposure checks cannot run');
  return found.address;
}

/** Whether a TCP connection to address:port is accepted. */
export const accepts = (port: number, address = '127.0.0.1') =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, address);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** One HTTP request with full control of the headers (fetch will not send an arbitrary Host). */
export function rawRequest(o: {
  address: string;
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: o.address, port: o.port, method: o.method ?? 'GET', path: o.path, headers: o.headers },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}
