import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { EscalationNotice, Notifier } from '../../ports/notifier';

/** Escalations as EventBridge events (ids, levels and units only): tenant systems and alerting subscribe. */
export class EventBridgeNotifier implements Notifier {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
  ) {}

  async escalation(n: EscalationNotice): Promise<void> {
    await this.client.send(new PutEventsCommand({ Entries: [{ EventBusName: this.busName, Source: 'redress.lifecycle', DetailType: 'complaint.escalated', Detail: JSON.stringify(n) }] }));
  }
}
