import { localDateOf } from '../domain/calendars';
import type { ComplaintRecord, WorkflowPosition } from '../domain/complaint/complaint-schema';
import type { WaitStep } from '../domain/complaint/lifecycle';
import type { Signal, Transition } from '../domain/complaint/transitions';
import { DomainError, notFound } from '../domain/errors';
import type { Actor, ComplaintEvent } from '../domain/events/event-schema';
import { chainEvent } from '../domain/events/hash-chain';
import { type ProtectedText, textDigest } from '../domain/events/protected-text';
import { kpiCounts } from '../domain/kpi/kpi-counts';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { CounterIncrements } from '../store/counters';
import { GAUGES_MONTH } from '../store/stats-repo';
import type { Platform } from './platform';
import { changeReferral } from './referral-change';

/** The actor of the workflow's own changes (ticks, waits, closing). */
export const WORKFLOW_ACTOR = { kind: 'system' as const, id: 'workflow' };

/** Enough for a staff action racing the workflow's own writes (escalations recorded meanwhile). */
const ATTEMPTS = 4;

export type Changed<T = undefined> = {
  before: ComplaintRecord;
  after: ComplaintRecord;
  position: WorkflowPosition | undefined;
  transition: Transition | null;
  /** What the deciding call that was committed (the last one, after any race) computed beside it. */
  value: T;
};

/** The change `decide` chose, and what it computed on the way (a timer, a step) for its caller. */
export type Decision<T> = { transition: Transition | null; value: T };

type Decide<R> = (record: ComplaintRecord, at: string, position: WorkflowPosition | undefined) => R | Promise<R>;

type ChangeOptions = {
  ifMatch?: number;
  /** Taken with the change, naming its first event: `decide` looks for it first and returns null once taken. */
  idempotency?: { key: string; fingerprint: string; expiresAt: number };
};

const isDecision = <T>(d: Transition | null | Decision<T>): d is Decision<T> => d !== null && 'transition' in d;

/**
 * One state change of a complaint: read it and its workflow position, let `decide` say what changes
 * (or null: nothing), then write the new state, its chained events, counters and position in one
 * transaction conditioned on the version read. Without `ifMatch`, losing a race re-reads and decides
 * again on the fresh state (the domain rules run again, so nothing stale is written); with it, the
 * caller's version is final and a race is 409.
 */
export function changeComplaint(
  p: Platform,
  tenant: Tenant,
  id: string,
  actor: Actor,
  decide: Decide<Transition | null>,
  opts?: ChangeOptions,
): Promise<Changed>;
/** `decide` returns a `Decision`: its value comes back as the result's `value`, retries included. */
export function changeComplaint<T>(
  p: Platform,
  tenant: Tenant,
  id: string,
  actor: Actor,
  decide: Decide<Decision<T>>,
  opts?: ChangeOptions,
): Promise<Changed<T>>;
export async function changeComplaint<T>(
  p: Platform,
  tenant: Tenant,
  id: string,
  actor: Actor,
  decide: Decide<Transition | null | Decision<T>>,
  opts: ChangeOptions = {},
): Promise<Changed<T | undefined>> {
  for (let attempt = 1; ; attempt++) {
    const { record: before, position } = await p.complaints.getWithPosition(tenant.tableName, id);
    if (!before) throw notFound('complaint');
    if (opts.ifMatch !== undefined && opts.ifMatch !== before.version) {
      throw new DomainError(
        'conflict',
        'version_conflict',
        `the complaint is at version ${before.version}, not ${opts.ifMatch}; read it again`,
        { version: before.version },
      );
    }
    const at = p.clock.now().toISOString();
    const decided = await decide(before, at, position);
    const { transition, value } = isDecision(decided) ? decided : { transition: decided, value: undefined };
    if (!transition) return { before, after: before, position, transition: null, value };

    // The execution stays the one stored: only a restart (lifecycle repair) names another.
    const positionWrite = transition.position && {
      value: {
        ...(position?.execution !== undefined && { execution: position.execution }),
        ...transition.position,
        version: 0,
      },
      expectedVersion: position?.version ?? 0,
    };
    const newPosition = positionWrite && { ...positionWrite.value, version: positionWrite.expectedVersion + 1 };
    // Bookkeeping alone leaves the complaint (and its version) as it is.
    if (transition.events.length === 0 && Object.keys(transition.patch).length === 0) {
      if (!positionWrite || (await p.complaints.storePosition(tenant.tableName, id, before.version, positionWrite))) {
        return { before, after: before, position: newPosition ?? position, transition, value };
      }
      if (attempt >= ATTEMPTS)
        throw new DomainError('conflict', 'version_conflict', 'the complaint kept changing; retry');
      continue;
    }

    const events: ComplaintEvent[] = [];
    const texts = new Map<number, ProtectedText>();
    let prevHash = before.lastHash;
    for (const [i, e] of transition.events.entries()) {
      const seq = before.lastSeq + i + 1;
      if (e.text) texts.set(seq, e.text);
      const event = await chainEvent({
        complaintId: id,
        seq,
        type: e.type,
        at,
        actor,
        data: e.text ? { ...e.data, textDigest: await textDigest(e.text) } : e.data,
        prevHash,
      });
      events.push(event);
      prevHash = event.hash;
    }
    const after: ComplaintRecord = {
      ...before,
      ...transition.patch,
      version: before.version + 1,
      updatedAt: at,
      lastSeq: before.lastSeq + events.length,
      lastHash: prevHash,
    };
    try {
      await p.complaints.update(tenant.tableName, {
        record: after,
        expectedVersion: before.version,
        events,
        counters: changeCounters(before, after, transition, events, tenant, at),
        ...(positionWrite && { position: positionWrite }),
        ...(texts.size > 0 && { texts }),
        ...(opts.idempotency && {
          idempotency: { ...opts.idempotency, complaintId: id, seq: before.lastSeq + 1, createdAt: at },
        }),
      });
    } catch (e) {
      // Another transaction on a shared item (a counter shard) at the same moment: nothing changed,
      // so try again on the same footing, If-Match or not.
      if (e instanceof DomainError && e.code === 'contended' && attempt < ATTEMPTS) {
        await new Promise((r) => setTimeout(r, 10 * attempt));
        continue;
      }
      if (e instanceof DomainError && e.code === 'version_conflict' && opts.ifMatch === undefined && attempt < ATTEMPTS)
        continue;
      throw e;
    }
    for (const event of events)
      p.logger.info('complaint event', {
        tenantId: tenant.id,
        complaintId: id,
        event: event.type,
        seq: event.seq,
        actor: actor.kind,
      });
    if (transition.signal) {
      await p.interleaving?.pause('after_commit');
      await completeWaits(p, tenant, before, transition.signal);
    }
    return { before, after, position: newPosition ?? position, transition, value };
  }
}

