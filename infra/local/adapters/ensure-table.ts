import {
  CreateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { migrateTable } from '../../../shared/store/table-migration';

/**
 * Creates a table if it is missing, waits until it is usable, and brings an existing one up to
 * the definition (missing GSIs, stream, TTL; shared/store/table-migration.ts): a table made by an
 * older version of the code gets today's indexes. Returns whether this call created it.
 */
export async function ensureTable(
  db: DynamoDBDocumentClient | DynamoDBClient,
  def: CreateTableCommandInput,
  ttlAttribute?: string,
): Promise<boolean> {
  let created = false;
  try {
    await (db as DynamoDBClient).send(new CreateTableCommand(def));
    created = true;
  } catch (e) {
    if (!(e instanceof ResourceInUseException)) throw e;
  }
  // DynamoDB Local makes a new GSI ACTIVE within seconds; the default timeout leaves room for a loaded machine.
  await migrateTable(db, def, { ...(ttlAttribute && { ttlAttribute }), pollMs: 100 });
  return created;
}
