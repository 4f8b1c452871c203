import { z } from 'zod';

export const RoleSchema = z.enum(['intake', 'handler', 'supervisor', 'admin', 'regulator', 'platform-admin']);
export type Role = z.infer<typeof RoleSchema>;

/** Reading personal data in clear is a grant of its own, given on top of a role. */
export const PII_READ = 'pii:read';
export const GrantSchema = z.union([RoleSchema, z.literal(PII_READ)]);

export const TENANT_ROLES: readonly Role[] = ['intake', 'handler', 'supervisor', 'admin'];

/**
 * What each kind of external issuer may grant. An institutions' IdP is run by the institution, so it
 * can make nobody the regulator nor the platform's operator; those come only from their own issuers.
 */
export const ISSUER_GRANTS = {
  idp: [...TENANT_ROLES, PII_READ],
  regulator: ['regulator'],
  operator: ['platform-admin'],
} as const satisfies Record<string, readonly string[]>;
export type IssuerKind = keyof typeof ISSUER_GRANTS;

/**
 * Who may do what. One table, read by the HTTP layer before any handler runs, so a route cannot
 * forget its check; the e2e suite asserts it route by route from its own expectations.
 */
export const PERMISSIONS = {
  'complaint:create': ['intake', 'handler', 'supervisor', 'admin'],
  'complaint:read': ['intake', 'handler', 'supervisor', 'admin'],
  'complaint:acknowledge': ['handler', 'supervisor'],
  'complaint:assign': ['handler', 'supervisor', 'admin'],
  'complaint:extend': ['supervisor'],
  'complaint:decide': ['handler', 'supervisor'],
  'complaint:feedback': ['handler', 'supervisor'],
  'complaint:review-request': ['intake', 'handler', 'supervisor'],
  'complaint:review': ['supervisor'],
  'complaint:withdraw': ['intake', 'handler', 'supervisor'],
  'complaint:decline': ['supervisor'],
  'complaint:transfer': ['supervisor'],
  'complaint:pause': ['handler', 'supervisor'],
  'complaint:proceed-without-partner': ['supervisor'],
  /** Recording a call or letter: whoever took it, the front desk included. */
  'complaint:contact': ['intake', 'handler', 'supervisor'],
  /** Internal notes are case work. */
  'complaint:note': ['handler', 'supervisor'],
  'referral:read': ['intake', 'handler', 'supervisor', 'admin'],
  'referral:answer': ['handler', 'supervisor'],
  'taxonomy:read': ['intake', 'handler', 'supervisor', 'admin'],
  'units:read': ['intake', 'handler', 'supervisor', 'admin'],
  'units:write': ['admin'],
  'policy:read': ['handler', 'supervisor', 'admin'],
  'policy:write': ['admin'],
  'webhooks:manage': ['admin'],
  'customer-base:read': ['supervisor', 'admin'],
  'customer-base:write': ['admin'],
  'webhooks:catalogue': ['intake', 'handler', 'supervisor', 'admin'],
  /** Who revealed which complaint's personal data: the institution's administrator audits it. */
  'access-log:read': ['admin'],
  'tenants:manage': ['platform-admin'],
  'calendars:manage': ['platform-admin'],
  /** Re-entering broken lifecycles at their recorded step: it stops and starts executions. */
  'lifecycles:repair': ['platform-admin'],
  'regulator:read': ['regulator'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(roles: readonly string[], action: Action): boolean {
  const allowed: readonly string[] = PERMISSIONS[action];
  return roles.some((r) => allowed.includes(r));
}

export const isTenantAction = (action: Action) => PERMISSIONS[action].some((r) => TENANT_ROLES.includes(r));
