import { categoriesIn, type Kpis, kpisFrom, receivedBy } from '../domain/kpi/kpi-report';
import { kindOfCode, labelled } from '../domain/kpi/labels';
import type { InstitutionKind } from '../domain/taxonomy';
import type { Platform } from './platform';
import { institutionTotals, supervisedTenants } from './regulator-kpis';

type Label = { 'zh-CN': string; en: string };
export type PlatformStats = {
  period: string;
  institutions: number;
  kpis: Kpis;
  byKind: { kind: InstitutionKind; institutions: number; kpis: Kpis }[];
  byCategory: { code: string; label: Label; kind: InstitutionKind; kpis: Kpis }[];
  byReason: { code: string; label: Label; kind: InstitutionKind; received: number }[];
  byChannel: { code: string; label: Label; received: number }[];
};

const add = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
};

/** Platform-wide breakdowns from every institution's aggregates: one read per institution and month. */
export async function platformStats(p: Platform, period: string): Promise<PlatformStats> {
  const tenants = await supervisedTenants(p);
  const all: Record<string, number> = {};
  const kinds = new Map<InstitutionKind, { institutions: number; totals: Record<string, number> }>();
  for (const t of tenants) {
    const { totals } = await institutionTotals(p, t, period);
    add(all, totals);
    const k = kinds.get(t.kind) ?? { institutions: 0, totals: {} };
    k.institutions++;
    add(k.totals, totals);
    kinds.set(t.kind, k);
  }
  const sortByCode = <T extends { code: string }>(xs: T[]) => xs.sort((a, b) => a.code.localeCompare(b.code));
  return {
    period,
    institutions: tenants.length,
    kpis: kpisFrom(all),
    byKind: [...kinds].map(([kind, k]) => ({ kind, institutions: k.institutions, kpis: kpisFrom(k.totals) })),
    byCategory: sortByCode(
      categoriesIn(all).map((code) => ({
        ...labelled(kindOfCode(code), 'category', code),
        kind: kindOfCode(code),
        kpis: kpisFrom(all, code),
      })),
    ),
    byReason: sortByCode(
      Object.entries(receivedBy(all, 'reason')).map(([code, received]) => ({
        ...labelled(kindOfCode(code), 'reason', code),
        kind: kindOfCode(code),
        received,
      })),
    ),
    byChannel: sortByCode(
      Object.entries(receivedBy(all, 'channel')).map(([code, received]) => ({
        ...labelled('bank', 'channel', code),
        received,
      })),
    ),
  };
}
