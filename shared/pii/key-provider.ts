/**
 * Where a tenant's keys come from: files in the data directory locally, KMS-wrapped data keys in AWS.
 * Two keys with two jobs, so the blind index can never be used to decrypt and vice versa.
 */
export type TenantKeys = {
  /** 32 bytes, A256GCM content key for per-field JWE. */
  dataKey: Uint8Array;
  /** Identifies dataKey in each JWE header, so keys can rotate without rewriting old records. */
  dataKeyId: string;
  /** 32 bytes, HMAC-SHA256 key for blind indexes and request fingerprints. */
  indexKey: Uint8Array;
};

export interface KeyProvider {
  keysFor(tenantId: string): Promise<TenantKeys>;
}
