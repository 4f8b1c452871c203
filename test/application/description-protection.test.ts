/**
 * Descriptions at rest and as read back: the stored item holds the description only as ciphertext
 * bound to the tenant and the field, and its redacted copy; pii:read reads it in clear, everyone
 * else the redacted copy; records stored before encryption still read both ways. DynamoDB Local.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { performAction } from '../../shared/application/complaint-actions';
import {
  getComplaint,
  listComplaints,
  regulatorComplaint,
  regulatorComplaints,
} from '../../shared/application/complaint-queries';
import { WITHHELD } from '../../shared/application/complaint-view';
import { registerComplaint } from '../../shared/application/intake';
import { protectStoredDescriptions } from '../../shared/application/protect-descriptions';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import * as t from '../../shared/domain/complaint/transitions';
import type { FieldCipher } from '../../shared/pii/field-cipher';
import { complaintKey } from '../../shared/store/keys';
import { DESCRIPTION, DESCRIPTION_PII, DESCRIPTION_REDACTED, intakeBody, PII, principal } from '../support/fixtures';
import { fixedClock, testPlatform, testTenant } from '../support/test-platform';

const SECRETS = { ...PII, ...DESCRIPTION_PII, description: DESCRIPTION };
const found = (text: string) =>
  Object.entries(SECRETS)
    .filter(([, v]) => text.includes(v))
    .map(([k]) => k);

async function setup() {
  const p = await testPlatform({ clock: fixedClock('2026-11-02T02:00:00Z') });
  const tenant = await testTenant(p);
  const clear = principal(tenant.id, ['handler', 'pii:read']);
  const masked = principal(tenant.id, ['handler']);
  const { complaint } = await registerComplaint(p, tenant, masked, IntakeSchema.parse(intakeBody()), 'k-1');
  const raw = async (id: string) =>
    (await p.db.send(new GetCommand({ TableName: tenant.tableName, Key: complaintKey(id) }))).Item!;
  return { p, tenant, clear, masked, id: complaint.id, first: complaint, raw };
}

describe('a description at rest', () => {
  it('is stored as ciphertext bound to the tenant and field, beside its redacted copy, and nowhere in clear', async () => {
    const { p, tenant, id, raw } = await setup();
    const item = await raw(id);
    expect(item.description).toBeUndefined();
    expect(item.descriptionMasked).toBe(DESCRIPTION_REDACTED);
    expect(item.descriptionEnc).toMatch(/^[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(decodeProtectedHeader(item.descriptionEnc)).toMatchObject({ fld: 'description', tnt: tenant.id });
    expect(found(JSON.stringify(item))).toEqual([]);

    // Nor in its events, or any other item of the tenant's table for it.
    const all = await p.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `C#${id}` },
      }),
    );
    expect(all.Items!.length).toBeGreaterThan(1);
    expect(found(JSON.stringify(all.Items))).toEqual([]);
  });

  it('cannot be decrypted as another field (a ciphertext moved into the name fails)', async () => {
    const { p, tenant, id, raw } = await setup();
    const item = await raw(id);
    await expect(p.cipher.decryptFields(tenant.id, { name: item.descriptionEnc })).rejects.toThrow(/bound elsewhere/);
  });
});

describe('a description as read back', () => {
  it('is clear with pii:read and redacted without, in the complaint, the list and the intake response', async () => {
    const { p, tenant, clear, masked, id, first } = await setup();
    expect(first).toMatchObject({ description: DESCRIPTION_REDACTED, descriptionMasked: true });
    expect(await getComplaint(p, tenant, clear, id)).toMatchObject({
      description: DESCRIPTION,
      descriptionMasked: false,
    });
    const view = await getComplaint(p, tenant, masked, id);
    expect(view).toMatchObject({ description: DESCRIPTION_REDACTED, descriptionMasked: true });
    expect(found(JSON.stringify(view))).toEqual([]);

    const list = await listComplaints(p, tenant, masked, { limit: 10 });
    expect(list.items.map((c) => c.description)).toEqual([DESCRIPTION_REDACTED]);
    expect(found(JSON.stringify(list))).toEqual([]);
    const clearList = await listComplaints(p, tenant, clear, { limit: 10 });
    expect(clearList.items.map((c) => c.description)).toEqual([DESCRIPTION]);
  });

  it('keeps its protection through an action (the record is rewritten whole)', async () => {
    const { p, tenant, clear, masked, id, raw } = await setup();
    const acted = await performAction(p, tenant, masked, id, (r, ctx) => t.acknowledge(r, ctx));
    expect(acted.description).toBe(DESCRIPTION_REDACTED);
    expect(found(JSON.stringify(await raw(id)))).toEqual([]);
    expect((await getComplaint(p, tenant, clear, id)).description).toBe(DESCRIPTION);
  });

  it('reads a record stored before descriptions were encrypted, both ways, with no migration', async () => {
    const { p, tenant, clear, masked, id, raw } = await setup();
    const { descriptionEnc: _enc, descriptionMasked: _masked, ...legacy } = await raw(id);
    await p.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...legacy, description: DESCRIPTION } }));

    expect((await getComplaint(p, tenant, clear, id)).description).toBe(DESCRIPTION);
    const view = await getComplaint(p, tenant, masked, id);
    // Redacted on read, with the complainant's own name and numbers decrypted for it.
    expect(view).toMatchObject({ description: DESCRIPTION_REDACTED, descriptionMasked: true });
    expect(found(JSON.stringify(view))).toEqual([]);
    // And it stays workable.
    const acted = await performAction(p, tenant, masked, id, (r, ctx) => t.acknowledge(r, ctx));
    expect(acted).toMatchObject({ status: 'acknowledged', description: DESCRIPTION_REDACTED });
  });
});

describe('a description as the regulator reads it', () => {
  /** In AWS the regulator's function holds no tenant key: its views must never need one. */
  const noKeys = { decryptFields: () => Promise.reject(new Error('the regulator holds no tenant key')) };

  it('is the redacted copy, decrypting nothing, with no complainant and staff notes withheld', async () => {
    const { p, tenant, masked, id } = await setup();
    await performAction(p, tenant, masked, id, (r, ctx) => t.acknowledge(r, ctx));
    await p.engine.settle();
    await performAction(p, tenant, masked, id, (r, ctx) =>
      t.decide(r, { outcome: 'upheld', summary: `已电话联系${PII.name}（${PII.phone}）`, remedy: '退还年费' }, ctx),
    );
    p.cipher = noKeys as unknown as FieldCipher;
    const view = await regulatorComplaint(p, tenant.id, id);
    expect(view).toMatchObject({ description: DESCRIPTION_REDACTED, descriptionMasked: true, status: 'decided' });
    expect(view.decision).toMatchObject({ outcome: 'upheld', summary: WITHHELD, remedy: WITHHELD });
    expect(Object.keys(view)).not.toContain('complainant');
    expect(found(JSON.stringify(view))).toEqual([]);
    const page = await regulatorComplaints(p, tenant.id, { limit: 10 });
    expect(page.items.map((c) => c.description)).toEqual([DESCRIPTION_REDACTED]);
  });

  it('is withheld for a record stored before descriptions were encrypted', async () => {
    const { p, tenant, id, raw } = await setup();
    const { descriptionEnc: _enc, descriptionMasked: _masked, ...legacy } = await raw(id);
    await p.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...legacy, description: DESCRIPTION } }));
    p.cipher = noKeys as unknown as FieldCipher;
    expect((await regulatorComplaint(p, tenant.id, id)).description).toBe(WITHHELD);
  });
});

describe('the one-off migration of records stored before', () => {
  it('encrypts their descriptions in place, once, leaving the protected ones and the complaint as they were', async () => {
    const { p, tenant, clear, masked, id, raw } = await setup();
    const { complaint: fresh } = await registerComplaint(p, tenant, masked, IntakeSchema.parse(intakeBody()), 'k-2');
    const { descriptionEnc: _enc, descriptionMasked: _masked, ...legacy } = await raw(id);
    await p.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...legacy, description: DESCRIPTION } }));
    const freshBefore = await raw(fresh.id);

    expect(await protectStoredDescriptions(p, tenant)).toBe(1);
    const item = await raw(id);
    expect(item.description).toBeUndefined();
    expect(item.descriptionMasked).toBe(DESCRIPTION_REDACTED);
    expect(found(JSON.stringify(item))).toEqual([]);
    expect(item.version).toBe(legacy.version + 1);
    expect(item.lastSeq).toBe(legacy.lastSeq);
    expect((await getComplaint(p, tenant, clear, id)).description).toBe(DESCRIPTION);
    expect(await raw(fresh.id)).toEqual(freshBefore);

    expect(await protectStoredDescriptions(p, tenant)).toBe(0);
  });
});
