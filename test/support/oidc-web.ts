import type { TestIdp } from './oidc-idp';

type Send = (path: string, init: RequestInit) => Response | Promise<Response>;

/** The cookies a response sets, by name, with their attributes as written. */
export function setCookies(res: Response): Map<string, { value: string; attributes: string }> {
  const out = new Map<string, { value: string; attributes: string }>();
  for (const line of res.headers.getSetCookie()) {
    const [pair = '', ...rest] = line.split(';');
    const at = pair.indexOf('=');
    out.set(pair.slice(0, at).trim(), { value: pair.slice(at + 1).trim(), attributes: rest.join(';').trim() });
  }
  return out;
}

/** Where a continue page goes next: its meta refresh, which its link repeats. */
export function continueTarget(html: string): string {
  const meta = /<meta http-equiv="refresh" content="0;url=([^"]+)"/.exec(html)?.[1];
  if (!meta) throw new Error(`not a continue page: ${html.slice(0, 300)}`);
  return meta.replace(/&amp;/g, '&');
}

export type Flow = {
  /** The IdP's authorization URL the start page continues to. */
  authorizationUrl: URL;
  /** The sealed flow cookie, as a `Cookie` header. */
  flowCookie: string;
};

/**
 * The app's side of a page sign-in, as a browser without script goes through it: start it, and
 * answer the IdP's redirect back. In-process by default; `origin` for a running server.
 */
export function oidcPages(send: Send, origin?: string) {
  const get = (path: string, cookie?: string) =>
    send(`${origin ?? 'http://localhost'}${path}`, {
      redirect: 'manual',
      headers: { ...(!origin && { Host: 'localhost' }), ...(cookie && { Cookie: cookie }) },
    });
  return {
    get,
    async start(path: string): Promise<Flow> {
      const res = await get(path);
      if (res.status !== 200) throw new Error(`start answered ${res.status}: ${await res.text()}`);
      const [name, cookie] = [...setCookies(res)].find(([n]) => n.endsWith('_oidc')) ?? [];
      if (!name || !cookie) throw new Error('start set no flow cookie');
      return { authorizationUrl: new URL(continueTarget(await res.text())), flowCookie: `${name}=${cookie.value}` };
    },
    /** The IdP's redirect back, as the browser follows it, with the flow cookie. */
    callback: (back: URL, flowCookie: string) => get(`${back.pathname}${back.search}`, flowCookie),
    /** Start, sign in at the IdP's own pages as `login`, come back: the callback's answer. */
    async signIn(idp: TestIdp, startPath: string, login: string): Promise<Response> {
      const flow = await this.start(startPath);
      return this.callback(await idp.signIn(flow.authorizationUrl.href, login), flow.flowCookie);
    },
  };
}
