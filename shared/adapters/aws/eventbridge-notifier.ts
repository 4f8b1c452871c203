import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { EscalationNotice, Notifier } from '../../ports/notifier';

/** Escalations as EventBridge events (ids, levels and units only): tenant systems and alerting subscribe. */
export class EventBridgeNotifier implements Notifier {
  private client?: EventBridgeClient;

  constructor(
    private readonly region: string,
    private readonly busName: string,
  ) {}

  async escalation(n: EscalationNotice): Promise<void> {
    const m = await import('@aws-sdk/client-eventbridge');
    this.client ??= new m.EventBridgeClient({ region: this.region });
    await this.client.send(
      new m.PutEventsCommand({
        Entries: [
          {
            EventBusName: this.busName,
            Source: 'redress.lifecycle',
            DetailType: 'complaint.escalated',
            Detail: JSON.stringify(n),
          },
        ],
      }),
    );
  }
}
