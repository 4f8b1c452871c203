import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FieldCipher } from '../pii/field-cipher';
import type { KeyedHasher } from '../pii/keyed-hash';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Notifier } from '../ports/notifier';
import type { TenantProvisioner } from '../ports/tenant-provisioner';
import type { DeliveryQueue, WebhookSender } from '../ports/webhook-transport';
import type { WorkflowEngine } from '../ports/workflow-engine';
import type { ComplaintsRepo } from '../store/complaints-repo';
import type { PoliciesRepo } from '../store/policies-repo';
import type { ReferralsRepo } from '../store/referrals-repo';
import type { TableNaming } from '../store/table-names';
import type { TenantsRepo } from '../store/tenants-repo';
import type { UnitsRepo } from '../store/units-repo';
import type { WebhooksRepo } from '../store/webhooks-repo';
import type { TenantDirectory } from './tenant-directory';
import type { TenantSettingsCache } from './tenant-settings';

/** Everything a use case may touch, wired once per runtime by its composition root. */
export type Platform = {
  db: DynamoDBDocumentClient;
  naming: TableNaming;
  tenants: TenantsRepo;
  directory: TenantDirectory;
  settings: TenantSettingsCache;
  complaints: ComplaintsRepo;
  units: UnitsRepo;
  policies: PoliciesRepo;
  cipher: FieldCipher;
  hasher: KeyedHasher;
  clock: Clock;
  provisioner: TenantProvisioner;
  /** Set once the engine exists: the local engine itself needs the platform for its task handlers. */
  workflow: WorkflowEngine;
  notifier: Notifier;
  referrals: ReferralsRepo;
  webhooks: WebhooksRepo;
  /** How webhook attempts are sent and scheduled; `strictDestinations` in AWS (https, public addresses only). */
  webhookDelivery: { sender: WebhookSender; queue: DeliveryQueue; strictDestinations: boolean };
  logger: Logger;
  /** Random bytes, injectable so tests can force a reference collision. */
  randomBytes: (n: number) => Uint8Array;
};
