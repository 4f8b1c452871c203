import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '../../application/platform';
import { setTenantSignIn, tenantSignIn } from '../../application/tenant-sign-in';
import { SignInConfigInputSchema, SignInConfigViewSchema } from '../../domain/tenant/sign-in-config';
import { TenantIdSchema } from '../../domain/tenant/tenant-schema';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { authorize } from '../middleware/authorize';
import { json, jsonBody } from '../openapi-helpers';

// Rebuilt here rather than `.openapi()` on the domain's: both runtimes' config loads that module
// (the issuer rules) before zod is extended, and zod 4 gives methods to a schema when it is made.
const SignInConfig = z.object(SignInConfigViewSchema.shape).openapi('TenantSignIn');
const SignInConfigInput = z.strictObject(SignInConfigInputSchema.shape).openapi('TenantSignInInput');
const DESCRIPTION =
  "The institution's own OpenID provider for the staff console: the authorization code flow with PKCE against `issuer`, as the application `clientId`. Register `<public URL>/console/sign-in/oidc/callback` as its redirect URI. A session's tenant is always this one, whatever the IdP's tokens say; its roles come from the ID token claim `rolesClaim` (a name or a dotted path), keeping only `allowedGrants` (never more than intake, handler, supervisor, admin and pii:read). The client secret is stored encrypted with the tenant's own key and never answered back (`clientSecretSet`).";

/** The platform operator sets and reads each institution's sign-in; only it can. */
export function tenantSignInRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getTenantSignIn',
      path: '/admin/v1/tenants/{id}/sign-in',
      tags: ['Platform admin'],
      summary: "An institution's identity provider for the console (without its secret)",
      description: DESCRIPTION,
      middleware: [authorize(p.directory, 'tenants:manage')] as const,
      request: { params: z.object({ id: TenantIdSchema }) },
      responses: { 200: json(SignInConfig, 'Its sign-in'), ...errorResponses(404, 409) },
    }),
    async (c) => c.json(await tenantSignIn(p, c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      operationId: 'setTenantSignIn',
      path: '/admin/v1/tenants/{id}/sign-in',
      tags: ['Platform admin'],
      summary: "Set an institution's identity provider for the console",
      description: `${DESCRIPTION} Without \`clientSecret\` the stored one stays (422 \`client_secret_required\` when there is none yet).`,
      middleware: [authorize(p.directory, 'tenants:manage')] as const,
      request: {
        params: z.object({ id: TenantIdSchema }),
        body: jsonBody(SignInConfigInput),
      },
      responses: { 200: json(SignInConfig, 'Set'), ...errorResponses(400, 404, 409, 422) },
    }),
    async (c) => c.json(await setTenantSignIn(p, c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
