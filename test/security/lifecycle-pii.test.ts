/**
 * Personal data through a whole lifecycle on the manual clock: partner referral, decision, feedback,
 * review request, then weeks of escalations. Events, the partner's referral view and the server's
 * logs must never carry the complainant's data, even where staff typed it into free text, and an
 * escalation names who must act by unit and level, never by person. The description (the
 * fixture's holds the complainant's name, ID and phone, a card and a landline) is one of those.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESCRIPTION, DESCRIPTION_REDACTED, intakeBody, PII } from '../support/fixtures';
import { type InProcessRuntime, startInProcess } from '../support/in-process-runtime';
import { act, allEvents, allItems, createComplaint, keysOf, leaks, serverNow, waitForStep } from './helpers';

const expectNoPii = (value: unknown, where: string) =>
  expect(leaks(typeof value === 'string' ? value : JSON.stringify(value)), where).toEqual([]);

/** Staff who write the complainant's name and number into free text, as people on the phone do. */
const NOTE = `已电话联系${PII.name}（${PII.phone}）`;

let server: InProcessRuntime;
let intake: string;
let handlerPii: string;
let insurerHandler: string;
const STAFF_SUBS = ['pii-intake', 'pii-handler', 'pii-insurer'];
const ASSIGNEES = { full: 'li.lei', stalled: 'han.meimei', ignored: 'zhang.wei' } as const;
const UNITS = { full: 'shanghai-branch', stalled: 'pudong-sub-branch', ignored: 'haidian-sub-branch' } as const;

/**
 * full: every step up to the review, partner answered. stalled: acknowledged, the partner never
 * answers and no decision is made. ignored: never even acknowledged.
 */
const ids = {} as Record<'full' | 'stalled' | 'ignored', string>;
let parentOf: Map<string, string | null>;
let clockBefore: string;
let clockAfter: string;

