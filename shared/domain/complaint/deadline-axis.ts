import type { ComplaintEvent } from '../events/event-schema';
import { escalationCheckpoints, type SlaPolicy } from '../sla';
import type { ComplaintRecord } from './complaint-schema';
import { type DeadlineWindow, stepWindows } from './lifecycle';
import { isOpen } from './status';

/**
 * One duty on the time axis: from when it runs, when it is due, when it was done.
 * - `met` / `late`: done by / after the due time; `overdue`: not done, due time passed, still open;
 * - `pending`: not done, not due yet; `ended`: the complaint ended before it was done;
 * - `closed`: the complainant's review window passed unused (not a duty of the institution);
 * - `lapsed`: a partner's referral ended without an answer (lapsed or waived).
 */
export type AxisRow = {
  key:
    | 'acknowledgement'
    | 'referral'
    | 'decision'
    | 'feedback'
    | 'review_window'
    | 'review_decision'
    | 'review_feedback';
  /** The partner institution of a referral row. */
  partner?: string;
  startAt: string;
  dueAt: string;
  /** The decision deadline before an extension moved it. */
  originalDueAt?: string;
  doneAt?: string;
  state: 'met' | 'late' | 'overdue' | 'pending' | 'ended' | 'closed' | 'lapsed';
};

/** An escalation checkpoint: `fired` ones come from the event log, the others are still ahead. */
export type AxisCheckpoint = {
  at: string;
  level: number;
  kind: 'checkpoint' | 'deadline' | 'overdue';
  deadline: DeadlineWindow['name'] | 'referral';
  fired: boolean;
};

export type DeadlineAxis = {
  from: string;
  to: string;
  now: string;
  /** Whether `now` lies inside [from, to]; long after the complaint ended it is left out of the chart. */
  nowShown: boolean;
  rows: AxisRow[];
  checkpoints: AxisCheckpoint[];
  pauses: { from: string; to: string; running: boolean }[];
};

const ms = Date.parse;
const iso = (t: number) => new Date(t).toISOString();

/**
 * Everything with a date the complaint's handling is measured by, for a time axis: its deadlines and
 * when each was met, the escalations that fired (from the event log) and those still ahead (from the
 * policy the complaint was registered under), and its pauses.
 */
export function deadlineAxis(o: {
  record: ComplaintRecord;
  events: readonly ComplaintEvent[];
  policy: SlaPolicy;
  timezone: string;
  now: string;
}): DeadlineAxis {
  const { record: r, events, now } = o;
  const open = isOpen(r.status);
  const endedAt = r.ended?.at ?? r.closedAt;
  const state = (dueAt: string, doneAt: string | undefined): AxisRow['state'] => {
    if (doneAt) return ms(doneAt) <= ms(dueAt) ? 'met' : 'late';
    if (!open) return 'ended';
    return ms(now) > ms(dueAt) ? 'overdue' : 'pending';
  };
  const row = (key: AxisRow['key'], startAt: string, dueAt: string, doneAt?: string): AxisRow => ({
    key,
    startAt,
    dueAt,
    ...(doneAt && { doneAt }),
    state: state(dueAt, doneAt),
  });

  const acknowledgedAt = events.find((e) => e.type === 'acknowledged')?.at;
  const rows: AxisRow[] = [row('acknowledgement', r.receivedAt, r.deadlines.acknowledgement, acknowledgedAt)];
  for (const link of r.referrals) {
    if (!link.deadline) continue;
    const asked = events.find(
      (e) => e.type === 'referral_requested' && e.data.partnerTenantId === link.partnerTenantId,
    );
    const referral = row('referral', asked?.at ?? r.receivedAt, link.deadline, link.answeredAt);
    rows.push({
      ...referral,
      partner: link.partnerTenantId,
      ...((link.status === 'lapsed' || link.status === 'waived') && { state: 'lapsed' as const }),
    });
  }
  const decision = row('decision', r.receivedAt, r.deadlines.decision, r.decision?.decidedAt);
  const original = r.deadlines.originalDecision;
  rows.push(original && original !== r.deadlines.decision ? { ...decision, originalDueAt: original } : decision);
  // Telling the complainant is part of the same duty: due by the decision deadline too.
  rows.push(row('feedback', r.decision?.decidedAt ?? r.receivedAt, r.deadlines.decision, r.feedback?.deliveredAt));
  if (r.deadlines.reviewRequest) {
    const window = row(
      'review_window',
      r.feedback?.deliveredAt ?? r.receivedAt,
      r.deadlines.reviewRequest,
      r.reviewRequest?.requestedAt,
    );
    const closed = !r.reviewRequest && (!open || ms(now) > ms(r.deadlines.reviewRequest));
    rows.push({ ...window, state: r.reviewRequest ? 'met' : closed ? 'closed' : 'pending' });
  }
  if (r.deadlines.reviewDecision && r.reviewRequest) {
    const start = r.reviewRequest.requestedAt;
    rows.push(row('review_decision', start, r.deadlines.reviewDecision, r.reviewDecision?.decidedAt));
    rows.push(
      row(
        'review_feedback',
        r.reviewDecision?.decidedAt ?? start,
        r.deadlines.reviewDecision,
        r.reviewFeedback?.deliveredAt,
      ),
    );
  }

  const checkpoints = [...firedCheckpoints(events), ...aheadCheckpoints(o, rows)].sort((a, b) => ms(a.at) - ms(b.at));
  const pauses = [
    ...(r.pauses ?? []).flatMap((x) => (x.to ? [{ from: x.from, to: x.to, running: false }] : [])),
    ...(r.pause ? [{ from: r.pause.from, to: now, running: true }] : []),
  ];

  const dated = [
    r.receivedAt,
    ...rows.flatMap((x) => [x.dueAt, x.doneAt ?? x.dueAt, x.originalDueAt ?? x.dueAt]),
    ...checkpoints.map((c) => c.at),
    ...pauses.map((x) => x.to),
    ...(endedAt ? [endedAt] : []),
  ].map(ms);
  const from = Math.min(...dated);
  const last = Math.max(...dated);
  // Now stays on the chart while it is near the complaint's dates; a year after closing it would
  // squeeze everything else into a corner.
  const reach = last + Math.max((last - from) * 0.25, 86_400_000);
  const nowMs = ms(now);
  const nowShown = nowMs >= from && nowMs <= reach;
  return {
    from: iso(from),
    to: iso(nowShown ? Math.max(last, nowMs) : last),
    now,
    nowShown,
    rows,
    checkpoints,
    pauses,
  };
}

