import { describe, expect, it } from 'vitest';
import { getComplaint } from '../../shared/application/complaint-queries';
import { registerComplaint } from '../../shared/application/intake';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import { DomainError } from '../../shared/domain/errors';
import { verifyChain } from '../../shared/domain/events/hash-chain';
import { intakeBody, PII, principal } from '../support/fixtures';
import { fixedClock, testPlatform, testTenant } from '../support/test-platform';

const parse = (o: Record<string, unknown> = {}) => IntakeSchema.parse(intakeBody(o));

describe('registering a complaint (DynamoDB Local)', () => {
  it('stores the complaint and its first event, with deadlines from the tenant policy and a readable reference', async () => {
    // Received 2026-09-25 in Shanghai: day 15 is 2026-10-10, a make-up working day, so no roll.
    const clock = fixedClock('2026-09-25T02:00:00Z');
    const p = await testPlatform({ clock });
    const tenant = await testTenant(p);
    const handler = principal(tenant.id, ['handler', 'pii:read']);
    const { complaint, replayed } = await registerComplaint(p, tenant, handler, parse(), 'key-1');

    expect(replayed).toBe(false);
    expect(complaint.reference).toMatch(/^BA-20260925-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(complaint.status).toBe('received');
    expect(complaint.deadlines.decision).toBe('2026-10-10T15:59:59.999Z');
    expect(complaint.unitId).toBe('head-office');
    expect(complaint.complainant).toMatchObject({ name: PII.name, phone: PII.phone, idNumber: PII.idNumber });

    const events = await p.complaints.events(tenant.tableName, complaint.id, 10);
    expect(events.items.map((e) => e.type)).toEqual(['received']);
    expect(await verifyChain(events.items)).toBeNull();
    expect(JSON.stringify(events.items)).not.toContain(PII.name);
  });

  it('stores personal data encrypted: the raw item holds neither the name nor the ID number', async () => {
    const p = await testPlatform();
    const tenant = await testTenant(p);
    const { complaint } = await registerComplaint(p, tenant, principal(tenant.id, ['intake']), parse(), 'key-raw');
    const raw = await p.complaints.get(tenant.tableName, complaint.id);
    const text = JSON.stringify(raw);
    for (const value of Object.values(PII)) expect(text).not.toContain(value);
    expect(raw?.complainantEnc.name).toMatch(/^eyJ[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('masks personal data for callers without pii:read', async () => {
    const p = await testPlatform();
    const tenant = await testTenant(p);
    const { complaint } = await registerComplaint(p, tenant, principal(tenant.id, ['intake']), parse(), 'key-mask');
    expect(complaint.complainantMasked).toBe(true);
    expect(complaint.complainant).toMatchObject({ name: '王**', phone: '139****5678', idNumber: '**************002X' });
    const cleared = await getComplaint(p, tenant, principal(tenant.id, ['handler', 'pii:read']), complaint.id);
    expect(cleared.complainant).toMatchObject({ email: PII.email, address: PII.address });
  });

  it('returns the first complaint for a retried key, and refuses the key with another body', async () => {
    const p = await testPlatform();
    const tenant = await testTenant(p);
    const who = principal(tenant.id, ['intake']);
    const first = await registerComplaint(p, tenant, who, parse(), 'retry-key');
    const again = await registerComplaint(p, tenant, who, parse(), 'retry-key');
    expect(again.replayed).toBe(true);
    expect(again.complaint.id).toBe(first.complaint.id);
    expect(again.complaint.reference).toBe(first.complaint.reference);
    await expect(
      registerComplaint(p, tenant, who, parse({ description: 'another matter' }), 'retry-key'),
    ).rejects.toMatchObject({
      kind: 'rule_violation',
      code: 'idempotency_key_reused',
    });
    const open = await p.complaints.list(tenant.tableName, { limit: 10 });
    expect(open.items).toHaveLength(1);
  });

  it('creates exactly one complaint when the same request arrives eight times at once', async () => {
    const p = await testPlatform();
    const tenant = await testTenant(p);
    const who = principal(tenant.id, ['intake']);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => registerComplaint(p, tenant, who, parse(), 'burst-key')),
    );
    expect(new Set(results.map((r) => r.complaint.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect((await p.complaints.list(tenant.tableName, { limit: 20 })).items).toHaveLength(1);
  });

  it('draws another reference when the first collides', async () => {
    let calls = 0;
    // Two complaints, the second first drawing the same bytes as the first, then different ones.
    const p = await testPlatform({ randomBytes: (n) => new Uint8Array(n).fill(calls++ < 2 ? 7 : 9) });
    const tenant = await testTenant(p);
    const who = principal(tenant.id, ['intake']);
    const a = await registerComplaint(p, tenant, who, parse(), 'ref-a');
    const b = await registerComplaint(p, tenant, who, parse({ description: 'second' }), 'ref-b');
    expect(a.complaint.reference).not.toBe(b.complaint.reference);
    expect(calls).toBe(3);
  });

  it('links a repeat complaint by the same person in the same category inside the window, not outside it', async () => {
    const clock = fixedClock('2026-11-01T01:00:00Z');
    const p = await testPlatform({ clock });
    const tenant = await testTenant(p, { repeatWindowDays: 30 });
    const who = principal(tenant.id, ['intake']);
    const first = await registerComplaint(p, tenant, who, parse(), 'r1');
    clock.set('2026-11-20T01:00:00Z');
    // The same ID number typed with a space and lower-case x still matches (normalised before hashing).
    const repeat = await registerComplaint(
      p,
      tenant,
      who,
      parse({ complainant: { ...PII, idNumber: '110105 19491231002x', phone: '13800000000' } }),
      'r2',
    );
    expect(repeat.complaint.repeatOf).toBe(first.complaint.id);
    const otherCategory = await registerComplaint(p, tenant, who, parse({ category: 'B-CAT-01' }), 'r3');
    expect(otherCategory.complaint.repeatOf).toBeNull();
    clock.set('2027-01-15T01:00:00Z');
    const late = await registerComplaint(p, tenant, who, parse({ category: 'B-CAT-01' }), 'r4');
    expect(late.complaint.repeatOf).toBeNull();
  });

  it('rejects codes of the other institution type, unknown units, unknown partners and future receipt with 400', async () => {
    const clock = fixedClock('2026-11-23T01:00:00Z');
    const p = await testPlatform({ clock });
    const tenant = await testTenant(p);
    const who = principal(tenant.id, ['intake']);
    const attempt = (o: Record<string, unknown>) =>
      registerComplaint(p, tenant, who, parse(o), `bad-${JSON.stringify(o)}`);
    const problem = async (o: Record<string, unknown>) => {
      const e = await attempt(o).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('invalid');
      return (e as DomainError).details as { path: unknown[] }[];
    };
    expect((await problem({ category: 'I-CAT-01' }))[0]?.path).toEqual(['category']);
    expect((await problem({ unitId: 'no-such-unit' }))[0]?.path).toEqual(['unitId']);
    expect((await problem({ partners: ['nobody-here'] }))[0]?.path).toEqual(['partners', 0]);
    expect((await problem({ partners: [tenant.id] }))[0]?.path).toEqual(['partners', 0]);
    expect((await problem({ receivedAt: '2026-11-24T09:00:00+08:00' }))[0]?.path).toEqual(['receivedAt']);
    expect((await p.complaints.list(tenant.tableName, { limit: 10 })).items).toHaveLength(0);
  });

  it('accepts an earlier receipt date for a letter and counts from it', async () => {
    const clock = fixedClock('2026-11-23T01:00:00Z');
    const p = await testPlatform({ clock });
    const tenant = await testTenant(p);
    const { complaint } = await registerComplaint(
      p,
      tenant,
      principal(tenant.id, ['intake']),
      parse({ channel: 'letter', receivedAt: '2026-11-16T10:00:00+08:00' }),
      'letter',
    );
    expect(complaint.receivedAt).toBe('2026-11-16T02:00:00.000Z');
    expect(complaint.deadlines.decision).toBe('2026-12-01T15:59:59.999Z');
  });
});
