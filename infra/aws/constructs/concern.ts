import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Construct, type IConstruct } from 'constructs';

/**
 * Groups the resources of one concern (control plane, tenant isolation, …) without taking part in
 * their logical ids: a stack of concerns deploys as an update of the stack that had every resource
 * at its root, instead of replacing tables, roles and the API under new names.
 */
export class Concern extends Construct {
  static is(c: IConstruct): boolean {
    return c instanceof Concern;
  }
}

/**
 * A stack whose logical ids skip `Concern` scopes; the rest of CDK's scheme (path hash, human
 * part) is CDK's own, reached through the documented `allocateLogicalId` override.
 */
export class ConcernStack extends Stack {
  protected override allocateLogicalId(element: CfnElement): string {
    const scopes = element.node.scopes.filter((s) => !Concern.is(s));
    return super.allocateLogicalId({ node: { scopes }, stack: this } as unknown as CfnElement);
  }
}
