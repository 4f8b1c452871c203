import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../../shared/http/env';
import { errorBody } from '../../../shared/http/error-body';
import { describeIssues } from '../../../shared/http/error-handling';
import type { ManualClock } from '../workflow/scheduler';
import { type DevIssuer, TokenRequestSchema } from './dev-issuer';

/** ISO 8601 durations of days, hours, minutes and seconds: what escalation timers are made of. */
const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function durationMs(iso: string): number | undefined {
  const m = iso.match(DURATION);
  if (!m || iso === 'P' || iso.endsWith('T')) return undefined;
  const [w, d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0));
  return ((((w! * 7 + d!) * 24 + h!) * 60 + min!) * 60 + s!) * 1000;
}

const ClockRequestSchema = z.union([
  z.strictObject({
    advance: z.string().refine((v) => durationMs(v) !== undefined, 'an ISO 8601 duration such as P16D or PT36H'),
  }),
  z.strictObject({ to: z.iso.datetime({ offset: true }) }),
]);

const invalidBody = (error: z.ZodError) => {
  const { message, details } = describeIssues(error);
  return errorBody('invalid_request', message, details);
};

/**
 * Routes that exist only in the local runtime: the dev issuer and its token endpoint (absent with
 * REDRESS_DEV_IDENTITIES=0), the manual clock. local-guards.ts keeps them to this machine.
 */
export function localRoutes(
  issuer: DevIssuer | undefined,
  /** `settle`: resolves once the engine, the streams and the senders are all quiet. */
  clock: { manual: ManualClock | undefined; settle: () => Promise<void>; now: () => Date },
) {
  return (app: OpenAPIHono<AppEnv>) => {
    if (issuer) {
      app.get('/.well-known/jwks.json', (c) => c.json(issuer.jwks));
      app.post('/_local/tokens', async (c) => {
        const parsed = TokenRequestSchema.safeParse(await c.req.json().catch(() => undefined));
        if (!parsed.success) return c.json(invalidBody(parsed.error), 400);
        return c.json({
          token: await issuer.mint(parsed.data),
          tokenType: 'Bearer',
          expiresIn: parsed.data.ttl ?? 3600,
        });
      });
    }

    app.get('/_local/clock', (c) => c.json({ now: clock.now().toISOString(), mode: clock.manual ? 'manual' : 'real' }));
    /** Returns once every timer that fell due has fired and its effects are stored. */
    app.post('/_local/clock', async (c) => {
      if (!clock.manual)
        return c.json(
          errorBody('conflict', 'the clock is real; start the platform with REDRESS_CLOCK=manual to move it'),
          409,
        );
      const parsed = ClockRequestSchema.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) return c.json(invalidBody(parsed.error), 400);
      const from = clock.manual.now().getTime();
      const to = 'advance' in parsed.data ? from + durationMs(parsed.data.advance)! : Date.parse(parsed.data.to);
      if (to < from)
        return c.json(
          errorBody('invalid_request', `the clock only moves forward; it is ${new Date(from).toISOString()}`),
          400,
        );
      await clock.manual.advanceTo(to, clock.settle);
      return c.json({ now: clock.manual.now().toISOString(), mode: 'manual' });
    });
  };
}
