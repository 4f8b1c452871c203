import type { Locale } from '../../shared/web/i18n/locale';
import { formatters } from '../../shared/web/i18n/locale';
import { type Case, expectedGauges, expectedKpis } from '../regulator/expected-kpis';

/** The league table's rows as the page renders them: institution id → column → cell text. */
export function leagueRows(text: string): { order: string[]; cells: Record<string, Record<string, string>> } {
  const order: string[] = [];
  const cells: Record<string, Record<string, string>> = {};
  for (const row of text.matchAll(/<tr data-institution="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)) {
    const id = row[1]!;
    order.push(id);
    cells[id] = Object.fromEntries(
      [...row[2]!.matchAll(/<td data-col="(\w+)"[^>]*>([\s\S]*?)<\/td>/g)].map((m) => [
        m[1]!,
        m[2]!.replace(/<[^>]+>/g, '').trim(),
      ]),
    );
  }
  return { order, cells };
}

/** The cells the league table must show for the figures computed independently. */
export function expectedCells(list: Case[], period: string, per10kCustomers: string, locale: Locale = 'zh-CN') {
  const f = formatters(locale);
  const k = expectedKpis(list, period);
  const g = expectedGauges(list);
  const num = (n: number | null) => (n === null ? '—' : f.number(n));
  const pct = (n: number | null) => (n === null ? '—' : f.percent(n));
  return {
    received: num(k.received),
    openNow: num(g.openNow),
    overdueNow: num(g.overdueNow),
    onTimeRate: pct(k.decided.onTimeRate),
    medianDays: num(k.daysToDecision.median),
    p90Days: num(k.daysToDecision.p90),
    extensions: `${k.extensions.complex} / ${k.extensions.especiallyComplex}`,
    escalations: num(k.escalations),
    repeats: num(k.repeats),
    feedbackBeforeClose: pct(k.feedbackBeforeClose.rate),
    reviewsChanged: `${k.reviews.changedOutcome} / ${k.reviews.requested}`,
    withdrawn: num(k.withdrawn),
    declined: num(k.declined),
    transferred: num(k.transferred),
    per10kCustomers,
  };
}
