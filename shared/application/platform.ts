import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { FieldCipher } from '../pii/field-cipher';
import type { KeyedHasher } from '../pii/keyed-hash';
import type { Clock } from '../ports/clock';
import type { Interleaving } from '../ports/interleaving';
import type { Logger } from '../ports/logger';
import type { Notifier } from '../ports/notifier';
import type { TenantProvisioner } from '../ports/tenant-provisioner';
import type { DeliveryQueue, WebhookSender } from '../ports/webhook-transport';
import type { WorkflowEngine } from '../ports/workflow-engine';
import type { CalendarsRepo } from '../store/calendars-repo';
import type { ComplaintsRepo } from '../store/complaints-repo';
import type { PoliciesRepo } from '../store/policies-repo';
import type { ReferralsRepo } from '../store/referrals-repo';
import type { TableNaming } from '../store/table-names';
import type { TenantsRepo } from '../store/tenants-repo';
import type { UnitsRepo } from '../store/units-repo';
import type { WebhooksRepo } from '../store/webhooks-repo';
import type { CalendarSource } from './calendar-source';
import type { TenantDirectory } from './tenant-directory';
import type { TenantSettingsCache } from './tenant-settings';

export const DEFAULT_MAX_BACKDATE_DAYS = 90;
/** `REDRESS_MAX_BACKDATE_DAYS` in either runtime's environment. */
export const MaxBackdateDaysSchema = z.coerce.number().int().min(1).max(3660).default(DEFAULT_MAX_BACKDATE_DAYS);

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
  /** Operator-loaded calendar years (control plane) and the cached calendars built from them. */
  calendarYears: CalendarsRepo;
  calendars: CalendarSource;
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
  /**
   * How many days before now a complaint's receipt may be dated. Longer than any policy's decision
   * period, so a late registration still starts inside its own deadlines, yet never centuries back.
   */
  maxBackdateDays: number;
  /** Pauses between a commit and the next step of a race; absent (no pause) in production. */
  interleaving?: Interleaving;
  /** Random bytes, injectable so tests can force a reference collision. */
  randomBytes: (n: number) => Uint8Array;
};
