import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { Lifecycle } from '../../../infra/aws/constructs/lifecycle';
import { lifecycleDefinition } from '../../../shared/workflow/definition';
import { render } from '../synth';
import { bareStack } from './bare-stack';

function build() {
  const b = bareStack();
  const workflowRole = b.role('WorkflowRole');
  const lifecycle = new Lifecycle(b.stack, 'Lifecycle', {
    stage: 'x',
    tablePrefix: 'p-',
    workflowRole,
    tenantDataRole: b.role('TenantDataRole'),
    deadLetterQueue: b.queue(),
  });
  const other = b.role('Other');
  lifecycle.grantExecutions(other);
  const operator = b.role('Operator');
  lifecycle.grantExecutions(operator);
  lifecycle.grantRestarts(operator);
  return { b, lifecycle, t: b.template(), workflowRole, other, operator };
}

describe('Lifecycle construct', () => {
  it('is the shared ASL as a Standard machine named <prefix>lifecycle, whose role invokes the workflow function only', () => {
    const { t, b, lifecycle } = build();
    t.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'p-lifecycle',
      StateMachineType: 'STANDARD',
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
    });
    const sm = Object.values(t.findResources('AWS::StepFunctions::StateMachine'))[0]!;
    expect(JSON.parse(sm.Properties.DefinitionString)).toEqual(lifecycleDefinition());
    const smRole = b.stack.getLogicalId(lifecycle.stateMachine.role.node.defaultChild as never);
    const invoke = Object.values(t.findResources('AWS::IAM::Policy')).find((p) =>
      p.Properties.Roles.some((r: { Ref: string }) => r.Ref === smRole),
    )!.Properties.PolicyDocument.Statement;
    const invokes = invoke.filter((st: { Action: string | string[] }) =>
      [st.Action].flat().some((a) => a.startsWith('lambda:')),
    );
    expect(invokes).toEqual([
      {
        Sid: 'InvokeWorkflow',
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: { 'Fn::GetAtt': [b.stack.getLogicalId(lifecycle.workflow.node.defaultChild as never), 'Arn'] },
      },
    ]);
  });

  it('hands the workflow function the machine ARN it will have, the bus and the tenant role', () => {
    const { t, lifecycle, b } = build();
    const fn =
      t.findResources('AWS::Lambda::Function')[b.stack.getLogicalId(lifecycle.workflow.node.defaultChild as never)]!;
    expect(Object.keys(fn.Properties.Environment.Variables).sort()).toEqual([
      'NODE_OPTIONS',
      'POWERTOOLS_SERVICE_NAME',
      'REDRESS_EVENT_BUS',
      'REDRESS_STATE_MACHINE_ARN',
      'REDRESS_TABLE_PREFIX',
      'REDRESS_TENANT_ROLE_ARN',
    ]);
    expect(render(b.stack.resolve(lifecycle.stateMachineArn))).toBe(
      'arn:<AWS::Partition>:states:eu-central-1:<AWS::AccountId>:stateMachine:p-lifecycle',
    );
    expect(render(fn.Properties.Environment.Variables.REDRESS_STATE_MACHINE_ARN)).toBe(
      render(b.stack.resolve(lifecycle.stateMachineArn)),
    );
    t.resourceCountIs('AWS::Events::EventBus', 1);
  });

  it('grants start, task tokens and describe on this machine only; failed executions go to the queue', () => {
    const { t, b, other } = build();
    const st = Object.values(t.findResources('AWS::IAM::Policy')).find((p) =>
      p.Properties.Roles.some((r: { Ref: string }) => r.Ref === b.stack.getLogicalId(other.node.defaultChild as never)),
    )!.Properties.PolicyDocument.Statement as { Sid: string; Action: string | string[] }[];
    expect(st.map((s) => s.Sid)).toEqual(['LifecycleExecutions', 'LifecycleTaskTokens', 'LifecycleDescribe']);
    expect(st.flatMap((s) => [s.Action].flat()).every((a) => a.startsWith('states:'))).toBe(true);
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ detail: Match.objectLike({ status: ['FAILED', 'TIMED_OUT', 'ABORTED'] }) }),
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Queue'), 'Arn'] } })],
    });
  });

  it("adds stopping this machine's executions, for lifecycle repair, to whom it is granted only", () => {
    const { t, b, other, operator } = build();
    const statementsOf = (role: typeof other) =>
      Object.values(t.findResources('AWS::IAM::Policy')).find((p) =>
        p.Properties.Roles.some(
          (r: { Ref: string }) => r.Ref === b.stack.getLogicalId(role.node.defaultChild as never),
        ),
      )!.Properties.PolicyDocument.Statement as { Sid: string; Action: string | string[]; Resource: unknown }[];
    const restarts = statementsOf(operator).find((st) => st.Sid === 'LifecycleRestarts')!;
    expect(restarts.Action).toBe('states:StopExecution');
    expect(render(restarts.Resource)).toBe(
      'arn:<AWS::Partition>:states:eu-central-1:<AWS::AccountId>:execution:p-lifecycle:*',
    );
    expect(statementsOf(other).flatMap((st) => [st.Action].flat())).not.toContain('states:StopExecution');
  });
});
