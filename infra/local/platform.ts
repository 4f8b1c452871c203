import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Platform } from '../../shared/application/platform';
import { TenantDirectory } from '../../shared/application/tenant-directory';
import { FieldCipher } from '../../shared/pii/field-cipher';
import { KeyedHasher } from '../../shared/pii/keyed-hash';
import type { Clock } from '../../shared/ports/clock';
import type { Logger } from '../../shared/ports/logger';
import { ComplaintsRepo } from '../../shared/store/complaints-repo';
import { PoliciesRepo } from '../../shared/store/policies-repo';
import { controlPlaneTable } from '../../shared/store/table-names';
import { TenantsRepo } from '../../shared/store/tenants-repo';
import { UnitsRepo } from '../../shared/store/units-repo';
import { FileKeyProvider } from './file-key-provider';
import { LocalProvisioner } from './local-provisioner';

/** The local runtime's adapters behind the application's ports. */
export function localPlatform(o: { db: DynamoDBDocumentClient; dataDir: string; tablePrefix: string; clock: Clock; logger: Logger }): Platform {
  const naming = { prefix: o.tablePrefix };
  const keys = new FileKeyProvider(o.dataDir);
  const tenants = new TenantsRepo(o.db, controlPlaneTable(naming));
  return {
    db: o.db,
    naming,
    tenants,
    // Same process serves every request and evicts on suspension, so the cache cannot go stale here.
    directory: new TenantDirectory(tenants, 2000),
    complaints: new ComplaintsRepo(o.db),
    units: new UnitsRepo(o.db),
    policies: new PoliciesRepo(o.db),
    cipher: new FieldCipher(keys),
    hasher: new KeyedHasher(keys),
    clock: o.clock,
    provisioner: new LocalProvisioner(o.db),
    logger: o.logger,
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
  };
}
