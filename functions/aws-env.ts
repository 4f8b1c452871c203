import { z } from 'zod';

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
  REDRESS_IDP_ISSUER: z.string().optional(),
  REDRESS_IDP_AUDIENCE: z.string().optional(),
  REDRESS_IDP_JWKS_URL: z.url().optional(),
  REDRESS_REGULATOR_ISSUER: z.string().optional(),
  REDRESS_REGULATOR_AUDIENCE: z.string().optional(),
  REDRESS_REGULATOR_JWKS_URL: z.url().optional(),
  /** The platform operator's own issuer: the only one that may grant `platform-admin` (admin). */
  REDRESS_OPERATOR_ISSUER: z.string().optional(),
  REDRESS_OPERATOR_AUDIENCE: z.string().optional(),
  REDRESS_OPERATOR_JWKS_URL: z.url().optional(),
  /** Secrets Manager secret holding the pagination-cursor signing key, read once at cold start. */
  REDRESS_CURSOR_KEY_SECRET_ARN: z.string().optional(),
});
export type AwsEnv = z.infer<typeof AwsEnvSchema>;

export const ENV_NAMES = Object.keys(AwsEnvSchema.shape) as (keyof AwsEnv)[];
