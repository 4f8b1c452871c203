/** POST /admin/v1/tenants refuses a zone the preset is not counted in, in the documented error shape. */
import { beforeAll, describe, expect, it } from 'vitest';
import { inProcessApp } from '../support/in-process-app';
import { expectErrorShape } from './helpers';

let app: Awaited<ReturnType<typeof inProcessApp>>;
let operator: string;

beforeAll(async () => {
  app = await inProcessApp();
  operator = await app.issuer.mint({ roles: ['platform-admin'], sub: 'operator-1' });
});

describe('onboarding in a zone the preset is not counted in', () => {
  it('cn-nfra-2020 on UTC is 422 timezone_not_legal, naming the legal zone; nothing is created', async () => {
    const res = await app.call('POST', '/admin/v1/tenants', operator, {
      id: 'utc-bank',
      name: 'UTC Bank',
      kind: 'bank',
      policy: 'cn-nfra-2020',
      timezone: 'UTC',
    });
    expect(res.status).toBe(422);
    expectErrorShape(res.body, 'timezone_not_legal');
    expect(res.body.error.message).toContain('Asia/Shanghai');
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: ['timezone'] })]);
    expect((await app.call('GET', '/admin/v1/tenants', operator)).body.items).toEqual([]);
  });

  it('uk-fca-disp in Europe/London and us-cfpb in America/Chicago are onboarded', async () => {
    for (const [id, policy, timezone] of [
      ['london-bank', 'uk-fca-disp', 'Europe/London'],
      ['chicago-bank', 'us-cfpb', 'America/Chicago'],
    ]) {
      const res = await app.call('POST', '/admin/v1/tenants', operator, {
        id,
        name: id,
        kind: 'bank',
        policy,
        timezone,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.timezone).toBe(timezone);
    }
  });
});