/** The change's counters: the transition's own, the regulator's KPIs (month) and the gauges (now). */
function changeCounters(
  before: ComplaintRecord,
  after: ComplaintRecord,
  transition: Transition,
  events: ComplaintEvent[],
  tenant: Tenant,
  at: string,
): CounterIncrements[] {
  const kpi = kpiCounts(
    before,
    after,
    events.map((e) => e.type),
    tenant.timezone,
  );
  return [
    {
      month: localDateOf(at, tenant.timezone).slice(0, 7),
      shardOf: after.id,
      counts: { ...transition.counts, ...kpi.month },
    },
    { month: GAUGES_MONTH, shardOf: after.id, counts: kpi.gauges },
  ];
}

/**
 * Resumes the execution waiting on what just changed. The token is read after the commit: a wait
 * stored before it is found here, one stored after it saw the change and completed itself. The
 * token is completed only if it is the wait of the step the action completes: an execution that
 * already moved on (its wait saw the action first) parks at the next step, whose wait this signal
 * must not complete. A failure here is retried, then left to the execution: its next timer
 * re-enters the wait, which finds the step done and moves on.
 */
async function completeWaits(p: Platform, tenant: Tenant, before: ComplaintRecord, signal: Signal): Promise<void> {
  const position = await p.complaints.getPosition(tenant.tableName, before.id);
  const ours = position?.token && (signal.step === 'current' || signal.step === position.step);
  if (ours) await sendWithRetry(p, position.token!, { step: position.step, outcome: signal.outcome });
  // While partners are asked, each branch ticks the decision deadline too: a rearm wakes them all.
  if (signal.outcome === 'rearm') {
    for (const token of await openReferralTokens(p, before))
      await sendWithRetry(p, token, { step: 'referrals', outcome: 'rearm' });
    return;
  }
  // The referrals that were open until this change ended the complaint.
  if (signal.outcome !== 'ended') return;
  for (const token of await cancelOpenReferrals(p, before))
    await sendWithRetry(p, token, { step: 'referrals', outcome: 'ended' });
}

async function openReferralTokens(p: Platform, r: ComplaintRecord): Promise<string[]> {
  const tokens: string[] = [];
  for (const link of r.referrals.filter((x) => x.status === 'open')) {
    const partner = await p.directory.find(link.partnerTenantId);
    const referral = partner && (await p.referrals.get(partner.tableName, link.referralId));
    if (referral?.status === 'open' && referral.token) tokens.push(referral.token);
  }
  return tokens;
}

async function cancelOpenReferrals(p: Platform, r: ComplaintRecord): Promise<string[]> {
  const tokens: string[] = [];
  for (const link of r.referrals.filter((x) => x.status === 'open')) {
    const partner = await p.directory.find(link.partnerTenantId);
    if (!partner) continue;
    const changed = await changeReferral(p, partner.tableName, link.referralId, (ref) =>
      ref.status === 'open'
        ? { ...ref, status: 'cancelled', token: null, updatedAt: p.clock.now().toISOString() }
        : null,
    );
    if (changed?.after && changed.before.token) tokens.push(changed.before.token);
  }
  return tokens;
}

/** What a completed wait returns to its Route: the step it completes and the outcome. */
export type WaitOutput = { step: WaitStep; outcome: Signal['outcome'] };

export async function sendWithRetry(p: Platform, token: string, output: WaitOutput): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await p.workflow.sendTaskSuccess(token, output);
      return;
    } catch (e) {
      if (attempt === 3) {
        p.logger.error('could not complete workflow task; its next timer will', { errorName: (e as Error).name });
        return;
      }
      await new Promise((r) => setTimeout(r, 50 * 4 ** attempt));
    }
  }
}
