import type { z } from 'zod';
import type { Platform } from '../../application/platform';
import { invalid } from '../../domain/errors';
import { recentPeriods } from '../../domain/kpi/period-window';

/** A page's query parameters by the schema, or the 400 page the API would give. */
export function pageQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success)
    throw invalid('invalid_query', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

/** The supervisor's reporting zone: periods are counted in Chinese time, as the institutions' are. */
export const PORTAL_TIME_ZONE = 'Asia/Shanghai';

/** The periods the picker offers and the one shown when none is asked for (the current quarter). */
export function periodChoices(p: Platform) {
  const choices = recentPeriods(p.clock.now().toISOString(), PORTAL_TIME_ZONE);
  return { ...choices, current: choices.quarters[0]! };
}
