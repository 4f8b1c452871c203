import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../shared/http/env';
import { describeIssues } from '../../shared/http/error-handling';
import { errorBody } from '../../shared/http/error-body';
import { TokenRequestSchema, type DevIssuer } from './dev-issuer';

/** Routes that exist only in the local runtime: the dev issuer's JWKS and its token endpoint. */
export function localRoutes(issuer: DevIssuer) {
  return (app: OpenAPIHono<AppEnv>) => {
    app.get('/.well-known/jwks.json', (c) => c.json(issuer.jwks));
    app.post('/_local/tokens', async (c) => {
      const body: unknown = await c.req.json().catch(() => undefined);
      const parsed = TokenRequestSchema.safeParse(body);
      if (!parsed.success) {
        const { message, details } = describeIssues(parsed.error);
        return c.json(errorBody('invalid_request', message, details), 400);
      }
      return c.json({ token: await issuer.mint(parsed.data), tokenType: 'Bearer', expiresIn: parsed.data.ttl ?? 3600 });
    });
  };
}
