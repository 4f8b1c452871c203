/**
 * Personal data leaves the platform only in clear to callers holding pii:read, masked to everyone
 * else, and never in events, error bodies or logs. The description is personal data too: the
 * fixture's holds the complainant's name, ID and phone number, a card and a landline. Each check searches the whole serialised
 * response for the exact fixture strings, so a leak through any field (not only `complainant`) fails.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESCRIPTION, DESCRIPTION_PII, DESCRIPTION_REDACTED, intakeBody, PII } from '../support/fixtures';
import { type RunningServer, startServer } from '../support/local-server';
import { createComplaint, expectErrorShape, idempotencyKey } from './helpers';

const PII_VALUES = Object.entries({ ...PII, ...DESCRIPTION_PII });

/** Which fixture values occur in a text (raw, and as JSON would escape them). */
function leaks(text: string): string[] {
  return PII_VALUES.filter(([, v]) => text.includes(v) || text.includes(JSON.stringify(v).slice(1, -1))).map(
    ([k]) => k,
  );
}
const expectNoPii = (value: unknown, where: string) =>
  expect(leaks(typeof value === 'string' ? value : JSON.stringify(value)), where).toEqual([]);

let server: RunningServer;
let intake: string;
let handler: string;
let handlerPii: string;
let supervisor: string;
let complaintId: string;

beforeAll(async () => {
  server = await startServer();
  intake = await server.token({ tenantId: 'demo-bank', roles: ['intake'] });
  handler = await server.token({ tenantId: 'demo-bank', roles: ['handler'] });
  handlerPii = await server.token({ tenantId: 'demo-bank', roles: ['handler', 'pii:read'] });
  supervisor = await server.token({ tenantId: 'demo-bank', roles: ['supervisor'] });
});
afterAll(async () => {
  await server?.stop();
});

describe('complaints as read back', () => {
  it('the 201 of an intake clerk without pii:read is masked', async () => {
    const res = await server.call('POST', '/v1/complaints', {
      token: intake,
      body: intakeBody(),
      headers: { 'Idempotency-Key': idempotencyKey() },
    });
    expect(res.status).toBe(201);
    complaintId = res.body.id;
    expect(res.body.complainantMasked).toBe(true);
    expectNoPii(res.body, 'POST response');
  });

  it('GET as handler without pii:read is masked everywhere in the JSON', async () => {
    const res = await server.call('GET', `/v1/complaints/${complaintId}`, { token: handler });
    expect(res.status).toBe(200);
    expect(res.body.complainantMasked).toBe(true);
    // Still useful to confirm identity on the phone, but not the data itself.
    expect(res.body.complainant.name).toMatch(/^王\*+$/);
    expect(res.body.complainant.phone).toMatch(/^139\*+5678$/);
    // The description as redacted at intake: the complaint stays readable, the numbers and name are gone.
    expect(res.body).toMatchObject({ description: DESCRIPTION_REDACTED, descriptionMasked: true });
    expectNoPii(res.body, 'GET masked');
  });

  it('GET as handler with pii:read is clear', async () => {
    const res = await server.call('GET', `/v1/complaints/${complaintId}`, { token: handlerPii });
    expect(res.status).toBe(200);
    expect(res.body.complainantMasked).toBe(false);
    expect(res.body.complainant).toEqual({ ...PII });
    expect(res.body).toMatchObject({ description: DESCRIPTION, descriptionMasked: false });
  });

  it('the list is masked without pii:read and clear with it', async () => {
    const masked = await server.call('GET', '/v1/complaints?status=received', { token: handler });
    expect(masked.status).toBe(200);
    expect(masked.body.items.map((c: { id: string }) => c.id)).toContain(complaintId);
    expectNoPii(masked.body, 'list masked');

    const clear = await server.call('GET', '/v1/complaints?status=received', { token: handlerPii });
    const mine = clear.body.items.find((c: { id: string }) => c.id === complaintId);
    expect(mine.complainant).toEqual({ ...PII });
    expect(mine.description).toBe(DESCRIPTION);
    const redacted = masked.body.items.find((c: { id: string }) => c.id === complaintId);
    expect(redacted.description).toBe(DESCRIPTION_REDACTED);
  });

  it('an English description is redacted with English placeholders, and clear with pii:read', async () => {
    const english =
      'I, Wang Xiaoming, was charged the annual fee twice on card 4111 1111 1111 1111. ' +
      `Call me on +86 139 1234 5678 or write to ${PII.email}; Xiaoming is free after 6pm.`;
    const { id } = await createComplaint(
      server,
      intake,
      intakeBody({ complainant: { ...PII, name: 'Wang Xiaoming' }, description: english }),
    );
    const masked = await server.call('GET', `/v1/complaints/${id}`, { token: handler });
    expect(masked.body.description).toBe(
      'I, [name], was charged the annual fee twice on card [card number]. ' +
        'Call me on [phone] or write to [email]; [name] is free after 6pm.',
    );
    expect(JSON.stringify(masked.body)).not.toMatch(/Wang|Xiaoming|4111/);
    const clear = await server.call('GET', `/v1/complaints/${id}`, { token: handlerPii });
    expect(clear.body.description).toBe(english);
  });

  it('an idempotent replay without pii:read is masked too', async () => {
    const key = idempotencyKey();
    const first = await server.call('POST', '/v1/complaints', {
      token: handlerPii,
      body: intakeBody(),
      headers: { 'Idempotency-Key': key },
    });
    expect(first.status).toBe(201);
    const replay = await server.call('POST', '/v1/complaints', {
      token: intake,
      body: intakeBody(),
      headers: { 'Idempotency-Key': key },
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expectNoPii(replay.body, 'replayed POST');
  });

  it('action responses follow the caller: masked for a supervisor without pii:read', async () => {
    const id = (await createComplaint(server, intake)).id;
    const ack = await server.call('POST', `/v1/complaints/${id}/acknowledge`, { token: supervisor, body: {} });
    expect(ack.status).toBe(200);
    expectNoPii(ack.body, 'acknowledge response');
    const assign = await server.call('POST', `/v1/complaints/${id}/assign`, {
      token: supervisor,
      body: { unitId: 'shanghai-branch', assignee: 'li.lei' },
    });
    expect(assign.status).toBe(200);
    expectNoPii(assign.body, 'assign response');
  });
});

describe('events', () => {
  it('never carry personal data, not even for a pii:read caller, across received, acknowledged and assigned', async () => {
    const id = (await createComplaint(server, intake)).id;
    expect(
      (await server.call('POST', `/v1/complaints/${id}/acknowledge`, { token: handlerPii, body: {} })).status,
    ).toBe(200);
    expect(
      (
        await server.call('POST', `/v1/complaints/${id}/assign`, {
          token: handlerPii,
          body: { unitId: 'pudong-sub-branch', assignee: 'han.meimei' },
        })
      ).status,
    ).toBe(200);
    const res = await server.call('GET', `/v1/complaints/${id}/events`, { token: handlerPii });
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { type: string }) => e.type)).toEqual(['received', 'acknowledged', 'assigned']);
    expectNoPii(res.body, 'events');
  });
});

