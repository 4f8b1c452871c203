import type { Platform } from '../../../shared/application/platform';
import { onboardTenant } from '../../../shared/application/tenants';
import type { OnboardTenantInput } from '../../../shared/domain/tenant/tenant-schema';
import type { Unit } from '../../../shared/domain/tenant/units';

const unit = (id: string, zh: string, en: string, parentId?: string): Unit => ({
  id,
  name: { 'zh-CN': zh, en },
  ...(parentId && { parentId }),
});

/** Two demo institutions with a head office → branch → sub-branch hierarchy, for a first look around. */
export const DEMO_TENANTS: { tenant: OnboardTenantInput; units: Unit[] }[] = [
  {
    tenant: { id: 'demo-bank', name: '示范银行 Demo Bank', kind: 'bank', policy: 'cn-nfra-2020' },
    units: [
      unit('head-office', '总行', 'Head office'),
      unit('shanghai-branch', '上海分行', 'Shanghai branch', 'head-office'),
      unit('pudong-sub-branch', '浦东支行', 'Pudong sub-branch', 'shanghai-branch'),
      unit('beijing-branch', '北京分行', 'Beijing branch', 'head-office'),
      unit('haidian-sub-branch', '海淀支行', 'Haidian sub-branch', 'beijing-branch'),
    ],
  },
  {
    tenant: { id: 'demo-insurer', name: '示范保险 Demo Insurer', kind: 'insurer', policy: 'cn-nfra-2020' },
    units: [
      unit('head-office', '总公司', 'Head office'),
      unit('guangdong-branch', '广东分公司', 'Guangdong branch', 'head-office'),
      unit('shenzhen-sub-branch', '深圳中心支公司', 'Shenzhen sub-branch', 'guangdong-branch'),
    ],
  },
];

export async function seedDemoTenants(p: Platform): Promise<string[]> {
  const seeded: string[] = [];
  for (const demo of DEMO_TENANTS) {
    if ((await p.tenants.get(demo.tenant.id))?.status === 'active') continue;
    const tenant = await onboardTenant(p, demo.tenant);
    if (!(await p.units.get(tenant.tableName))) await p.units.put(tenant.tableName, { units: demo.units }, 0);
    seeded.push(tenant.id);
  }
  return seeded;
}
