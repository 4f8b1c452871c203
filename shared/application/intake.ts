import canonicalize from 'canonicalize';
import { ulid } from 'ulid';
import type { Principal } from '../auth/principal';
import { canReadPii } from '../auth/principal';
import { localDateOf } from '../domain/calendars';
import type { ComplaintRecord, ComplaintView } from '../domain/complaint/complaint-schema';
import { consumerIdentity } from '../domain/complaint/consumer-key';
import type { IntakeInput } from '../domain/complaint/intake-schema';
import { dueEscalations, stepWindows, timerSeconds } from '../domain/complaint/lifecycle';
import { maskAgent, maskComplainant } from '../domain/complaint/masking';
import { formatReference } from '../domain/complaint/reference';
import { referralIdFor } from '../domain/complaint/referral';
import { conflict, invalid, ruleViolation } from '../domain/errors';
import { chainEvent, GENESIS_HASH } from '../domain/events/hash-chain';
import { kpiCounts } from '../domain/kpi/kpi-counts';
import { computeDeadlines, type SlaPolicy } from '../domain/sla';
import { isCategory, isReason } from '../domain/taxonomy';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { headOffice } from '../domain/tenant/units';
import { protectDescription } from '../pii/description';
import type { CounterIncrements } from '../store/counters';
import { GAUGES_MONTH } from '../store/stats-repo';
import type { ExecutionInput } from '../workflow/task-payloads';
import { renderComplaint } from './complaint-view';
import { currentPolicy } from './effective-policy';
import type { Platform } from './platform';
import { tenantUnits } from './tenant-settings';

/** A letter may be dated before it is keyed in, but nothing is received in the future (allowing clock skew). */
const FUTURE_SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;
/** How long a key is remembered: a retry comes within minutes, a week covers any queue of retries. */
export const IDEMPOTENCY_TTL_S = 7 * 24 * 3600;
const REFERENCE_ATTEMPTS = 5;

export type IntakeResult = { complaint: ComplaintView; replayed: boolean };

/**
 * Registers a complaint: validates it against the tenant's taxonomy, units and partners, computes
 * its deadlines, encrypts its personal data, links an earlier complaint by the same person, and
 * stores it with its first event in one transaction. The same Idempotency-Key with the same body
 * returns the first complaint; with another body it is refused.
 */
