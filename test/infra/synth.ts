import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/aws/app';
import { REPO_ROOT } from '../../infra/aws/bundling';
import type { RedressStack } from '../../infra/aws/redress-stack';

export type Synth = {
  app: App;
  stack: RedressStack;
  template: Template;
  json: CfnTemplate;
  outdir: string;
  logicalId: (c: unknown) => string;
};
export type CfnTemplate = {
  Resources: Record<
    string,
    { Type: string; Properties?: Record<string, any>; Condition?: string; DependsOn?: unknown }
  >;
  Parameters?: Record<string, any>;
};

/**
 * One synthesis of the real app (same entry as `cdk synth`), into a fresh directory.
 * `bundle: false` skips asset bundling (`aws:cdk:bundling-stacks: []`): the template is the same
 * except for the code's asset hash; only the bundle test needs the real bundles.
 */
export function synthesize(o: { bundle: boolean; context?: Record<string, unknown> }): Synth {
  const outdir = mkdtempSync(join(tmpdir(), 'redress-cdk-'));
  const app = new App({
    outdir,
    // The context `cdk synth` runs with (feature flags, defaults), then the test's own.
    context: {
      ...cdkJsonContext(),
      ...(o.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      region: 'eu-central-1',
      ...o.context,
    },
  });
  const { stack } = buildApp(app);
  const template = Template.fromStack(stack);
  const json = template.toJSON() as CfnTemplate;
  return { app, stack, template, json, outdir, logicalId: (c) => stack.getLogicalId(c as CfnElement) };
}

function cdkJsonContext(): Record<string, unknown> {
  return (
    (JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> }).context ??
    {}
  );
}

/** A CloudFormation value as a string: Fn::Join concatenated, Ref/GetAtt as <Name> / <Name.Attr>. */
export function render(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const o = v as Record<string, any>;
    if ('Ref' in o) return `<${o.Ref}>`;
    if ('Fn::GetAtt' in o) return `<${o['Fn::GetAtt'].join('.')}>`;
    if ('Fn::Join' in o) return (o['Fn::Join'][1] as unknown[]).map(render).join(o['Fn::Join'][0]);
    if ('Fn::Sub' in o) return String(o['Fn::Sub']);
  }
  return JSON.stringify(v);
}

export type Statement = {
  Effect: string;
  Action?: string | string[];
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Principal?: unknown;
  Condition?: Record<string, any>;
  Sid?: string;
};
export type OwnedStatement = { where: string; kind: string; roles: string[]; statement: Statement };

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
export const actionsOf = (s: Statement) => asList(s.Action as string | string[] | undefined);
export const resourcesOf = (s: Statement) => asList(s.Resource).map(render);

/**
 * Every policy statement in the template, whatever holds it: IAM policies and managed policies
 * (with the roles they attach to), roles' inline policies and trust policies, and resource
 * policies (KMS key policies, queue and topic policies, anything else with a PolicyDocument).
 */
export function allStatements(t: CfnTemplate): OwnedStatement[] {
  const out: OwnedStatement[] = [];
  const refs = (v: unknown) =>
    asList(v as unknown[]).map((r) =>
      r && typeof r === 'object' && 'Ref' in (r as object) ? String((r as { Ref: string }).Ref) : render(r),
    );
  for (const [id, r] of Object.entries(t.Resources)) {
    const p = r.Properties ?? {};
    const push = (doc: any, where: string, roles: string[]) => {
      for (const s of asList(doc?.Statement)) out.push({ where, kind: r.Type, roles, statement: s as Statement });
    };
    if (r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy')
      push(p.PolicyDocument, id, refs(p.Roles));
    else if (r.Type === 'AWS::IAM::Role') {
      push(p.AssumeRolePolicyDocument, `${id}#trust`, [id]);
      for (const inline of asList(p.Policies as any[])) push(inline.PolicyDocument, `${id}#${inline.PolicyName}`, [id]);
    } else if (r.Type === 'AWS::KMS::Key') push(p.KeyPolicy, id, []);
    else {
      // Any other resource carrying a policy document (queue, topic, bucket, event bus policies, …).
      for (const [k, v] of Object.entries(p))
        if (/Policy(Document)?$/.test(k) && (v as any)?.Statement) push(v, `${id}.${k}`, []);
    }
  }
  return out;
}
