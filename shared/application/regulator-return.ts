import { stringify } from 'csv-stringify/sync';
import { RETURN_COLUMNS, returnRows } from '../domain/kpi/quarterly-return';
import type { Platform } from './platform';
import { institutionTotals, supervisedTenants } from './regulator-kpis';

/** Spreadsheet software reads UTF-8 (and so Chinese) correctly only with the byte order mark. */
const BOM = '\uFEFF';

/** The quarterly (or monthly) return as CSV: UTF-8 with BOM, CRLF, a header row of RETURN_COLUMNS. */
export async function returnCsv(p: Platform, period: string): Promise<string> {
  const institutions = [];
  for (const tenant of await supervisedTenants(p))
    institutions.push({ tenant, totals: (await institutionTotals(p, tenant, period)).totals });
  return BOM + stringify([[...RETURN_COLUMNS], ...returnRows(period, institutions)], { record_delimiter: 'windows' });
}
