import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Tenant } from '../../domain/tenant/tenant-schema';
import type { Clock } from '../../ports/clock';
import type { DeliveryQueue } from '../../ports/webhook-transport';
import type { DeliveryRef } from '../../store/webhooks-repo';

/** SQS delays a message at most 15 minutes: a later attempt hops, and the sender re-queues it until due. */
const MAX_DELAY_SECONDS = 900;

export type DeliveryMessage = { tenantId: string; ref: DeliveryRef };

/** The AWS delivery queue: one SQS message per due attempt, consumed by the sender function. */
export class SqsDeliveryQueue implements DeliveryQueue {
  private readonly sqs: SQSClient;

  constructor(
    region: string,
    private readonly queueUrl: string,
    private readonly clock: Clock,
  ) {
    this.sqs = new SQSClient({ region });
  }

  async enqueue(tenant: Tenant, ref: DeliveryRef, at: number): Promise<void> {
    const delay = Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil((at - this.clock.now().getTime()) / 1000)));
    const message: DeliveryMessage = { tenantId: tenant.id, ref };
    await this.sqs.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(message), DelaySeconds: delay }),
    );
  }
}
