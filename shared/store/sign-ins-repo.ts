import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { consoleSignInKey, type Kind, SIGN_INS_PK } from './keys';
import { queryAll } from './query-all';

/** The staff who signed in to the console, one item each in a small partition of the tenant's own table. */

export const ConsoleUserSchema = z.object({
  sub: z.string(),
  issuer: z.string(),
  roles: z.array(z.string()),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  signIns: z.number().int(),
});
export type ConsoleUser = z.infer<typeof ConsoleUserSchema>;

export class SignInsRepo {
  constructor(private readonly db: DynamoDBDocumentClient) {}

  /** The roles as this sign-in's IdP gave them replace the previous ones: the IdP is their only source. */
  async record(table: string, u: { sub: string; issuer: string; roles: readonly string[] }, at: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: table,
        Key: consoleSignInKey(u.issuer, u.sub),
        UpdateExpression:
          'SET kind = :kind, #sub = :sub, issuer = :issuer, #roles = :roles, lastSeenAt = :at, ' +
          'firstSeenAt = if_not_exists(firstSeenAt, :at) ADD signIns :one',
        ExpressionAttributeNames: { '#sub': 'sub', '#roles': 'roles' },
        ExpressionAttributeValues: {
          ':kind': 'console_sign_in' satisfies Kind,
          ':sub': u.sub,
          ':issuer': u.issuer,
          ':roles': [...u.roles],
          ':at': at,
          ':one': 1,
        },
      }),
    );
  }

  async list(table: string): Promise<ConsoleUser[]> {
    const items = await queryAll(this.db, {
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': SIGN_INS_PK },
    });
    return items.map((i) => ConsoleUserSchema.parse(i));
  }
}
