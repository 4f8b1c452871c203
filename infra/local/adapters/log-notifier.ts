import type { Logger } from '../../../shared/ports/logger';
import type { EscalationNotice, Notifier } from '../../../shared/ports/notifier';

/** Locally, an escalation is its event (already stored) and a log line; webhooks will follow. */
export class LogNotifier implements Notifier {
  constructor(private readonly logger: Logger) {}

  async escalation(n: EscalationNotice): Promise<void> {
    const { level, ...rest } = n;
    this.logger.info('escalation', { ...rest, escalationLevel: level });
  }
}
