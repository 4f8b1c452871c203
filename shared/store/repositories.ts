import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AccessLogRepo } from './access-log-repo';
import { CalendarsRepo } from './calendars-repo';
import { ComplaintsRepo } from './complaints-repo';
import { CustomerBaseRepo } from './customer-base-repo';
import { ForwardedRepo } from './forwarded-repo';
import { KpiRebuildStore } from './kpi-rebuild-store';
import { PoliciesRepo } from './policies-repo';
import { ReferralsRepo } from './referrals-repo';
import { RequestWindowsRepo } from './request-windows-repo';
import { SignInConfigsRepo } from './sign-in-configs-repo';
import { SignInsRepo } from './sign-ins-repo';
import { StatsRepo } from './stats-repo';
import { controlPlaneTable, type TableNaming } from './table-names';
import { TenantsRepo } from './tenants-repo';
import { UnitsRepo } from './units-repo';
import { WebhooksRepo } from './webhooks-repo';

/** Every repository a use case may call: the application reaches DynamoDB through these alone. */
export type Repositories = {
  tenants: TenantsRepo;
  complaints: ComplaintsRepo;
  units: UnitsRepo;
  policies: PoliciesRepo;
  /** Operator-loaded calendar years (control plane). */
  calendarYears: CalendarsRepo;
  referrals: ReferralsRepo;
  webhooks: WebhooksRepo;
  signIns: SignInsRepo;
  signInConfigs: SignInConfigsRepo;
  customerBase: CustomerBaseRepo;
  accessLog: AccessLogRepo;
  stats: StatsRepo;
  forwarded: ForwardedRepo;
  requestWindows: RequestWindowsRepo;
  kpiRebuild: KpiRebuildStore;
};

/**
 * The repositories over one client, built once by a composition root. In AWS that client is the
 * tenant-scoped one, so every repository's tenant-table call goes out under that tenant's role.
 */
export function repositories(db: DynamoDBDocumentClient, naming: TableNaming): Repositories {
  const controlTable = controlPlaneTable(naming);
  return {
    tenants: new TenantsRepo(db, controlTable),
    complaints: new ComplaintsRepo(db),
    units: new UnitsRepo(db),
    policies: new PoliciesRepo(db),
    calendarYears: new CalendarsRepo(db, controlTable),
    referrals: new ReferralsRepo(db),
    webhooks: new WebhooksRepo(db),
    signIns: new SignInsRepo(db),
    signInConfigs: new SignInConfigsRepo(db, controlTable),
    customerBase: new CustomerBaseRepo(db),
    accessLog: new AccessLogRepo(db),
    stats: new StatsRepo(db),
    forwarded: new ForwardedRepo(db),
    requestWindows: new RequestWindowsRepo(db, naming),
    kpiRebuild: new KpiRebuildStore(db),
  };
}
