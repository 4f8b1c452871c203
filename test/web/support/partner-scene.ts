import { performAction } from '../../../shared/application/complaint-actions';
import { registerComplaint } from '../../../shared/application/intake';
import { onboardTenant } from '../../../shared/application/tenants';
import { IntakeSchema } from '../../../shared/domain/complaint/intake-schema';
import { referralIdFor } from '../../../shared/domain/complaint/referral';
import * as t from '../../../shared/domain/complaint/transitions';
import type { Tenant } from '../../../shared/domain/tenant/tenant-schema';
import { intakeBody, principal } from '../../support/fixtures';
import type { WebApp } from '../../support/web-app';

/**
 * A bank (the web app's own tenant) and an insurer it names as partner at intake: once the bank
 * acknowledges, the real workflow asks the insurer in the insurer's own table, as in production.
 */
export async function partnerScene(w: Pick<WebApp, 'platform' | 'tenant'>, partnerId = 'ins-b') {
  const p = w.platform;
  const from = w.tenant;
  await onboardTenant(p, { id: partnerId, name: '伙伴保险', kind: 'insurer', policy: 'cn-nfra-2020' });
  const partner = (await p.directory.find(partnerId)) as Tenant;
  await p.units.put(partner.tableName, { units: [{ id: 'hq', name: { 'zh-CN': '总公司', en: 'HQ' } }] }, 0);
  const supervisor = principal(from.id, ['supervisor'], 'bank-supervisor');

  /** A complaint of the bank that refers to the partner; resolves once the partner's referral exists. */
  async function refer(product = '银保渠道分红险') {
    const { complaint } = await registerComplaint(
      p,
      from,
      principal(from.id, ['intake'], 'bank-intake'),
      IntakeSchema.parse(intakeBody({ partners: [partnerId], product })),
      `k-${Math.random()}`,
    );
    await performAction(p, from, supervisor, complaint.id, (r, ctx) => t.acknowledge(r, ctx));
    await p.engine.settle();
    const referralId = referralIdFor(complaint.id);
    if (!(await p.referrals.get(partner.tableName, referralId))) throw new Error('the partner was not asked');
    return { complaintId: complaint.id, reference: complaint.reference, referralId };
  }

  const decide = (complaintId: string) =>
    performAction(p, from, supervisor, complaintId, (r, ctx) =>
      t.decide(r, { outcome: 'upheld', summary: '与保险公司协商后支持' }, ctx),
    );

  return { p, from, partner, supervisor, refer, decide };
}