export async function registerComplaint(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  input: IntakeInput,
  idempotencyKey: string,
  options: {
    /** Set when another institution transferred the complaint here. */
    origin?: { tenantId: string; complaintId: string; reference: string };
    /** An id chosen beforehand (a transfer records it at the source before registering here). */
    id?: string;
  } = {},
): Promise<IntakeResult> {
  const { origin } = options;
  const table = tenant.tableName;
  const fingerprint = await p.hasher.hash(tenant.id, `intake:${canonicalize(input)}`);
  const replay = async (): Promise<IntakeResult | undefined> => {
    const existing = await p.complaints.getIdempotency(table, idempotencyKey);
    if (!existing) return undefined;
    if (existing.fingerprint !== fingerprint) {
      throw ruleViolation(
        'idempotency_key_reused',
        'this Idempotency-Key was already used for a different request body',
      );
    }
    const { record, position } = await p.complaints.getWithPosition(table, existing.complaintId);
    if (!record) return undefined;
    // The first attempt may have stored the complaint and died before starting its lifecycle. One a
    // repair restarted (its position names the execution) was started: a start by the complaint id
    // would run a second lifecycle beside it.
    if (position?.execution === undefined) await startLifecycle(p, record);
    return { complaint: await renderComplaint(record, p.cipher, canReadPii(principal)), replayed: true };
  };

  const now = p.clock.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  const problems = [
    ...(receivedAt.getTime() > now.getTime() + FUTURE_SKEW_MS
      ? [{ path: ['receivedAt'], message: 'must not be in the future' }]
      : []),
    ...(receivedAt.getTime() < now.getTime() - p.maxBackdateDays * DAY_MS
      ? [{ path: ['receivedAt'], message: `must be within the last ${p.maxBackdateDays} days` }]
      : []),
    ...(!isCategory(tenant.kind, input.category)
      ? [{ path: ['category'], message: `not a ${tenant.kind} category code; see GET /v1/taxonomy` }]
      : []),
    ...(!isReason(tenant.kind, input.reason)
      ? [{ path: ['reason'], message: `not a ${tenant.kind} reason code; see GET /v1/taxonomy` }]
      : []),
    ...forwardingProblems(input),
    ...(await partnerProblems(p, tenant, input.partners ?? [])),
  ];
  const units = await tenantUnits(p, tenant);
  if (input.unitId && !units?.units.some((u) => u.id === input.unitId)) {
    problems.push({ path: ['unitId'], message: 'no such unit; see GET /v1/units' });
  }
  if (problems.length > 0) {
    // A retry of a request that was accepted before answers as then, even if a unit, a partner or
    // the clock has moved since: checked only here, so the usual path pays no extra read.
    const replayed = await replay();
    if (replayed) return replayed;
    throw invalid('invalid_request', problems.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '), problems);
  }

  const { policy, ref: policyRef } = await currentPolicy(p, tenant);
  const receivedIso = receivedAt.toISOString();
  const deadlines = computeDeadlines(
    { policy, receivedAt: receivedIso, timezone: tenant.timezone },
    await p.calendars.resolver(),
  );
  const consumerKey = await p.hasher.hash(tenant.id, consumerIdentity(input.complainant));
  const repeatOf = (await earlierComplaint(p, tenant, consumerKey, input.category, receivedAt))?.id ?? null;
  const { name, phone, email, idNumber, address } = input.complainant;
  const complainantEnc = await p.cipher.encryptFields(tenant.id, { name, phone, email, idNumber, address });
  const agentEnc = input.agent
    ? await p.cipher.encryptFields(tenant.id, {
        name: input.agent.name,
        phone: input.agent.phone,
        email: input.agent.email,
      })
    : undefined;

  const description = await protectDescription(p.cipher, tenant.id, input.description, [
    input.complainant,
    ...(input.agent ? [input.agent] : []),
  ]);

  const id = options.id ?? ulid(now.getTime());
  const at = now.toISOString();
  const actor = { kind: 'user' as const, id: principal.sub };
  const unitId = input.unitId ?? (units && headOffice(units)?.id) ?? null;
  const month = localDateOf(receivedIso, tenant.timezone).slice(0, 7);

  for (let attempt = 1; attempt <= REFERENCE_ATTEMPTS; attempt++) {
    const reference = formatReference(
      tenant.referencePrefix,
      localDateOf(receivedIso, tenant.timezone),
      p.randomBytes(5),
    );
    const event = await chainEvent({
      complaintId: id,
      seq: 1,
      type: 'received',
      at,
      actor,
      data: {
        reference,
        channel: input.channel,
        category: input.category,
        reason: input.reason,
        unitId,
        deadlines: { acknowledgement: deadlines.acknowledgement, decision: deadlines.decision },
        policy: policyRef,
        partners: input.partners ?? [],
        repeatOf,
        ...(input.regulatorReference && { regulatorReference: input.regulatorReference }),
        ...(origin && { transferredFrom: { tenantId: origin.tenantId, reference: origin.reference } }),
      },
      prevHash: GENESIS_HASH,
    });
    const record: ComplaintRecord = {
      id,
      tenantId: tenant.id,
      reference,
      status: 'received',
      overdue: false,
      receivedAt: receivedIso,
      channel: input.channel,
      category: input.category,
      reason: input.reason,
      ...(input.product !== undefined && { product: input.product }),
      ...description,
      ...(input.amountInDispute && { amountInDispute: input.amountInDispute }),
      complainantEnc,
      complainantMasked: maskComplainant(input.complainant) as Record<string, string>,
      ...(input.agent && agentEnc && { agentEnc, agentMasked: maskAgent(input.agent) as Record<string, string> }),
      consumerKey,
      unitId,
      assignee: null,
      partners: input.partners ?? [],
      referrals: (input.partners ?? []).map((partnerTenantId) => ({
        partnerTenantId,
        referralId: referralIdFor(id),
        status: 'open' as const,
        escalationLevel: 0,
      })),
      attachments: input.attachments ?? [],
      deadlines: { acknowledgement: deadlines.acknowledgement, decision: deadlines.decision },
      deadlinesProvisional: deadlines.provisional,
      provisionalDeadlines: deadlines.provisionalBy,
      policy: policyRef,
      escalationLevel: 0,
      repeatOf,
      ...(origin && { transferredFrom: origin }),
      ...(input.regulatorReference && { regulatorReference: input.regulatorReference }),
      version: 1,
      createdBy: principal.sub,
      createdAt: at,
      updatedAt: at,
      lastSeq: 1,
      lastHash: event.hash,
    };
    const first = firstTimer(record, { policy, timezone: tenant.timezone, now: at });
    const outcome = await p.complaints.create(table, {
      record,
      event,
      idempotency: {
        key: idempotencyKey,
        fingerprint,
        complaintId: id,
        createdAt: at,
        expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_S,
      },
      position: {
        step: 'acknowledgement',
        since: at,
        firedUntil: null,
        token: p.workflow.tokenFor?.({ tenantId: tenant.id, complaintId: id, step: 'acknowledgement' }) ?? null,
        ...(first && { dueAt: new Date(now.getTime() + first.timeoutSeconds * 1000).toISOString() }),
      },
      counters: receiptCounters(record, month, tenant.timezone),
      ...(input.regulatorReference && { regulatorReference: input.regulatorReference }),
    });
    if (outcome.kind === 'created') {
      await startLifecycle(p, record, first);
      p.logger.info('complaint registered', {
        tenantId: tenant.id,
        complaintId: id,
        reference,
        channel: input.channel,
        repeat: repeatOf !== null,
      });
      return { complaint: await renderComplaint(record, p.cipher, canReadPii(principal)), replayed: false };
    }
    if (outcome.kind === 'idempotency_key_taken' || outcome.kind === 'contended') {
      // A concurrent twin may still be committing; give it a moment before answering from its record.
      if (outcome.kind === 'contended') await new Promise((r) => setTimeout(r, 25 * attempt));
      const replayed = await replay();
      if (replayed) return replayed;
      if (outcome.kind === 'contended') continue;
      throw conflict(
        'idempotency_in_progress',
        'a request with this Idempotency-Key is still being processed; retry shortly',
      );
    }
    p.logger.warn('reference collision, drawing another', { tenantId: tenant.id, attempt });
  }
  throw conflict('reference_exhausted', 'could not allocate a unique reference; retry the request');
}

/** The receipt's counters: the institution's own, the regulator's KPIs (month of receipt) and the gauges. */
function receiptCounters(record: ComplaintRecord, month: string, timezone: string): CounterIncrements[] {
  const kpi = kpiCounts(null, record, ['received'], timezone);
  return [
    {
      month,
      shardOf: record.id,
      counts: {
        received: 1,
        [`received.channel.${record.channel}`]: 1,
        [`received.category.${record.category}`]: 1,
        ...(record.repeatOf && { repeats: 1 }),
        ...kpi.month,
      },
    },
    { month: GAUGES_MONTH, shardOf: record.id, counts: kpi.gauges },
  ];
}

/**
 * The complaint's first execution, named after it: a second start of the same complaint is a no-op
 * (a repair's restart names the next one, shared/domain/complaint/execution-name.ts).
 * When nothing is due yet (the usual case), the first timer goes along, sparing the execution its
 * first tick: one task invocation and two transitions fewer per complaint.
 */
export function startLifecycle(p: Platform, r: ComplaintRecord, first?: ExecutionInput['Payload']): Promise<void> {
  const input: ExecutionInput = { tenantId: r.tenantId, complaintId: r.id, partners: r.partners };
  if (first) input.Payload = first;
  return p.workflow.startExecution(r.id, input);
}

/**
 * The first wait's timer when nothing is due at `now` (the usual case); its due time is stored with
 * the first position, so a restarted local engine can park the complaint without running anything.
 */
function firstTimer(
  r: ComplaintRecord,
  o: { policy: SlaPolicy; timezone: string; now: string },
): ExecutionInput['Payload'] | undefined {
  const plan = dueEscalations({
    windows: stepWindows('acknowledgement', r),
    policy: o.policy,
    timezone: o.timezone,
    firedUntil: null,
    now: o.now,
  });
  return plan.due.length === 0 ? { timeoutSeconds: timerSeconds(o.now, plan.next), proceed: false } : undefined;
}

/** A forwarded complaint names the regulator's reference, and only a forwarded one does. */
function forwardingProblems(input: IntakeInput) {
  const forwarded = input.channel === 'regulator_transfer';
  if (forwarded && !input.regulatorReference)
    return [{ path: ['regulatorReference'], message: 'required when the channel is regulator_transfer' }];
  if (!forwarded && input.regulatorReference)
    return [{ path: ['regulatorReference'], message: 'only for the channel regulator_transfer' }];
  return [];
}

async function partnerProblems(p: Platform, tenant: Tenant, partners: readonly string[]) {
  const problems: { path: (string | number)[]; message: string }[] = [];
  for (const [i, partnerId] of partners.entries()) {
    if (partnerId === tenant.id) {
      problems.push({ path: ['partners', i], message: 'an institution cannot be its own partner' });
      continue;
    }
    if (!(await p.directory.findActive(partnerId)))
      problems.push({ path: ['partners', i], message: 'no such active institution on this platform' });
  }
  return problems;
}

/**
 * The most recent earlier complaint by the same person (blind index) in the same category inside
 * the tenant's window: what a new one is recorded as a repeat of.
 */
export async function earlierComplaint(
  p: Platform,
  tenant: Tenant,
  consumerKey: string,
  category: string,
  receivedAt: Date,
): Promise<ComplaintRecord | undefined> {
  const since = new Date(receivedAt.getTime() - tenant.repeatWindowDays * 86_400_000).toISOString();
  const earlier = await p.complaints.byConsumer(tenant.tableName, consumerKey, since, receivedAt.toISOString());
  return earlier.find((c) => c.category === category);
}
