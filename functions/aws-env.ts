import { z } from 'zod';
import { MaxBackdateDaysSchema } from '../shared/application/platform';
import { IssuerEnvShape } from '../shared/auth/trusted-issuers';
import { RateLimitsSchema } from '../shared/http/rate-limits';
import { CursorKeySchema } from '../shared/store/cursor';
import { OidcEnvShape } from '../shared/web/auth/oidc-env';

/** What every function reads from its environment; the CDK stack sets exactly these. */
export const AwsEnvSchema = z.object({
  AWS_REGION: z.string().min(1),
  REDRESS_TABLE_PREFIX: z.string().regex(/^[a-z0-9-]*$/),
  /** Assumed with a `tenant` session tag for every tenant-table call (api, workflow). */
  REDRESS_TENANT_ROLE_ARN: z.string().optional(),
  REDRESS_STATE_MACHINE_ARN: z.string().optional(),
  REDRESS_PROVISIONER_FUNCTION: z.string().optional(),
  REDRESS_EVENT_BUS: z.string().optional(),
  /** The webhook sender's SQS queue (api, workflow, dispatcher and sender functions). */
  REDRESS_WEBHOOK_QUEUE_URL: z.string().optional(),
  /** The provisioner connects each new tenant table's stream to this function. */
  REDRESS_WEBHOOK_DISPATCHER_FUNCTION: z.string().optional(),
  /** The institutions', the regulator's and the operator's issuers (REDRESS_IDP_*, _REGULATOR_*, _OPERATOR_*). */
  ...IssuerEnvShape,
  /** Seals pagination cursors (api, admin, regulator); the same secret on every instance. */
  REDRESS_CURSOR_KEY: CursorKeySchema.optional(),
  /** How far back a complaint's receipt may be dated (api). */
  REDRESS_MAX_BACKDATE_DAYS: MaxBackdateDaysSchema,
  /** `on` by default; `off` or e.g. `tenantRequestsPerMinute=6000` (api: only the per-tenant budget applies). */
  REDRESS_RATE_LIMITS: RateLimitsSchema,
  /** The pages' OpenID sign-in (api, regulator): REDRESS_PUBLIC_URL and the regulator's IdP for the portal. */
  ...OidcEnvShape,
  /** Where browsers open the pages, `https://host` (api, regulator): in AWS never plain http. */
  REDRESS_PUBLIC_URL: z.url({ protocol: /^https$/ }).optional(),
});
export type AwsEnv = z.infer<typeof AwsEnvSchema>;

export const ENV_NAMES = Object.keys(AwsEnvSchema.shape) as (keyof AwsEnv)[];
