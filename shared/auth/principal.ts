import { z } from 'zod';
import { TextSchema } from '../domain/text';
import { GrantSchema, PII_READ } from './roles';

/** Who is calling, as the verified token says: the only source of a tenant user's tenant. */
export const PrincipalSchema = z.object({
  sub: z.string().min(1),
  tenantId: z.string().optional(),
  roles: z.array(z.string()),
  issuer: z.string(),
});
export type Principal = z.infer<typeof PrincipalSchema>;

export const canReadPii = (p: Principal) => p.roles.includes(PII_READ);

/** Claims our own issuer writes and an external IdP is configured to send. */
export const TokenClaimsSchema = z.object({
  sub: TextSchema.min(1).max(1024),
  tenant_id: z.string().optional(),
  roles: z.array(GrantSchema).min(1),
});
