import type { DeliveryMessage } from '../../shared/adapters/aws/sqs-delivery-queue';
import { attemptDelivery } from '../../shared/application/webhook-delivery';
import { awsPlatform } from '../aws-platform';

const platform = awsPlatform(undefined, 'redress-webhook-sender');

type SqsRecord = { messageId: string; body: string };

/**
 * One attempt per message. Each record stands alone: one that fails is reported back (partial batch
 * response) and SQS redelivers it, while the others are done; one endpoint's slowness is bounded by
 * the sender's 15 s timeout, and the queue's concurrency serves the other tenants meanwhile.
 */
export const handler = async (event: { Records?: SqsRecord[] }) => {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  await Promise.all(
    (event.Records ?? []).map(async (r) => {
      try {
        const message = JSON.parse(r.body) as DeliveryMessage;
        const tenant = await platform.directory.find(message.tenantId);
        if (!tenant) return;
        await attemptDelivery(platform, tenant, message.ref);
      } catch (e) {
        platform.logger.error('webhook attempt failed; SQS will redeliver', { errorName: (e as Error).name });
        batchItemFailures.push({ itemIdentifier: r.messageId });
      }
    }),
  );
  return { batchItemFailures };
};