describe('error bodies do not echo personal data', () => {
  const post = (body: unknown, key = idempotencyKey()) =>
    server.call('POST', '/v1/complaints', { token: intake, body, headers: { 'Idempotency-Key': key } });

  it.each([
    ['an unknown top-level field next to valid PII', { ...intakeBody(), nickname: PII.name }],
    [
      'an unknown complainant field holding PII',
      intakeBody({ complainant: { ...PII, spouse: PII.name, passport: PII.idNumber } }),
    ],
    [
      'an invalid email built from the name',
      intakeBody({ complainant: { ...PII, email: `${PII.name}@@${PII.email}` } }),
    ],
    ['a phone field holding the address', intakeBody({ complainant: { ...PII, phone: PII.address } })],
    ['an id number with an illegal character', intakeBody({ complainant: { ...PII, idNumber: `${PII.idNumber}!` } })],
    ['a name of the wrong type next to clear contacts', intakeBody({ complainant: { ...PII, name: [PII.name] } })],
    [
      'no contact but a clear id number and address',
      intakeBody({ complainant: { name: PII.name, idNumber: PII.idNumber, address: PII.address } }),
    ],
    ['a bad category with valid PII', intakeBody({ category: PII.phone })],
    ['an unknown unit with valid PII', intakeBody({ unitId: 'no-such-unit' })],
    ['a receivedAt in the future with valid PII', intakeBody({ receivedAt: '2999-01-01T00:00:00Z' })],
  ])('400 for %s', async (_label, body) => {
    const res = await post(body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expectErrorShape(res.body);
    expectNoPii(res.body, 'error body');
  });

  it('400 for a body that is not valid JSON but contains PII', async () => {
    const res = await post(`{"complainant": {"name": "${PII.name}", "phone": "${PII.phone}", "email": "${PII.email}"`);
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expectNoPii(res.body, 'error body');
  });

  it('422 for an Idempotency-Key reused with another body', async () => {
    const key = idempotencyKey();
    expect((await post(intakeBody(), key)).status).toBe(201);
    const res = await post(intakeBody({ description: '另一个投诉' }), key);
    expect(res.status).toBe(422);
    expectErrorShape(res.body);
    expectNoPii(res.body, 'error body');
  });

  it('403 for a role that may not create, with PII in the body', async () => {
    const regulator = await server.token({ roles: ['regulator'] });
    const res = await server.call('POST', '/v1/complaints', {
      token: regulator,
      body: intakeBody(),
      headers: { 'Idempotency-Key': idempotencyKey() },
    });
    expect(res.status).toBe(403);
    expectNoPii(res.body, 'error body');
  });
});

describe('after the run', () => {
  it('the captured logs of the whole run contain none of the PII strings', async () => {
    await server.stop();
    const output = server.output();
    // Control: the logs did capture this run's activity, so an empty log cannot pass by accident.
    expect(output).toContain(complaintId);
    expect(leaks(output)).toEqual([]);
    // Nor the description at all, clear or redacted: a fragment both share.
    expect(DESCRIPTION).toContain('年费600元被重复扣收');
    expect(DESCRIPTION_REDACTED).toContain('年费600元被重复扣收');
    expect(output).not.toContain('年费600元被重复扣收');
  });

  it('the data directory holds no PII in clear (encrypted at rest)', () => {
    const hits: string[] = [];
    let sawStoredText = false;
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else {
          const text = readFileSync(path).toString('utf8');
          if (text.includes(DESCRIPTION_REDACTED)) sawStoredText = true;
          const found = leaks(text);
          if (found.length) hits.push(`${path}: ${found.join(',')}`);
        }
      }
    };
    walk(server.dataDir);
    // Control: the scan does read the stored complaints (the redacted description is kept in clear).
    expect(sawStoredText).toBe(true);
    expect(hits).toEqual([]);
  });
});
