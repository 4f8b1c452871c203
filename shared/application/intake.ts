import canonicalize from 'canonicalize';
import { ulid } from 'ulid';
import type { Principal } from '../auth/principal';
import { canReadPii } from '../auth/principal';
import { localDateOf } from '../domain/calendars';
import type { ComplaintRecord, ComplaintView } from '../domain/complaint/complaint-schema';
import { consumerIdentity } from '../domain/complaint/consumer-key';
import type { IntakeInput } from '../domain/complaint/intake-schema';
import { type NewComplaintFacts, newComplaint, receivedEvent } from '../domain/complaint/new-complaint';
import { formatReference } from '../domain/complaint/reference';
import { conflict, invalid, ruleViolation } from '../domain/errors';
import { chainEvent } from '../domain/events/hash-chain';
import { kpiCounts } from '../domain/kpi/kpi-counts';
import { computeDeadlines, type SlaPolicy } from '../domain/sla';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { headOffice, type UnitTree } from '../domain/tenant/units';
import { protectDescription } from '../pii/description';
import type { CounterIncrements } from '../store/counters';
import { GAUGES_MONTH } from '../store/stats-repo';
import { type FirstPosition, firstExecutionInput, firstPosition } from '../workflow/first-execution';
import { renderComplaint } from './complaint-view';
import { currentPolicy } from './effective-policy';
import { intakeProblems } from './intake-validation';
import type { Platform } from './platform';
import { tenantUnits } from './tenant-settings';

/** How long a key is remembered: a retry comes within minutes, a week covers any queue of retries. */
export const IDEMPOTENCY_TTL_S = 7 * 24 * 3600;
const REFERENCE_ATTEMPTS = 5;

export type IntakeResult = { complaint: ComplaintView; replayed: boolean };
type Origin = { tenantId: string; complaintId: string; reference: string };

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
    origin?: Origin;
    /** An id chosen beforehand (a transfer records it at the source before registering here). */
    id?: string;
  } = {},
): Promise<IntakeResult> {
  const fingerprint = await p.hasher.hash(tenant.id, `intake:${canonicalize(input)}`);
  const replay = () => replayIntake(p, tenant, principal, idempotencyKey, fingerprint);
  const now = p.clock.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  const units = await tenantUnits(p, tenant);
  const problems = await intakeProblems(p, tenant, input, receivedAt, now, units);
  if (problems.length > 0) {
    // A retry of a request that was accepted before answers as then, even if a unit, a partner or
    // the clock has moved since: checked only here, so the usual path pays no extra read.
    const replayed = await replay();
    if (replayed) return replayed;
    throw invalid('invalid_request', problems.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '), problems);
  }
  const { facts, policy } = await intakeFacts(p, tenant, principal, input, receivedAt, now, units, options);

  for (let attempt = 1; attempt <= REFERENCE_ATTEMPTS; attempt++) {
    const reference = formatReference(
      tenant.referencePrefix,
      localDateOf(facts.receivedAt, tenant.timezone),
      p.randomBytes(5),
    );
    const drawn = { ...facts, reference };
    const event = await chainEvent(receivedEvent(drawn));
    const record = newComplaint(drawn, event.hash);
    const execution = firstExecutionInput(record, { policy, timezone: tenant.timezone, now: facts.at });
    const position = firstPosition(p.workflow, execution, facts.at);
    const outcome = await p.complaints.create(tenant.tableName, {
      record,
      event,
      idempotency: {
        key: idempotencyKey,
        fingerprint,
        complaintId: record.id,
        createdAt: facts.at,
        expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_S,
      },
      position,
      counters: receiptCounters(record, localDateOf(facts.receivedAt, tenant.timezone).slice(0, 7), tenant.timezone),
      ...(input.regulatorReference && { regulatorReference: input.regulatorReference }),
    });
    if (outcome.kind === 'created') {
      await startLifecycle(p, record, execution, position);
      p.logger.info('complaint registered', {
        tenantId: tenant.id,
        complaintId: record.id,
        reference,
        channel: input.channel,
        repeat: record.repeatOf !== null,
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

/**
 * The complaint an earlier request with this key registered, if any: the same body answers as then;
 * another body is refused.
 */
async function replayIntake(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  idempotencyKey: string,
  fingerprint: string,
): Promise<IntakeResult | undefined> {
  const existing = await p.complaints.getIdempotency(tenant.tableName, idempotencyKey);
  if (!existing) return undefined;
  if (existing.fingerprint !== fingerprint) {
    throw ruleViolation('idempotency_key_reused', 'this Idempotency-Key was already used for a different request body');
  }
  const { record, position } = await p.complaints.getWithPosition(tenant.tableName, existing.complaintId);
  if (!record) return undefined;
  // The first attempt may have stored the complaint and died before starting its lifecycle. One a
  // repair restarted (its position names the execution) was started: a start by the complaint id
  // would run a second lifecycle beside it.
  if (position?.execution === undefined) await startLifecycle(p, record);
  return { complaint: await renderComplaint(record, p.cipher, canReadPii(principal)), replayed: true };
}

/** Everything the new complaint needs but its reference: deadlines, repeat link, personal data as stored. */
async function intakeFacts(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  input: IntakeInput,
  receivedAt: Date,
  now: Date,
  units: UnitTree | undefined,
  options: { origin?: Origin; id?: string },
): Promise<{ facts: Omit<NewComplaintFacts, 'reference'>; policy: SlaPolicy }> {
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
  const facts: Omit<NewComplaintFacts, 'reference'> = {
    id: options.id ?? ulid(now.getTime()),
    tenantId: tenant.id,
    input,
    receivedAt: receivedIso,
    at: now.toISOString(),
    actorSub: principal.sub,
    deadlines,
    policy: policyRef,
    unitId: input.unitId ?? (units && headOffice(units)?.id) ?? null,
    consumerKey,
    repeatOf,
    complainantEnc,
    ...(agentEnc && { agentEnc }),
    description,
    ...(options.origin && { origin: options.origin }),
  };
  return { facts, policy };
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
 */
export function startLifecycle(
  p: Platform,
  r: ComplaintRecord,
  input = firstExecutionInput(r, undefined),
  stored?: FirstPosition,
): Promise<void> {
  // The first wait's token and due time are in the record already: an engine that can parks there.
  if (stored?.token && stored.dueAt && p.workflow.startParked)
    return p.workflow.startParked({
      name: r.id,
      tenantId: r.tenantId,
      complaintId: r.id,
      partners: r.partners,
      step: stored.step,
      token: stored.token,
      due: Date.parse(stored.dueAt),
    });
  return p.workflow.startExecution(r.id, input);
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
