import { randomBytes } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type ClientConfig } from 'oidc-provider';

export type IdpClient = { clientId: string; clientSecret: string; redirectUri: string };

/**
 * Interceptions of the provider's own answers, to play an IdP that misbehaves or a network that
 * substitutes: the authorization request's parameters as received, the token response as sent.
 */
export type IdpHooks = {
  authorize?: (params: URLSearchParams) => void;
  token?: (body: Record<string, unknown>) => void;
};

export type TestIdp = {
  /** `http://127.0.0.1:<port>`: another site than the app's `localhost` in the browser. */
  issuer: string;
  /** Login name → the claims of that account (roles, tenant_id, …); any other login has only `sub`. */
  accounts: Map<string, Record<string, unknown>>;
  hooks: IdpHooks;
  /** Starts answering as the provider, with these clients: their redirect URIs are known only now. */
  start: (clients: readonly IdpClient[]) => Promise<void>;
  /**
   * The provider's own login and consent pages, driven over HTTP as a browser would drive them,
   * from an authorization URL to the redirect back to the client (returned, not followed).
   */
  signIn: (authorizationUrl: string, login: string) => Promise<URL>;
  close: () => Promise<void>;
};

/**
 * A real OpenID provider (`oidc-provider`) on 127.0.0.1, in-process: code flow, PKCE required, the
 * accounts' claims released with `openid`, in the ID token (as directories are usually set up) or,
 * with `rolesInIdToken: false`, only from userinfo.
 */
export async function startTestIdp(o: { rolesInIdToken?: boolean } = {}): Promise<TestIdp> {
  let handler: RequestListener | undefined;
  const server: Server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, Record<string, unknown>>();
  const hooks: IdpHooks = {};
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test-key' };

  return {
    issuer,
    accounts,
    hooks,
    async start(clients) {
      const provider = new Provider(issuer, {
        clients: clients.map(
          (c): ClientConfig => ({
            client_id: c.clientId,
            client_secret: c.clientSecret,
            redirect_uris: [c.redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_basic',
          }),
        ),
        async findAccount(_ctx, id) {
          const claims = async (use: string) =>
            use === 'id_token' && o.rolesInIdToken === false ? { sub: id } : { sub: id, ...accounts.get(id) };
          return { accountId: id, claims };
        },
        claims: { openid: ['sub', 'roles', 'tenant_id', 'groups', 'realm_access'] },
        conformIdTokenClaims: false,
        pkce: { required: () => true },
        features: { devInteractions: { enabled: true } },
        cookies: { keys: [randomBytes(16).toString('hex')] },
        jwks: { keys: [jwk] },
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
      });
      provider.use(async (ctx, next) => {
        if (ctx.path === '/auth' && ctx.method === 'GET' && hooks.authorize) {
          const params = new URLSearchParams(ctx.querystring);
          hooks.authorize(params);
          ctx.querystring = params.toString();
        }
        await next();
        if (ctx.path === '/token' && hooks.token && ctx.body && typeof ctx.body === 'object')
          hooks.token(ctx.body as Record<string, unknown>);
      });
      handler = provider.callback();
    },
    signIn: (authorizationUrl, login) => driveInteractions(issuer, authorizationUrl, login),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The provider's cookies as a browser keeps them (one host; paths are not needed to tell them apart). */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header = () => [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

async function driveInteractions(issuer: string, authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Jar();
  let url = new URL(authorizationUrl);
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 12; step++) {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(form && { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(form && { body: form.toString() }),
    });
    jar.take(res);
    form = undefined;
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== issuer) return next;
      url = next;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action || !prompt) throw new Error(`the provider answered ${res.status}: ${html}`);
    url = new URL(action.replace(/&amp;/g, '&'), url);
    form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
  }
  throw new Error('the provider never redirected back');
}
