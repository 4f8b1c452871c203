/**
 * A claim by its configured name: the name itself first (namespaced claims such as
 * `https://example.com/roles` hold dots), else a dotted path into nested objects (`realm_access.roles`).
 */
export function claimAt(claims: Record<string, unknown>, name: string): unknown {
  if (name in claims) return claims[name];
  let at: unknown = claims;
  for (const part of name.split('.')) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** A roles claim as directories write it: an array of names, or one string of names separated by spaces or commas. */
export function namesIn(value: unknown): string[] {
  const names = Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? value.split(/[\s,]+/)
      : [];
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}

/**
 * The grants a session gets: those of the claim the IdP may give, in the product's order. The rest
 * (the directory's other groups, or a grant the IdP may not give, like `regulator` from an
 * institution) is dropped, and told to the caller so the refusal can be logged.
 */
export function grantsFrom(
  claims: Record<string, unknown>,
  rolesClaim: string,
  allowed: readonly string[],
): { grants: string[]; dropped: string[] } {
  const names = namesIn(claimAt(claims, rolesClaim));
  return { grants: allowed.filter((g) => names.includes(g)), dropped: names.filter((n) => !allowed.includes(n)) };
}
