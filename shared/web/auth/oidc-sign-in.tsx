import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { tenantOidcClient } from '../../application/tenant-sign-in';
import type { Principal } from '../../auth/principal';
import { GrantSchema, ISSUER_GRANTS, type IssuerKind } from '../../auth/roles';
import type { OidcClientSettings } from '../../domain/tenant/sign-in-config';
import { TenantIdSchema } from '../../domain/tenant/tenant-schema';
import { errorPage } from '../error-page';
import { clearFlowCookie, readFlowCookie, writeFlowCookie } from '../session-cookie';
import type { WebEnv } from '../web-env';
import type { SignInContext, SignInMethod } from '../web-surface';
import { continuePage } from './continue-page';
import { grantsFrom } from './oidc-claims';
import { authorizationRequest, FlowSchema, OidcFailure, OidcProviders, verifiedIdentity } from './oidc-client';
import { oidcMessages } from './oidc-messages';

/** Long enough to type a password and answer a second factor, short enough that a stale tab fails. */
const FLOW_SECONDS = 600;
const FLOW_COOKIE = 'oidc';

type Provider = { settings: OidcClientSettings; tenantId?: string };

/** One audience's identity providers: how a request picks its IdP, and what that kind of IdP may grant. */
type OidcSpec = {
  audience: 'console' | 'portal';
  kind: IssuerKind;
  /** The IdP of a sign-in's start: from the request (an institution code) or fixed; a page when there is none. */
  pick: (c: Context<WebEnv>, ctx: SignInContext) => Promise<Provider | Response>;
  /** The IdP of its callback: the one that started the flow, never one the answer names. */
  again: (ctx: SignInContext, tenantId: string | undefined) => Promise<OidcClientSettings | undefined>;
  block: (c: Context<WebEnv>, ctx: SignInContext) => Child;
};

export type OidcOptions = {
  /** The origin people reach the pages at (REDRESS_PUBLIC_URL); else the request's own. */
  publicUrl?: string | undefined;
  providers?: OidcProviders;
};

/**
 * The OpenID Connect authorization code flow with PKCE as a sign-in method of one audience: a start
 * route that seals the flow's checks in a short-lived cookie and sends the browser to the IdP, and a
 * callback that verifies the answer against the configuration that started it and starts a session.
 */
function oidcSignIn(spec: OidcSpec, o: OidcOptions): SignInMethod {
  const providers = o.providers ?? new OidcProviders();
  const purpose = `oidc-flow:${spec.audience}`;
  const mine = (ctx: SignInContext) => ctx.surface.audience === spec.audience;

  return {
    render: (c, ctx) => (mine(ctx) ? spec.block(c, ctx) : undefined),
    register(app, ctx) {
      if (!mine(ctx)) return;
      const prefix = ctx.surface.prefix;

      app.get('/sign-in/oidc/start', async (c) => {
        const t = oidcMessages(c.var.frame.locale);
        const picked = await spec.pick(c, ctx);
        if (picked instanceof Response) return picked;
        const config = await providers.configuration(picked.settings).catch((e) => failure(c, e));
        if (config instanceof Response) return config;
        const base = new URL(o.publicUrl ?? c.req.url).origin;
        const { url, checks } = await authorizationRequest(config, `${base}${prefix}/sign-in/oidc/callback`);
        const returnTo = c.req.query('return');
        const flow = {
          ...checks,
          ...(picked.tenantId && { tenantId: picked.tenantId }),
          ...(returnTo && { returnTo: returnTo.slice(0, 2000) }),
        };
        writeFlowCookie(
          c,
          ctx.cookies,
          FLOW_COOKIE,
          await ctx.sessions.sealValue(flow, purpose, FLOW_SECONDS),
          FLOW_SECONDS,
        );
        return continuePage(c, url.href, t('goingToIdp'));
      });

      app.get('/sign-in/oidc/callback', async (c) => {
        const t = oidcMessages(c.var.frame.locale);
        // One use: whatever happens next, this flow's checks are spent.
        const sealed = readFlowCookie(c, ctx.cookies, FLOW_COOKIE);
        clearFlowCookie(c, ctx.cookies, FLOW_COOKIE);
        const flow = FlowSchema.safeParse(await ctx.sessions.openValue(sealed, purpose));
        const settings = flow.success ? await spec.again(ctx, flow.data.tenantId) : undefined;
        if (!flow.success || !settings) return refusal(c, 400, t('flowExpired'));
        const config = await providers.configuration(settings).catch((e) => failure(c, e));
        if (config instanceof Response) return config;
        const callbackUrl = new URL(flow.data.redirectUri);
        callbackUrl.search = new URL(c.req.url).search;
        const identity = await verifiedIdentity(config, callbackUrl, flow.data, settings.rolesClaim).catch((e) =>
          failure(c, e, flow.data.tenantId),
        );
        if (identity instanceof Response) return identity;

        const allowed = settings.allowedGrants.filter((g) =>
          (ISSUER_GRANTS[spec.kind] as readonly string[]).includes(g),
        );
        const { grants, dropped } = grantsFrom(identity.claims, settings.rolesClaim, allowed);
        const log = {
          audience: spec.audience,
          tenantId: flow.data.tenantId ?? null,
          issuer: identity.issuer,
          grants: grants.join(' '),
          // Only the product's own grant names: a directory's other group names are its business.
          droppedGrants: dropped.filter((d) => GrantSchema.safeParse(d).success).join(' '),
        };
        if (identity.sub.length > 1024) return refusal(c, 401, t('unverified'), 'sub_too_long');
        if (grants.length === 0) {
          c.var.logger.warn('oidc sign-in without a grant', log);
          return refusal(c, 403, t('noRole'));
        }
        if (log.droppedGrants) c.var.logger.warn('oidc grants dropped', log);
        const principal: Principal = {
          sub: identity.sub,
          issuer: identity.issuer,
          roles: grants,
          ...(flow.data.tenantId && { tenantId: flow.data.tenantId }),
        };
        return ctx.startSession(c, principal, flow.data.returnTo, { crossSite: true });
      });
    },
  };
}

