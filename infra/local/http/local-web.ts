import { devSignIn } from '../../../shared/web/auth/dev-sign-in';
import { consoleSurface } from '../../../shared/web/console/console-surface';
import { portalSurface } from '../../../shared/web/portal/portal-surface';
import { SessionSealer, sessionKey } from '../../../shared/web/session';
import type { SignInMethod, WebOptions, WebSurface } from '../../../shared/web/web-surface';
import { buildWebAssets } from '../../web-assets/build-web-assets';
import { isLoopbackPeer } from './local-guards';

/**
 * The console and the portal as the local runtime serves them: plain-HTTP cookies on loopback, the
 * development sign-in (this machine only) when development identities are on, and any OpenID
 * providers configured.
 */
export async function localWeb(o: {
  cursorKey: Uint8Array;
  devIssuer: string | undefined;
  signIn?: readonly SignInMethod[];
}): Promise<{ options: WebOptions; surfaces: WebSurface[] }> {
  const dev = o.devIssuer === undefined ? [] : [devSignIn({ issuer: o.devIssuer, allowed: isLoopbackPeer })];
  return {
    options: {
      sessions: new SessionSealer(sessionKey(o.cursorKey)),
      assets: await buildWebAssets(),
      secureCookies: false,
      signIn: [...dev, ...(o.signIn ?? [])],
    },
    surfaces: [consoleSurface, portalSurface],
  };
}
