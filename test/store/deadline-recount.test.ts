import { describe, expect, it } from 'vitest';
import { putCalendarYear } from '../../shared/application/calendar-years';
import { CN_2027 } from '../support/calendar-fixtures';
import { testPlatform } from '../support/test-platform';

describe('recount after a calendar load (DynamoDB Local)', () => {
  it('stores the year even when a tenant cannot be recounted, and names that tenant', async () => {
    const p = await testPlatform();
    const at = new Date().toISOString();
    // A tenant whose table is gone: its recount fails, the others' must not.
    await p.tenants.insert({
      id: 'lost-bank',
      name: 'Lost',
      kind: 'bank',
      policy: 'cn-nfra-2020',
      timezone: 'Asia/Shanghai',
      referencePrefix: 'LB',
      repeatWindowDays: 30,
      status: 'active',
      tableName: `${p.naming.prefix}tenant-lost-bank-missing`,
      createdAt: at,
      updatedAt: at,
    });
    const result = await putCalendarYear(p, 'cn', 2027, CN_2027, 'operator-1', undefined);
    expect(result).toMatchObject({ version: 1, recalculated: 0, failedTenants: ['lost-bank'] });
    expect(await p.calendarYears.get('cn', 2027)).toMatchObject({ version: 1 });
  });
});
