import type { LocalPlatform } from '../../infra/local/platform';
import { performAction } from '../../shared/application/complaint-actions';
import { registerComplaint } from '../../shared/application/intake';
import type { ComplaintRecord } from '../../shared/domain/complaint/complaint-schema';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import type { ActionContext, Transition } from '../../shared/domain/complaint/transitions';
import * as t from '../../shared/domain/complaint/transitions';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import { intakeBody, principal } from './fixtures';

let filed = 0;

/**
 * Complaints for work-queue tests, registered and moved on as the API does (real records, real
 * lifecycle), each by a complainant of its own unless one is named.
 */
export function queueDesk(p: LocalPlatform, tenant: Tenant) {
  const staff = principal(tenant.id, ['supervisor'], 'supervisor-1');
  const d = {
    /** The personal data of every complainant filed here, to search the pages for. */
    personal: new Set<string>(),
    async file(o: { receivedAt?: string; complainant?: number; body?: Record<string, unknown> } = {}) {
      const who = o.complainant ?? ++filed + 1000;
      const n = String(who).padStart(4, '0');
      const complainant = {
        name: `王客户${n}`,
        phone: `1390000${n}`,
        idNumber: `11010519900101${n}`,
        email: `c${n}@example.cn`,
      };
      for (const v of Object.values(complainant)) d.personal.add(v);
      const body = intakeBody({
        complainant,
        ...(o.receivedAt && { receivedAt: o.receivedAt }),
        ...o.body,
      });
      const { complaint } = await registerComplaint(
        p,
        tenant,
        principal(tenant.id, ['intake']),
        IntakeSchema.parse(body),
        `queue-${Math.random()}`,
      );
      await p.engine.settle();
      return complaint.id;
    },
    async act(id: string, decide: (r: ComplaintRecord, ctx: ActionContext) => Transition | Promise<Transition>) {
      await performAction(p, tenant, staff, id, decide);
      await p.engine.settle();
    },
    async assign(id: string, unitId: string, assignee: string) {
      const units = await p.units.get(tenant.tableName);
      await d.act(id, (r) => t.assign(r, { unitId, assignee }, units));
    },
    /** Acknowledged, decided, told, and a review asked for: status review_requested. */
    async toReviewRequested(id: string, at: string) {
      await d.act(id, (r, ctx) => t.acknowledge(r, ctx));
      await d.act(id, (r, ctx) => t.decide(r, { outcome: 'not_upheld', summary: '维持原处理' }, ctx));
      await d.act(id, (r, ctx) =>
        t.recordFeedback(r, { channel: 'letter', deliveredAt: at, summary: '书面告知' }, ctx),
      );
      await d.act(id, (r, ctx) => t.requestReview(r, { reason: '申请核查' }, ctx));
    },
  };
  return d;
}
