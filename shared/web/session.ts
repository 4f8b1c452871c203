import { hkdfSync, randomBytes } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';
import { type Principal, PrincipalSchema } from '../auth/principal';

/** Which pages a session is for: each has its own cookie, scoped to its own path. */
export const WebAudienceSchema = z.enum(['console', 'portal']);
export type WebAudience = z.infer<typeof WebAudienceSchema>;

export const SessionSchema = z.object({
  principal: PrincipalSchema,
  audience: WebAudienceSchema,
  /** The anti-forgery token every form of this session carries back. */
  csrf: z.string().min(32),
  /** Epoch seconds. */
  expiresAt: z.number().int(),
});
export type Session = z.infer<typeof SessionSchema>;

/** A working day at the desk; a lost laptop's session ends by itself. */
export const SESSION_SECONDS = 8 * 3600;

/**
 * The sessions' encryption key, derived from the platform secret both runtimes already hold (the
 * cursor key): one secret to keep and rotate, and a session key that opens nothing else.
 */
export function sessionKey(platformSecret: Uint8Array): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', platformSecret, new Uint8Array(0), 'redress web session v1', 32));
}

export const newCsrfToken = () => randomBytes(32).toString('base64url');

/** Sessions as an encrypted, authenticated JWE: the cookie is opaque to the browser and unforgeable. */
export class SessionSealer {
  constructor(
    private readonly key: Uint8Array,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async seal(
    principal: Principal,
    audience: WebAudience,
    seconds = SESSION_SECONDS,
  ): Promise<{ value: string; session: Session }> {
    const expiresAt = Math.floor(this.now() / 1000) + seconds;
    const session: Session = { principal, audience, csrf: newCsrfToken(), expiresAt };
    const value = await new EncryptJWT({ s: session })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setAudience(audience)
      .setExpirationTime(expiresAt)
      .encrypt(this.key);
    return { value, session };
  }

  /** The session, or undefined for a missing, forged, expired or other-audience cookie. */
  async open(value: string | undefined, audience: WebAudience): Promise<Session | undefined> {
    if (!value) return undefined;
    try {
      const { payload } = await jwtDecrypt(value, this.key, {
        audience,
        currentDate: new Date(this.now()),
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
      });
      const parsed = SessionSchema.safeParse(payload.s);
      return parsed.success && parsed.data.audience === audience ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Short-lived sealed values of the sign-in flow (OIDC state, PKCE verifier), under the same key. */
  async sealValue(value: unknown, purpose: string, seconds: number): Promise<string> {
    return new EncryptJWT({ v: value })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setAudience(purpose)
      .setExpirationTime(Math.floor(this.now() / 1000) + seconds)
      .encrypt(this.key);
  }

  async openValue(sealed: string | undefined, purpose: string): Promise<unknown> {
    if (!sealed) return undefined;
    try {
      const { payload } = await jwtDecrypt(sealed, this.key, {
        audience: purpose,
        currentDate: new Date(this.now()),
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
      });
      return payload.v;
    } catch {
      return undefined;
    }
  }
}