function firedCheckpoints(events: readonly ComplaintEvent[]): AxisCheckpoint[] {
  return events.flatMap((e) => {
    if (e.type !== 'escalated') return [];
    const d = e.data as { checkpointAt?: unknown; level?: unknown; kind?: unknown; deadline?: unknown; step?: unknown };
    if (typeof d.checkpointAt !== 'string' || typeof d.level !== 'number') return [];
    const kind = d.kind === 'deadline' || d.kind === 'overdue' ? d.kind : 'checkpoint';
    const deadline =
      d.step === 'referral'
        ? 'referral'
        : d.deadline === 'acknowledgement' || d.deadline === 'review'
          ? d.deadline
          : 'decision';
    return [{ at: d.checkpointAt, level: d.level, kind, deadline, fired: true }];
  });
}

/**
 * Checkpoints still ahead, of the deadlines not met yet: those the workflow will fire unless the
 * duty is done first. Only the configured fractions, not the overdue reminders after them.
 */
function aheadCheckpoints(
  o: { record: ComplaintRecord; policy: SlaPolicy; timezone: string; now: string },
  rows: readonly AxisRow[],
): AxisCheckpoint[] {
  const r = o.record;
  if (!isOpen(r.status)) return [];
  const pending = new Set(rows.filter((x) => x.state === 'pending').map((x) => x.key));
  const windows = [...stepWindows('acknowledgement', r), ...stepWindows('review_decision', r)].filter((w) =>
    w.name === 'acknowledgement'
      ? pending.has('acknowledgement')
      : w.name === 'decision'
        ? // While a pause runs the deadline's end is unknown: its checkpoints wait for the resume.
          !r.pause && (pending.has('decision') || pending.has('feedback'))
        : pending.has('review_decision') || pending.has('review_feedback'),
  );
  return windows.flatMap((w) =>
    escalationCheckpoints({
      startAt: w.startAt,
      deadline: w.deadline,
      policy: o.policy,
      timezone: o.timezone,
      maxOverdue: 0,
      ...(w.pauses && { pauses: w.pauses }),
    })
      .filter((c) => ms(c.at) > ms(o.now))
      .map((c) => ({ at: c.at, level: c.level, kind: c.kind, deadline: w.name, fired: false })),
  );
}
