/**
 * PUT/GET /admin/v1/calendars/{calendar}/{year} through the real app (authentication, the role
 * matrix, validation hooks, error shape) on a platform against DynamoDB Local: only the platform
 * operator reaches it, never a tenant's token, and every bad load is a 422 naming each problem.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DevIssuer } from '../../infra/local/http/dev-issuer';
import type { LocalPlatform } from '../../infra/local/platform';
import { statutoryDays } from '../../shared/domain/calendars/calendar';
import { CN_2027 } from '../support/calendar-fixtures';
import { inProcessApp } from '../support/in-process-app';
import { testTenant } from '../support/test-platform';
import { expectErrorShape } from './helpers';

const LOAD_2027 = CN_2027;

let p: LocalPlatform;
let issuer: DevIssuer;
let call: Awaited<ReturnType<typeof inProcessApp>>['call'];
let operator: string;

beforeAll(async () => {
  ({ p, issuer, call } = await inProcessApp());
  await testTenant(p);
  operator = await issuer.mint({ roles: ['platform-admin'], sub: 'operator-1' });
});

describe('who may reach it', () => {
  const OTHERS: { roles: string[]; tenantId?: string }[] = [
    { roles: ['intake'], tenantId: 'bank-a' },
    { roles: ['handler'], tenantId: 'bank-a' },
    { roles: ['supervisor'], tenantId: 'bank-a' },
    { roles: ['admin'], tenantId: 'bank-a' },
    { roles: ['admin', 'supervisor', 'handler', 'intake', 'pii:read'], tenantId: 'bank-a' },
    { roles: ['regulator'] },
    { roles: ['pii:read'], tenantId: 'bank-a' },
  ];

  it.each(OTHERS)('$roles ($tenantId) gets 403 on GET and PUT, and the PUT stores nothing', async (who) => {
    const token = await issuer.mint({ roles: who.roles as never, ...(who.tenantId && { tenantId: who.tenantId }) });
    const get = await call('GET', '/admin/v1/calendars/cn/2027', token);
    expect(get.status).toBe(403);
    expectErrorShape(get.body, 'forbidden');
    const put = await call('PUT', '/admin/v1/calendars/cn/2031', token, LOAD_2027);
    expect(put.status).toBe(403);
    expectErrorShape(put.body, 'forbidden');
    expect(await p.calendarYears.get('cn', 2031)).toBeUndefined();
  });

  it('without a token it is 401', async () => {
    const res = await call('GET', '/admin/v1/calendars/cn/2027');
    expect(res.status).toBe(401);
    expectErrorShape(res.body, 'unauthorized');
  });

  it("a tenant's own routes do not reach it either: the tenant API has no calendar write", async () => {
    const token = await issuer.mint({ roles: ['admin'], tenantId: 'bank-a' });
    const res = await call('PUT', '/v1/calendars/cn/2027', token, LOAD_2027);
    expect(res.status).toBe(404);
  });
});

describe('GET: the effective year', () => {
  it('2026 is the shipped State Council schedule, final', async () => {
    const res = await call('GET', '/admin/v1/calendars/cn/2026', operator);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ calendar: 'cn', year: 2026, origin: 'shipped', final: true, version: 0 });
    expect(res.body.workingDays).toContain('2026-02-14');
  });

  it('2029 for cn is the statutory days alone, provisional', async () => {
    const res = await call('GET', '/admin/v1/calendars/cn/2029', operator);
    expect(res.body).toMatchObject({ origin: 'statutory', final: false, version: 0, workingDays: [] });
    expect(res.body.holidays).toEqual(statutoryDays('cn', 2029));
  });

  it('an unknown calendar or an impossible year is 400', async () => {
    expect((await call('GET', '/admin/v1/calendars/mars/2027', operator)).status).toBe(400);
    expect((await call('GET', '/admin/v1/calendars/none/2027', operator)).status).toBe(400);
    expect((await call('GET', '/admin/v1/calendars/cn/1999', operator)).status).toBe(400);
    expect((await call('GET', '/admin/v1/calendars/cn/20x7', operator)).status).toBe(400);
  });
});

describe('PUT: validation (422 naming every problem)', () => {
  const refused = async (calendar: string, year: number, body: unknown) => {
    const res = await call('PUT', `/admin/v1/calendars/${calendar}/${year}`, operator, body);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expectErrorShape(res.body, 'invalid_calendar_year');
    expect(await p.calendarYears.get(calendar, year)).toBeUndefined();
    return res.body.error as { message: string; details: { path: (string | number)[]; message: string }[] };
  };

  it('a date outside the year', async () => {
    const e = await refused('cn', 2032, { ...LOAD_2027, holidays: [...statutoryDays('cn', 2032), '2031-12-31'] });
    expect(e.message).toContain('2031-12-31 is not in 2032');
  });

  it('a day both a holiday and a working day, and a weekday as a make-up working day', async () => {
    const e = await refused('cn', 2027, { ...LOAD_2027, workingDays: ['2027-02-09', '2027-03-03'] });
    expect(e.details).toEqual(
      expect.arrayContaining([
        { path: ['workingDays', 0], message: '2027-02-09 is both a holiday and a working day' },
        expect.objectContaining({ path: ['workingDays', 1], message: expect.stringContaining('is a weekday') }),
      ]),
    );
  });

  it('a statutory holiday left out (正月初三, 8 Feb 2027)', async () => {
    const e = await refused('cn', 2027, {
      ...LOAD_2027,
      holidays: LOAD_2027.holidays.filter((d) => d !== '2027-02-08'),
    });
    expect(e.message).toContain('2027-02-08 is a statutory holiday');
  });

  it('a date listed twice, and make-up working days on a calendar that has none', async () => {
    const dup = await refused('cn', 2027, { ...LOAD_2027, holidays: [...LOAD_2027.holidays, '2027-01-01'] });
    expect(dup.message).toContain('listed twice');
    const uk = await refused('uk-ew', 2029, {
      holidays: ['2029-01-01'],
      workingDays: ['2029-01-06'],
      source: 'gov.uk',
    });
    expect(uk.message).toContain('uk-ew has no make-up working days');
  });

  it('a body of the wrong shape is 400', async () => {
    const res = await call('PUT', '/admin/v1/calendars/cn/2027', operator, { holidays: ['1 Jan'], source: '' });
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
  });
});

describe('PUT: versioned loads', () => {
  it('each load is a new version; If-Match is optional, and a stale one is 409', async () => {
    const path = '/admin/v1/calendars/cn/2030';
    const body = { holidays: statutoryDays('cn', 2030), workingDays: [], source: '国办发明电〔2029〕1号 (test)' };
    const first = await call('PUT', path, operator, body);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ origin: 'loaded', final: true, version: 1, loadedBy: 'operator-1' });

    const second = await call('PUT', path, operator, { ...body, source: 'corrected notice' });
    expect(second.body.version).toBe(2);
    const stale = await call('PUT', path, operator, body, { 'If-Match': '1' });
    expect(stale.status).toBe(409);
    expectErrorShape(stale.body, 'version_conflict');
    const pinned = await call('PUT', path, operator, body, { 'If-Match': '2' });
    expect(pinned.body.version).toBe(3);

    const read = await call('GET', path, operator);
    expect(read.body).toMatchObject({ origin: 'loaded', version: 3, source: body.source });
    expect((await p.calendarYears.listCurrent()).filter((y) => y.year === 2030)).toHaveLength(1);
  });

  it('a first load pinned with If-Match: 0 while another exists is 409', async () => {
    const path = '/admin/v1/calendars/cn/2033';
    const body = { holidays: statutoryDays('cn', 2033), workingDays: [], source: 'test' };
    expect((await call('PUT', path, operator, body, { 'If-Match': '0' })).body.version).toBe(1);
    expect((await call('PUT', path, operator, body, { 'If-Match': '0' })).status).toBe(409);
  });
});
