import { unmarshall } from '@aws-sdk/util-dynamodb';
import { compactCounters, touchedCounterMonths } from '../../shared/application/counter-compaction';
import { dispatchChanges, type StreamChange } from '../../shared/application/webhook-dispatch';
import { tenantOfTable } from '../../shared/store/table-names';
import { awsPlatform } from '../aws-platform';

const platform = awsPlatform(undefined, 'redress-webhook-dispatcher');

type StreamRecord = {
  eventName?: string;
  eventSourceARN?: string;
  dynamodb?: { NewImage?: Record<string, unknown>; OldImage?: Record<string, unknown>; SequenceNumber?: string };
};

/**
 * The event source mapping of every tenant table's stream: the same dispatcher the local poller
 * calls. A failure fails the batch (the mapping retries and bisects); deliveries are created once,
 * so a retried batch creates nothing twice. The batch's counter writes are then folded into their
 * months' rollups (counter-rollup.ts); the fold's own writes carry no counts, so they fold nothing.
 */
export const handler = async (event: { Records?: StreamRecord[] }) => {
  const byTable = new Map<string, StreamChange[]>();
  for (const r of event.Records ?? []) {
    const table = r.eventSourceARN?.split('/')[1];
    if (!table) continue;
    const change: StreamChange = {
      eventName: (r.eventName ?? 'MODIFY') as StreamChange['eventName'],
      ...(r.dynamodb?.NewImage && { newImage: unmarshall(r.dynamodb.NewImage as never) }),
      ...(r.dynamodb?.OldImage && { oldImage: unmarshall(r.dynamodb.OldImage as never) }),
    };
    byTable.set(table, [...(byTable.get(table) ?? []), change]);
  }
  let created = 0;
  let folded = 0;
  for (const [table, changes] of byTable) {
    const tenantId = tenantOfTable(platform.naming, table);
    const tenant = tenantId && (await platform.directory.find(tenantId));
    if (!tenant) {
      platform.logger.warn('stream of an unknown table', { table });
      continue;
    }
    created += await dispatchChanges(platform, tenant, changes);
    folded += await compactCounters(platform, tenant, touchedCounterMonths(changes));
  }
  return { created, folded };
};
