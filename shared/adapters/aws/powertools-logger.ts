import type { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { LogFields, Logger } from '../../ports/logger';

/** The Logger port on Powertools: JSON lines with the Lambda context, plus the request's ids. */
export function powertoolsLogger(base: PowertoolsLogger, ambient: () => LogFields = () => ({})): Logger {
  const wrap = (l: PowertoolsLogger): Logger => ({
    info: (msg, fields) => l.info(msg, { ...ambient(), ...fields }),
    warn: (msg, fields) => l.warn(msg, { ...ambient(), ...fields }),
    error: (msg, fields) => l.error(msg, { ...ambient(), ...fields }),
    child: (fields) => wrap(l.createChild({ persistentKeys: fields })),
  });
  return wrap(base);
}
