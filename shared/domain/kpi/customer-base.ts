import { z } from 'zod';
import { monthsOf } from './period';

const Count = z.number().int().min(1).max(10_000_000_000);

/**
 * What an institution states about its size for a period, so the regulator can compare volumes
 * across institutions of different sizes: customers (or policies in force) and premium income.
 */
export const CustomerBaseSchema = z
  .strictObject({
    customers: Count.optional(),
    policies: Count.optional(),
    /** Premium income of the period in yuan (insurers). */
    premiumYuan: z.number().min(1).max(1e15).optional(),
  })
  .refine((b) => b.customers !== undefined || b.policies !== undefined || b.premiumYuan !== undefined, {
    message: 'give at least one of customers, policies, premiumYuan',
  });
export type CustomerBase = z.infer<typeof CustomerBaseSchema>;

/**
 * The periods whose figures stand for `period`, best first: the period itself; for a month, the
 * quarter it falls in; for a quarter, its months from the last (a stock counted at quarter end).
 */
export function customerBasePeriods(period: string): string[] {
  const q = /^(\d{4})Q[1-4]$/.exec(period);
  if (q) return [period, ...monthsOf(period).reverse()];
  const [year, month] = period.split('-');
  return [period, `${year}Q${Math.ceil(Number(month) / 3)}`];
}

export type Ratios = { per10kCustomers: number | null; per10kPolicies: number | null; per100mPremium: number | null };

const per = (received: number, base: number | undefined, unit: number) =>
  base === undefined ? null : Math.round((received / base) * unit * 100) / 100;

/** Complaints received per 10,000 customers, per 10,000 policies and per ¥100m premium (2 decimals). */
export const ratiosOf = (received: number, base: CustomerBase | undefined): Ratios => ({
  per10kCustomers: per(received, base?.customers, 10_000),
  per10kPolicies: per(received, base?.policies, 10_000),
  per100mPremium: per(received, base?.premiumYuan, 100_000_000),
});
