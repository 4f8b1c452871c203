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
import type { Repositories } from '../store/repositories';
import type { TableNaming } from '../store/table-names';
import type { CalendarSource } from './calendar-source';
import type { TenantDirectory } from './tenant-directory';
import type { TenantSettingsCache } from './tenant-settings';

export const DEFAULT_MAX_BACKDATE_DAYS = 90;
/** `REDRESS_MAX_BACKDATE_DAYS` in either runtime's environment. */
export const MaxBackdateDaysSchema = z.coerce.number().int().min(1).max(3660).default(DEFAULT_MAX_BACKDATE_DAYS);

/**
 * Everything a use case may touch, wired once per runtime by its composition root. The store is
 * reached through the repositories only: no use case sees the DynamoDB client, so none can bypass
 * the tenant-scoped client the AWS root builds them on.
 */
export type Platform = Repositories & {
  naming: TableNaming;
  directory: TenantDirectory;
  settings: TenantSettingsCache;
  /** The cached calendars built from the operator-loaded calendar years. */
  calendars: CalendarSource;
  cipher: FieldCipher;
  hasher: KeyedHasher;
  clock: Clock;
  provisioner: TenantProvisioner;
  /** Set once the engine exists: the local engine itself needs the platform for its task handlers. */
  workflow: WorkflowEngine;
  notifier: Notifier;
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
