import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Platform } from '../application/platform';
import type { Principal } from '../auth/principal';
import type { Session, SessionSealer, WebAudience } from './session';
import type { CookiePolicy } from './session-cookie';
import type { WebAssets } from './web-assets';
import type { NavItem, PageFrame, WebEnv } from './web-env';

/** One audience's pages under one prefix: the console for institutions' staff, the portal for the regulator. */
export type WebSurface = {
  audience: WebAudience;
  prefix: '/console' | '/portal';
  /** Whether a verified identity may hold a session here at all; pages check their own permission too. */
  admits: (p: Principal) => boolean;
  nav: (frame: PageFrame, session: Session | undefined) => NavItem[];
  /** The grants the development sign-in offers on this surface. */
  devGrants: readonly string[];
  register: (app: Hono<WebEnv>, p: Platform, web: WebOptions) => void;
  /** Notes each session started (who, with which roles); a failure to note it does not stop the sign-in. */
  recordSignIn?: (p: Platform, principal: Principal) => Promise<void>;
};

export type SignInContext = {
  surface: WebSurface;
  platform: Platform;
  cookies: CookiePolicy;
  sessions: SessionSealer;
  /**
   * Starts the session of a verified identity and answers with the page to go to. `crossSite`: the
   * request arrived by another site's redirect (an IdP's callback), so the answer is a same-site
   * page that continues, not a redirect the new SameSite=Strict cookie would not accompany.
   */
  startSession: (
    c: Context<WebEnv>,
    principal: Principal,
    returnTo?: string,
    o?: { crossSite?: boolean },
  ) => Promise<Response>;
};

/** A way to sign in (the local development identities, an OpenID provider), offered on the sign-in page. */
export type SignInMethod = {
  /** Its block of the sign-in page; undefined hides it for this request (the dev form off loopback). */
  render: (c: Context<WebEnv>, ctx: SignInContext, formToken: string) => Child | Promise<Child> | undefined;
  register: (app: Hono<WebEnv>, ctx: SignInContext) => void;
};

export type WebOptions = {
  sessions: SessionSealer;
  assets: WebAssets;
  /** HTTPS only (AWS): `Secure` cookies with the `__Secure-` prefix. */
  secureCookies: boolean;
  signIn: readonly SignInMethod[];
};