beforeAll(async () => {
  server = await startInProcess({ env: { REDRESS_CLOCK: 'manual' } });
  intake = await server.token({ tenantId: 'demo-bank', roles: ['intake'], sub: 'pii-intake' });
  handlerPii = await server.token({ tenantId: 'demo-bank', roles: ['handler', 'pii:read'], sub: 'pii-handler' });
  insurerHandler = await server.token({ tenantId: 'demo-insurer', roles: ['handler', 'pii:read'], sub: 'pii-insurer' });

  const units = await server.call('GET', '/v1/units', { token: intake });
  parentOf = new Map(
    (units.body.units as { id: string; parentId?: string | null }[]).map((u) => [u.id, u.parentId ?? null]),
  );

  ids.full = (await createComplaint(server, intake, intakeBody({ partners: ['demo-insurer'] }))).id;
  ids.stalled = (await createComplaint(server, intake, intakeBody({ partners: ['demo-insurer'] }))).id;
  ids.ignored = (await createComplaint(server, intake)).id;
  for (const k of ['full', 'stalled', 'ignored'] as const)
    await act(server, handlerPii, ids[k], 'assign', { unitId: UNITS[k], assignee: ASSIGNEES[k] });

  // stalled: acknowledged, then left waiting for the partner and the decision.
  await act(server, handlerPii, ids.stalled, 'acknowledge');
  await waitForStep(server, handlerPii, ids.stalled, 'referrals');

  // full: acknowledge → partner answers → decision → feedback → review request.
  await act(server, handlerPii, ids.full, 'acknowledge');
  await waitForStep(server, handlerPii, ids.full, 'referrals');
  const answer = await server.call('POST', `/v1/referrals/ref-${ids.full}/feedback`, {
    token: insurerHandler,
    body: { position: 'partially_agrees', summary: 'policy terms apply' },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  await waitForStep(server, handlerPii, ids.full, 'decision');
  await act(server, handlerPii, ids.full, 'decision', { outcome: 'partially_upheld', summary: NOTE, remedy: NOTE });
  await waitForStep(server, handlerPii, ids.full, 'feedback');
  await act(server, handlerPii, ids.full, 'feedback', {
    channel: 'phone',
    deliveredAt: await serverNow(server),
    summary: NOTE,
  });
  await waitForStep(server, handlerPii, ids.full, 'review_window');
  await act(server, intake, ids.full, 'review-request', { reason: NOTE });
  await waitForStep(server, handlerPii, ids.full, 'review_decision');

  // Weeks pass: every checkpoint of every deadline falls due, then the daily overdue reminders.
  clockBefore = await serverNow(server);
  const moved = await server.call('POST', '/_local/clock', { body: { advance: 'P20D' } });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  clockAfter = moved.body.now;
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

type Event = Awaited<ReturnType<typeof allEvents>>[number];
const escalations = async (id: string) =>
  (await allEvents(server, handlerPii, id)).filter((e) => e.type === 'escalated');

describe('the manual clock moved and escalations fired', () => {
  it('the clock is 20 days on', () => {
    expect(Date.parse(clockAfter) - Date.parse(clockBefore)).toBe(20 * 86_400_000);
  });

  it('each complaint escalated at the steps it was left at', async () => {
    const steps = async (id: string) => new Set((await escalations(id)).map((e) => e.data.step));
    expect([...(await steps(ids.full))]).toEqual(['review_decision']);
    expect(await steps(ids.stalled)).toEqual(new Set(['referrals', 'referral']));
    expect(await steps(ids.ignored)).toEqual(new Set(['acknowledgement']));
  });
});

describe('events', () => {
  it.each(['full', 'stalled', 'ignored'] as const)(
    'of the %s complaint carry no personal data, not even free text staff typed it into',
    async (k) => {
      const events = await allEvents(server, handlerPii, ids[k]);
      expect(events.length).toBeGreaterThan(3);
      expectNoPii(events, `events of ${k}`);
    },
  );

  it('control: the free text with personal data is on the complaint itself (so the check above is not vacuous)', async () => {
    const res = await server.call('GET', `/v1/complaints/${ids.full}`, { token: handlerPii });
    expect(res.body.decision.summary).toBe(NOTE);
    expect(res.body.reviewRequest.reason).toBe(NOTE);
  });

  const ESCALATION_KEYS = ['step', 'deadline', 'level', 'unitId', 'kind', 'checkpointAt', 'dueAt', 'partnerTenantId'];
  /** The unit a level escalates to: the complaint's unit at level 1, then up the hierarchy, head office at the top. */
  const unitAt = (unitId: string, level: number) => {
    const chain: string[] = [];
    for (let u: string | null | undefined = unitId; u; u = parentOf.get(u)) chain.push(u);
    return chain[Math.min(level, chain.length) - 1];
  };

  it.each(['full', 'stalled', 'ignored'] as const)(
    'escalations of the %s complaint name units and levels only',
    async (k) => {
      const events = await escalations(ids[k]);
      expect(events.length).toBeGreaterThan(0);
      for (const e of events as Event[]) {
        const where = `${k} #${e.seq} ${JSON.stringify(e.data)}`;
        expect(
          Object.keys(e.data).filter((key) => !ESCALATION_KEYS.includes(key)),
          where,
        ).toEqual([]);
        expect(Number.isInteger(e.data.level) && (e.data.level as number) >= 1, where).toBe(true);
        if (e.data.step === 'referral') {
          // The partner's own hierarchy is the partner's business: the bank's record names the institution.
          expect(e.data.partnerTenantId, where).toBe('demo-insurer');
        } else {
          expect(e.data.unitId, where).toBe(unitAt(UNITS[k], e.data.level as number));
        }
        // Never a person: not the assignee, not the staff who acted.
        const values = JSON.stringify(Object.values(e.data));
        for (const person of [...Object.values(ASSIGNEES), ...STAFF_SUBS]) expect(values, where).not.toContain(person);
        expect(e.actor, where).toEqual({ kind: 'system', id: 'workflow' });
      }
    },
  );
});

describe('the description after the whole lifecycle', () => {
  it.each(['full', 'stalled', 'ignored'] as const)(
    'of the %s complaint is still redacted without pii:read, clear with it, and redacted to the regulator',
    async (k) => {
      const masked = await server.call('GET', `/v1/complaints/${ids[k]}`, { token: intake });
      expect(masked.body).toMatchObject({ description: DESCRIPTION_REDACTED, descriptionMasked: true });
      const clear = await server.call('GET', `/v1/complaints/${ids[k]}`, { token: handlerPii });
      expect(clear.body.description).toBe(DESCRIPTION);
      const regulator = await server.call('GET', `/regulator/v1/institutions/demo-bank/complaints/${ids[k]}`, {
        token: await server.token({ roles: ['regulator'] }),
      });
      expect(regulator.status).toBe(200);
      expect(regulator.body.description).toBe(DESCRIPTION_REDACTED);
      expectNoPii(regulator.body, `regulator view of ${k}`);
    },
  );

  it("is not in the partner's referral", async () => {
    const items = await allItems(server, insurerHandler, '/v1/referrals?status=answered');
    expect(items.length).toBeGreaterThan(0);
    const text = JSON.stringify(items);
    expect(text).not.toContain(DESCRIPTION_REDACTED);
    expect([...keysOf(items)]).not.toContain('description');
  });
});

describe("the partner's referral views", () => {
  it.each([['open'], ['answered'], ['cancelled']])('status=%s: no personal data, no engine token', async (status) => {
    const items = await allItems(server, insurerHandler, `/v1/referrals?status=${status}`);
    expectNoPii(items, `referrals ${status}`);
    expect([...keysOf(items)]).not.toContain('token');
    expect([...keysOf(items)]).not.toContain('firedUntil');
  });

  it('control: both referrals are there, the stalled one escalated, the answered one with its answer', async () => {
    const open = await allItems(server, insurerHandler, '/v1/referrals?status=open');
    expect(open.find((r) => r.id === `ref-${ids.stalled}`)).toMatchObject({
      status: 'open',
      escalationLevel: expect.any(Number),
    });
    expect((open.find((r) => r.id === `ref-${ids.stalled}`)!.escalationLevel as number) > 0).toBe(true);
    const answered = await allItems(server, insurerHandler, '/v1/referrals?status=answered');
    expect(answered.find((r) => r.id === `ref-${ids.full}`)).toMatchObject({
      status: 'answered',
      answer: { position: 'partially_agrees' },
    });
  });
});

describe('the captured server logs', () => {
  let lines: Record<string, unknown>[];

  it('contain none of the personal data of the whole run', async () => {
    await server.stop();
    const output = server.output();
    // Control: this run's activity was logged, escalations included.
    for (const id of Object.values(ids)) expect(output).toContain(id);
    expect(output).toContain('"msg":"escalation"');
    expect(leaks(output)).toEqual([]);
    lines = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  });

  it('escalation lines name units and levels, never a person', () => {
    const esc = lines.filter((l) => l.msg === 'escalation');
    expect(esc.length).toBeGreaterThan(10);
    for (const l of esc) {
      const text = JSON.stringify(l);
      for (const person of [...Object.values(ASSIGNEES), ...STAFF_SUBS]) expect(text).not.toContain(person);
      expect(
        l.unitId === null ||
          parentOf.has(l.unitId as string) ||
          ['head-office', 'guangdong-branch', 'shenzhen-sub-branch'].includes(l.unitId as string),
        text,
      ).toBe(true);
    }
  });

  it('every line keeps its log level (a field of the message must not overwrite it)', () => {
    // An escalation notice has a `level` of its own (1–3); spread into the log line it replaced the
    // line's severity, so "level":3 lines escape level-based filtering and alerting.
    const bad = lines
      .filter((l) => !['info', 'warn', 'error'].includes(l.level as string))
      .map((l) => JSON.stringify(l));
    expect(bad.slice(0, 3), `${bad.length} lines without a log level`).toEqual([]);
  });
});
