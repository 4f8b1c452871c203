import type { LocalPlatform } from '../../infra/local/platform';
import { performAction } from '../../shared/application/complaint-actions';
import { registerComplaint } from '../../shared/application/intake';
import { onboardTenant } from '../../shared/application/tenants';
import type { ComplaintRecord } from '../../shared/domain/complaint/complaint-schema';
import { executionOf } from '../../shared/domain/complaint/execution-name';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import type { ActionContext, Transition } from '../../shared/domain/complaint/transitions';
import type { ComplaintEvent } from '../../shared/domain/events/event-schema';
import type { OnboardTenantInput, Tenant } from '../../shared/domain/tenant/tenant-schema';
import { intakeBody, principal } from './fixtures';
import { fixedClock, type TestClock, testPlatform, testTenant } from './test-platform';

/**
 * A lifecycle scene: the local platform with its real engine running the real ASL on the manual
 * clock, against DynamoDB Local. `act` performs a staff action as the API does and lets the
 * execution settle; `advance` moves time, firing every timer on the way.
 */
export async function scene(
  start: string,
  tenantInput: Partial<OnboardTenantInput> = {},
  store: { requestTimeoutMs?: number } = {},
) {
  const clock: TestClock = fixedClock(start);
  const p: LocalPlatform = await testPlatform({ clock, ...store });
  const tenant = await testTenant(p, tenantInput);
  const staff = (roles: string[], sub = 'handler-1') => principal(tenant.id, roles, sub);

  const settle = () => p.engine.settle();
  const s = {
    p,
    clock,
    tenant,
    settle,
    staff,
    /**
     * Another institution on the platform (a partner, a transfer's target), onboarded under
     * cn-nfra-2020 with a head office, the unit its escalations go to.
     */
    async institution(input: Pick<OnboardTenantInput, 'id' | 'name' | 'kind'>): Promise<Tenant> {
      const onboarded = await onboardTenant(p, { ...input, policy: 'cn-nfra-2020' });
      const other = (await p.directory.find(onboarded.id))!;
      await p.units.put(other.tableName, { units: [{ id: 'hq', name: { 'zh-CN': '总部', en: 'HQ' } }] }, 0);
      return other;
    },
    async intake(overrides: Record<string, unknown> = {}, onTenant: Tenant = tenant) {
      const { complaint } = await registerComplaint(
        p,
        onTenant,
        principal(onTenant.id, ['intake']),
        IntakeSchema.parse(intakeBody(overrides)),
        `k-${Math.random()}`,
      );
      await settle();
      return complaint.id;
    },
    async act<I>(
      id: string,
      decide: (r: ComplaintRecord, input: I, ctx: ActionContext) => Transition | Promise<Transition>,
      input: I,
      who = staff(['supervisor'], 'handler-1'),
      onTenant: Tenant = tenant,
    ) {
      const view = await performAction(p, onTenant, who, id, (r, ctx) => decide(r, input, ctx));
      await settle();
      return view;
    },
    /** The failure an action ends with, or undefined when it succeeded. */
    async refused<I>(
      id: string,
      decide: (r: ComplaintRecord, input: I, ctx: ActionContext) => Transition | Promise<Transition>,
      input: I,
      who = staff(['supervisor'], 'handler-1'),
    ) {
      try {
        await s.act(id, decide, input, who);
        return undefined;
      } catch (e) {
        return e as { kind: string; code: string };
      }
    },
    advance: async (iso: string) => {
      await clock.advanceTo(iso);
      await settle();
    },
    async record(id: string, onTenant: Tenant = tenant) {
      return (await p.complaints.get(onTenant.tableName, id))!;
    },
    async events(id: string, onTenant: Tenant = tenant): Promise<ComplaintEvent[]> {
      return (await p.complaints.events(onTenant.tableName, id, 1000)).items;
    },
    async types(id: string, onTenant: Tenant = tenant) {
      return (await s.events(id, onTenant)).map((e) => e.type);
    },
    async escalations(id: string, onTenant: Tenant = tenant): Promise<(Record<string, unknown> & { at: string })[]> {
      return (await s.events(id, onTenant)).filter((e) => e.type === 'escalated').map((e) => ({ ...e.data, at: e.at }));
    },
    step: async (id: string, onTenant: Tenant = tenant) =>
      (await p.complaints.getPosition(onTenant.tableName, id))?.step,
    /** The status of the execution that runs the complaint now (another name than its id after a restart). */
    execution: async (id: string, onTenant: Tenant = tenant) => {
      const name = executionOf(id, await p.complaints.getPosition(onTenant.tableName, id));
      return (await p.engine.describeExecution(name)).status;
    },
  };
  return s;
}
