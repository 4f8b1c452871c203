import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Command = { input: Record<string, unknown> };

/** Every table a command touches: its TableName, or the tables of a transaction or batch. */
export function tablesOf(input: Record<string, unknown>): string[] {
  const names = new Set<string>();
  if (typeof input.TableName === 'string') names.add(input.TableName);
  for (const item of (input.TransactItems as Record<string, { TableName?: string }>[] | undefined) ?? []) {
    for (const op of Object.values(item)) if (op?.TableName) names.add(op.TableName);
  }
  for (const key of ['RequestItems']) {
    const request = input[key] as Record<string, unknown> | undefined;
    if (request) for (const name of Object.keys(request)) names.add(name);
  }
  return [...names];
}

/**
 * Tenant isolation in IAM, not only in code: a command on a tenant's table is sent with credentials
 * of the tenant data role assumed with a `tenant` session tag, whose policy allows that tenant's
 * table alone. Commands on the control plane use the function's own role. A command spanning two
 * tenants is refused here before AWS would refuse it.
 */
export function tenantScopedDocumentClient(o: {
  region: string;
  tablePrefix: string;
  tenantRoleArn: string | undefined;
  endpoint?: string;
}) {
  const base = DynamoDBDocumentClient.from(
    new DynamoDBClient({ region: o.region, ...(o.endpoint && { endpoint: o.endpoint }) }),
    {
      marshallOptions: { removeUndefinedValues: true },
    },
  );
  const perTenant = new Map<string, DynamoDBDocumentClient>();
  const tenantPrefix = `${o.tablePrefix}tenant-`;

  const clientFor = (tenantId: string) => {
    let client = perTenant.get(tenantId);
    if (!client) {
      client = DynamoDBDocumentClient.from(
        new DynamoDBClient({
          region: o.region,
          ...(o.endpoint && { endpoint: o.endpoint }),
          credentials: fromTemporaryCredentials({
            params: {
              RoleArn: o.tenantRoleArn!,
              RoleSessionName: `tenant-${tenantId}`.slice(0, 64),
              Tags: [{ Key: 'tenant', Value: tenantId }],
              DurationSeconds: 900,
            },
          }),
        }),
        { marshallOptions: { removeUndefinedValues: true } },
      );
      perTenant.set(tenantId, client);
    }
    return client;
  };

  const send = ((command: Command) => {
    if (!o.tenantRoleArn) return base.send(command as never);
    const tenants = new Set(
      tablesOf(command.input)
        .filter((t) => t.startsWith(tenantPrefix))
        .map((t) => t.slice(tenantPrefix.length)),
    );
    if (tenants.size === 0) return base.send(command as never);
    if (tenants.size > 1) return Promise.reject(new Error('one command may touch one tenant only'));
    return clientFor([...tenants][0]!).send(command as never);
  }) as DynamoDBDocumentClient['send'];

  return Object.assign(Object.create(base) as DynamoDBDocumentClient, { send, destroy: () => base.destroy() });
}
