import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Referral, ReferralSchema } from '../domain/complaint/referral';
import { conflict } from '../domain/errors';
import { decodeCursor, encodeCursor } from './cursor';
import { GSI, keyed, referralKey } from './keys';
import { isConditionFailure } from './transaction-errors';
import { versionedPut } from './versioned-put';

function toItem(r: Referral) {
  const sortKey = `${r.deadline}#${r.id}`;
  return {
    ...keyed('referral', referralKey(r.id)),
    ...r,
    [GSI.byStatus.pk]: `REFST#${r.status}`,
    [GSI.byStatus.sk]: sortKey,
    ...(r.status === 'open' && { [GSI.openByDue.pk]: 'REFOPEN', [GSI.openByDue.sk]: sortKey }),
  };
}

/** Referrals live in the partner institution's table: its staff answer them under its own access. */
export class ReferralsRepo {
  constructor(private readonly db: DynamoDBDocumentClient) {}

  async get(table: string, id: string): Promise<Referral | undefined> {
    const res = await this.db.send(new GetCommand({ TableName: table, Key: referralKey(id), ConsistentRead: true }));
    return res.Item ? ReferralSchema.parse(res.Item) : undefined;
  }

  /** Creates the referral unless it exists; returns whichever is stored. */
  async ensure(table: string, referral: Referral): Promise<Referral> {
    try {
      await this.db.send(
        new PutCommand({ TableName: table, Item: toItem(referral), ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return referral;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      return (await this.get(table, referral.id))!;
    }
  }

  async save(table: string, referral: Referral, expectedVersion: number): Promise<void> {
    try {
      await this.db.send(new PutCommand(versionedPut(table, toItem(referral), expectedVersion)));
    } catch (e) {
      if (isConditionFailure(e))
        throw conflict('version_conflict', 'the referral was changed by someone else; read it again and retry');
      throw e;
    }
  }

  /** Open referrals by deadline, or one status by deadline. */
  async list(
    table: string,
    f: { status?: Referral['status']; limit: number; cursor?: string },
  ): Promise<{ items: Referral[]; nextCursor: string | null }> {
    const index = f.status ? GSI.byStatus : GSI.openByDue;
    const res = await this.db.send(
      new QueryCommand({
        TableName: table,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.pk },
        ExpressionAttributeValues: { ':pk': f.status ? `REFST#${f.status}` : 'REFOPEN' },
        Limit: f.limit,
        ExclusiveStartKey: decodeCursor(f.cursor, ['pk', 'sk', index.pk, index.sk]),
      }),
    );
    return {
      items: (res.Items ?? []).map((i) => ReferralSchema.parse(i)),
      nextCursor: encodeCursor(res.LastEvaluatedKey),
    };
  }
}
