import { describe, expect, it } from 'vitest';
import { onboardTenant } from '../../shared/application/tenants';
import { testPlatform } from '../support/test-platform';

describe('onboarding enforces the preset legal time zone (DynamoDB Local)', () => {
  it('refuses a cn-nfra-2020 tenant on UTC with 422 timezone_not_legal and records nothing', async () => {
    const p = await testPlatform();
    await expect(
      onboardTenant(p, { id: 'utc-bank', name: 'UTC Bank', kind: 'bank', policy: 'cn-nfra-2020', timezone: 'UTC' }),
    ).rejects.toMatchObject({ kind: 'rule_violation', code: 'timezone_not_legal' });
    expect(await p.tenants.get('utc-bank')).toBeUndefined();
  });

  it('accepts the legal zone given explicitly, and defaults to it when absent', async () => {
    const p = await testPlatform();
    const explicit = await onboardTenant(p, {
      id: 'sh-bank',
      name: 'SH',
      kind: 'bank',
      policy: 'cn-nfra-2020',
      timezone: 'Asia/Shanghai',
    });
    expect(explicit).toMatchObject({ status: 'active', timezone: 'Asia/Shanghai' });
    const implicit = await onboardTenant(p, { id: 'us-bank', name: 'US', kind: 'bank', policy: 'us-cfpb' });
    expect(implicit.timezone).toBe('America/New_York');
    const chicago = await onboardTenant(p, {
      id: 'chi-bank',
      name: 'Chicago',
      kind: 'bank',
      policy: 'us-cfpb',
      timezone: 'America/Chicago',
    });
    expect(chicago.timezone).toBe('America/Chicago');
  });
});
