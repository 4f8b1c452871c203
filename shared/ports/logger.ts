/**
 * Structured log lines. Callers pass identifiers and codes only; nothing a complainant typed
 * (names, numbers, descriptions) is ever handed to a logger.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

/**
 * One JSON object per line on the given sink (stdout locally; CloudWatch picks up the same in Lambda).
 * `ambient` adds fields of whatever is in progress (the request id and tenant of the current request),
 * so use cases need not pass a logger down to have their lines carry them.
 */
export function jsonLogger(
  write: (line: string) => void,
  base: LogFields = {},
  ambient: () => LogFields = () => ({}),
): Logger {
  const emit =
    (level: string) =>
    (msg: string, fields: LogFields = {}) => {
      const line: Record<string, unknown> = { level, time: new Date().toISOString(), msg };
      // A caller's field named `level`, `time` or `msg` must not rewrite the line's own.
      for (const [k, v] of Object.entries({ ...ambient(), ...base, ...fields })) if (!(k in line)) line[k] = v;
      write(JSON.stringify(line));
    };
  return {
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (fields) => jsonLogger(write, { ...base, ...fields }, ambient),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, child: () => silentLogger };
