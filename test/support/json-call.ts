/** A request with JSON in and out, as the suites make them; the body is parsed when it is JSON. */
export type JsonCall = (
  method: string,
  path: string,
  o?: { token?: string; body?: unknown; headers?: Record<string, string> },
) => Promise<{ status: number; body: any; headers: Headers; text: string }>;

/** `JsonCall` over any fetch-like function: a real server's URL, or a Hono app's `request`. */
export function jsonCall(send: (path: string, init: RequestInit) => Response | Promise<Response>): JsonCall {
  return async (method, path, c = {}) => {
    const res = await send(path, {
      method,
      headers: {
        ...(c.body !== undefined && { 'content-type': 'application/json' }),
        ...(c.token && { authorization: `Bearer ${c.token}` }),
        ...c.headers,
      },
      ...(c.body !== undefined && { body: typeof c.body === 'string' ? c.body : JSON.stringify(c.body) }),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body, headers: res.headers, text };
  };
}
