import { resolve } from 'node:path';
import { z } from 'zod';
import { MaxBackdateDaysSchema } from '../../shared/application/platform';
import { externalIssuersFromEnv, IssuerEnvShape } from '../../shared/auth/trusted-issuers';
import { RateLimitsSchema } from '../../shared/http/rate-limits';
import { CursorKeySchema } from '../../shared/store/cursor';
import { OidcEnvShape, oidcSettingsFromEnv } from '../../shared/web/auth/oidc-env';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  REDRESS_DATA_DIR: z.string().default('.data'),
  REDRESS_DYNAMODB_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** `memory` keeps DynamoDB Local in memory (tests); anything else means on disk in the data directory. */
  REDRESS_DYNAMODB_STORAGE: z.enum(['disk', 'memory']).default('disk'),
  /**
   * `quick`: DynamoDB Local's JVM compiles with C1 only (it starts about 0.3 s sooner and is slower
   * under sustained load): for short-lived platforms such as the tests' own.
   */
  REDRESS_DYNAMODB_JIT: z.enum(['full', 'quick']).default('full'),
  REDRESS_SEED: z.enum(['0', '1']).default('1'),
  REDRESS_TABLE_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]*$/)
    .default('redress-'),
  REDRESS_LOG: z.enum(['json', 'silent']).default('json'),
  /** `manual`: time stands still until POST /_local/clock advances it (tests, demos of escalation). */
  REDRESS_CLOCK: z.enum(['real', 'manual']).default('real'),
  /**
   * `0`: no development identities: /_local/tokens is not mounted and only the external IdP
   * (REDRESS_IDP_*) is trusted. Required before HOST may be anything but a loopback address.
   */
  REDRESS_DEV_IDENTITIES: z.enum(['0', '1']).default('1'),
  /** More host names (comma-separated) the `Host` header may carry, e.g. the machine's DNS name. */
  REDRESS_ALLOWED_HOSTS: z.string().default(''),
  ...IssuerEnvShape,
  /** Seals pagination cursors; without it a key is made once in the data directory. */
  REDRESS_CURSOR_KEY: CursorKeySchema.optional(),
  /** How far back a complaint's receipt may be dated; 90 days by default. */
  REDRESS_MAX_BACKDATE_DAYS: MaxBackdateDaysSchema,
  /** `on` (default), `off` (benchmarks, load tests) or changed limits, e.g. `authFailuresPerIp=10`. */
  REDRESS_RATE_LIMITS: RateLimitsSchema,
  /** The pages' OpenID sign-in: REDRESS_PUBLIC_URL and the regulator's IdP for the portal (REDRESS_REGULATOR_OIDC_*). */
  ...OidcEnvShape,
});

export type LocalConfig = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const e = EnvSchema.parse(env);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.REDRESS_DATA_DIR),
    dynamoPort: e.REDRESS_DYNAMODB_PORT,
    dynamoStorage: e.REDRESS_DYNAMODB_STORAGE,
    dynamoJit: e.REDRESS_DYNAMODB_JIT,
    seed: e.REDRESS_SEED === '1',
    tablePrefix: e.REDRESS_TABLE_PREFIX,
    log: e.REDRESS_LOG,
    clock: e.REDRESS_CLOCK,
    devIdentities: e.REDRESS_DEV_IDENTITIES === '1',
    allowedHosts: e.REDRESS_ALLOWED_HOSTS.split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    /** External issuers trusted beside the dev issuer, each with only its own grants. */
    issuers: externalIssuersFromEnv(e),
    cursorKey: e.REDRESS_CURSOR_KEY,
    maxBackdateDays: e.REDRESS_MAX_BACKDATE_DAYS,
    rateLimits: e.REDRESS_RATE_LIMITS,
    oidc: oidcSettingsFromEnv(e),
  };
}