/**
 * A refused sign-in as the error page (its link leads back to the sign-in page), with the reference an
 * administrator asks for when their IdP is set up wrong: the library's code, never a token or claim.
 */
async function refusal(
  c: Context<WebEnv>,
  status: 400 | 401 | 403 | 404 | 503,
  message: string,
  code?: string,
): Promise<Response> {
  return errorPage(c, status, code ? `${message} ${oidcMessages(c.var.frame.locale)('reference', { code })}` : message);
}

async function failure(c: Context<WebEnv>, e: unknown, tenantId?: string): Promise<Response> {
  if (!(e instanceof OidcFailure)) throw e;
  const { kind, code } = e.refusal;
  c.var.logger.warn('oidc sign-in refused', { kind, code, tenantId: tenantId ?? null });
  return refusal(c, kind === 'unreachable' ? 503 : 401, oidcMessages(c.var.frame.locale)(kind), code);
}

/** The console's: each institution's own IdP, picked by the institution code typed on the sign-in page. */
export function institutionSignIn(o: OidcOptions = {}): SignInMethod {
  return oidcSignIn(
    {
      audience: 'console',
      kind: 'idp',
      async pick(c, ctx) {
        const t = oidcMessages(c.var.frame.locale);
        const code = (c.req.query('tenant') ?? '').trim().toLowerCase().slice(0, 64);
        if (!code) return refusal(c, 400, t('missingInstitution'));
        const id = TenantIdSchema.safeParse(code);
        const settings = id.success ? await tenantOidcClient(ctx.platform, id.data) : undefined;
        if (!id.success || !settings) return refusal(c, 404, t('unknownInstitution', { code }));
        // A suspended institution's staff are told so here, not after a trip to their IdP.
        await ctx.platform.directory.active(id.data);
        return { settings, tenantId: id.data };
      },
      again: async (ctx, tenantId) => (tenantId ? tenantOidcClient(ctx.platform, tenantId) : undefined),
      block(c, ctx) {
        const t = oidcMessages(c.var.frame.locale);
        return (
          <section class="card" aria-labelledby="oidc-title">
            <h2 id="oidc-title">{t('institutionTitle')}</h2>
            <p class="hint" id="oidc-hint">
              {t('institutionHint')}
            </p>
            {/* GET: it changes nothing here, and needs no token; the flow's own checks start at the IdP. */}
            <form method="get" action={`${ctx.surface.prefix}/sign-in/oidc/start`}>
              <input type="hidden" name="return" value={c.req.query('return') ?? ''} />
              <div class="field">
                <label for="oidc-tenant">{t('institutionCode')}</label>
                <input
                  id="oidc-tenant"
                  name="tenant"
                  required
                  maxlength={64}
                  autocomplete="organization"
                  aria-describedby="oidc-hint"
                  value={c.req.query('institution') ?? ''}
                />
              </div>
              <button type="submit">{t('continue')}</button>
            </form>
          </section>
        );
      },
    },
    o,
  );
}

/** The portal's: the regulator's IdP from the runtime's configuration, which may grant `regulator` only. */
export function regulatorSignIn(settings: OidcClientSettings, o: OidcOptions = {}): SignInMethod {
  return oidcSignIn(
    {
      audience: 'portal',
      kind: 'regulator',
      pick: async () => ({ settings }),
      again: async (_ctx, tenantId) => (tenantId === undefined ? settings : undefined),
      block(c, ctx) {
        const t = oidcMessages(c.var.frame.locale);
        const back = c.req.query('return');
        const href = `${ctx.surface.prefix}/sign-in/oidc/start${back ? `?return=${encodeURIComponent(back)}` : ''}`;
        return (
          <section class="card" aria-labelledby="oidc-title">
            <h2 id="oidc-title">{t('regulatorTitle')}</h2>
            <p class="hint">{t('regulatorHint')}</p>
            <p>
              <a class="button" href={href}>
                {t('continue')}
              </a>
            </p>
          </section>
        );
      },
    },
    o,
  );
}
