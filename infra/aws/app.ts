import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PARAMETER_CONTEXT_KEYS } from './constructs/deploy-parameters';
import { RedressStack } from './redress-stack';

/**
 * The CDK app (`cdk.json` → `npx tsx infra/aws/app.ts`). Account-agnostic: synthesizes offline
 * without an AWS account. Region: context `region`, else CDK_DEPLOY_REGION / CDK_DEFAULT_REGION,
 * else eu-central-1.
 * Context (`-c key=value` or cdk.json): `stage`, `tablePrefix`, and defaults for the identity and
 * alarm parameters (`idpIssuer`, `idpAudience`, `idpJwksUrl`, `regulatorIssuer`, `regulatorAudience`,
 * `regulatorJwksUrl`, `operatorIssuer`, `operatorAudience`, `operatorJwksUrl`, `alarmEmail`), see
 * infra/aws/README.md.
 */
export const DEFAULT_REGION = 'eu-central-1';

export function buildApp(app = new App()) {
  const ctx = (k: string): string | undefined => {
    const v = app.node.tryGetContext(k);
    return v === undefined || v === null ? undefined : String(v);
  };
  const stage = ctx('stage') ?? 'dev';
  const tablePrefix = ctx('tablePrefix') ?? `redress-${stage}-`;
  const region = ctx('region') ?? process.env.CDK_DEPLOY_REGION ?? process.env.CDK_DEFAULT_REGION ?? DEFAULT_REGION;
  const defaults = Object.fromEntries(
    PARAMETER_CONTEXT_KEYS.flatMap((k) => {
      const v = ctx(k);
      return v === undefined ? [] : [[k, v]];
    }),
  );
  const stack = new RedressStack(app, `Redress-${stage}`, {
    stage,
    tablePrefix,
    defaults,
    description: `Redress complaint-handling platform (${stage})`,
    // Account-agnostic (offline synth needs no account; deploy uses the credentials' account). The
    // region must be concrete: TableV2 renders its customer-managed key per replica region.
    env: { region, ...(ctx('account') && { account: ctx('account') }) },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('infra/aws/app.ts')) {
  buildApp().app.synth();
}
