/**
 * Loading a calendar year moves the deadlines of open complaints that were provisional over it,
 * records each change, and re-arms the waiting step, so escalation fires at the new times (real
 * ASL on the local engine, manual clock, DynamoDB Local).
 */
import { describe, expect, it } from 'vitest';
import { putCalendarYear } from '../../shared/application/calendar-years';
import * as t from '../../shared/domain/complaint/transitions';
import { verifyChain } from '../../shared/domain/events/hash-chain';
import { lifecycleDefinition } from '../../shared/workflow/definition';
import { CN_2027 } from '../support/calendar-fixtures';
import { scene } from '../support/scene';

const endOfDayCn = (date: string) => new Date(Date.parse(`${date}T23:59:59.999+08:00`)).toISOString();
const within = (at: string, from: string, ms = 2000) =>
  Date.parse(at) >= Date.parse(from) && Date.parse(at) < Date.parse(from) + ms;
const past = (iso: string, ms = 1000) => new Date(Date.parse(iso) + ms).toISOString();

describe('a newly loaded 2027 schedule (cn-nfra-2020)', () => {
  it('moves a provisional decision deadline later, records it, and escalates at the new deadline, not the old', async () => {
    // Mon 25 Jan 2027, 10:00 Shanghai. 15 days → Tue 9 Feb: a working day while only the statutory
    // days (5–8 Feb) are known; the loaded schedule keeps 9–11 Feb off too, so it rolls to Fri 12 Feb.
    const s = await scene('2027-01-25T02:00:00.000Z');
    const id = await s.intake();
    const OLD = endOfDayCn('2027-02-09');
    const NEW = endOfDayCn('2027-02-12');
    expect(await s.record(id)).toMatchObject({
      deadlines: { decision: OLD },
      deadlinesProvisional: true,
      provisionalDeadlines: { acknowledgement: true, decision: true },
    });
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    await s.act(id, async (r, i) => t.assign(r, i, await s.p.units.get(s.tenant.tableName)), {
      unitId: 'sub-branch',
      assignee: 'handler-1',
    });
    expect(await s.step(id)).toBe('decision');

    const loaded = await putCalendarYear(s.p, 'cn', 2027, CN_2027, 'operator-1', undefined);
    await s.settle();
    expect(loaded).toMatchObject({ version: 1, recalculated: 1, failedTenants: [] });

    const record = await s.record(id);
    expect(record).toMatchObject({
      deadlines: { decision: NEW },
      deadlinesProvisional: false,
      provisionalDeadlines: { acknowledgement: false, decision: false },
    });
    const recalculated = (await s.events(id)).filter((e) => e.type === 'deadlines_recalculated');
    expect(recalculated).toHaveLength(1);
    expect(recalculated[0]!.actor).toEqual({ kind: 'system', id: 'calendar' });
    expect(recalculated[0]!.data).toMatchObject({
      calendar: 'cn',
      year: 2027,
      calendarVersion: 1,
      previous: { decision: OLD },
      deadlines: { decision: NEW },
      provisional: false,
    });
    expect(await verifyChain(await s.events(id))).toBeNull();
    expect(await s.step(id)).toBe('decision');

    // Past the old deadline: nothing is due yet, and nobody is told the complaint is overdue.
    await s.advance(past(OLD, 3_600_000));
    const early = await s.escalations(id);
    expect(early.filter((e) => e.kind !== 'checkpoint')).toEqual([]);
    expect((await s.record(id)).overdue).toBe(false);

    await s.advance(past(NEW, 3_600_000));
    const due = (await s.escalations(id)).filter((e) => e.kind === 'deadline');
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ deadline: 'decision', dueAt: NEW, checkpointAt: NEW });
    expect(within(due[0]!.at, NEW)).toBe(true);
    expect((await s.record(id)).overdue).toBe(true);
    expect(await s.execution(id)).toBe('RUNNING');
  });

  it('wakes the acknowledgement step when a make-up Saturday brings its deadline forward', async () => {
    // Fri 19 Feb 2027, 10:00 Shanghai: one working day → Mon 22 Feb, until Sat 20 Feb is loaded as a
    // make-up working day. The step sleeps until the old window's 50 % (Sat 20 Feb ~21:00Z), later
    // than the new deadline: only a re-armed timer fires at the new one.
    const s = await scene('2027-02-19T02:00:00.000Z');
    const id = await s.intake();
    expect((await s.record(id)).deadlines.acknowledgement).toBe(endOfDayCn('2027-02-22'));
    expect(await s.step(id)).toBe('acknowledgement');

    await putCalendarYear(s.p, 'cn', 2027, CN_2027, 'operator-1', undefined);
    await s.settle();
    const NEW = endOfDayCn('2027-02-20');
    expect((await s.record(id)).deadlines.acknowledgement).toBe(NEW);

    await s.advance(past(NEW));
    const ack = (await s.escalations(id)).filter((e) => e.deadline === 'acknowledgement');
    expect(ack.map((e) => e.kind)).toEqual(['checkpoint', 'checkpoint', 'deadline']);
    expect(ack[2]).toMatchObject({ dueAt: NEW, checkpointAt: NEW });
    expect(within(ack[2]!.at, NEW)).toBe(true);
    expect(await s.step(id)).toBe('acknowledgement');
  });

  it('leaves final deadlines alone, and a second load that changes nothing records nothing', async () => {
    const s = await scene('2026-11-02T02:00:00.000Z');
    const id = await s.intake();
    expect((await s.record(id)).deadlinesProvisional).toBe(false);
    const first = await putCalendarYear(s.p, 'cn', 2027, CN_2027, 'operator-1', undefined);
    expect(first.recalculated).toBe(0);
    const again = await putCalendarYear(s.p, 'cn', 2027, CN_2027, 'operator-1', 1);
    expect(again).toMatchObject({ version: 2, recalculated: 0 });
    expect(await s.types(id)).toEqual(['received']);
  });
});

describe('the rearm a recount sends', () => {
  it('routes back to its own tick at every waiting step of the complaint, so it can never skip one', () => {
    const states = lifecycleDefinition().States;
    // The six steps of the complaint itself, and a referral branch (a rearm wakes its token too).
    const branch = (states.Referrals as { ItemProcessor: { States: Record<string, Record<string, unknown>> } })
      .ItemProcessor.States;
    const all = { ...states, ...branch };
    const routes = Object.keys(all).filter((n) => n.startsWith('Route_'));
    expect(routes.map((n) => n.slice('Route_'.length)).sort()).toEqual(
      [
        'acknowledgement',
        'decision',
        'feedback',
        'referral',
        'review_decision',
        'review_feedback',
        'review_window',
      ].sort(),
    );
    for (const name of routes) {
      const step = name.slice('Route_'.length);
      // No choice takes a rearm anywhere but the Default, which is the step's own tick.
      expect(JSON.stringify(all[name]!.Choices), name).not.toContain('rearm');
      expect(all[name]!.Default, name).toBe(`Tick_${step}`);
    }
  });
});
