import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/**
 * How every Lambda is bundled — the single source for the CDK stack (`NodejsFunction`), the bundle
 * size test and any bench script, so all three build exactly the same artefact.
 *
 * ESM (tree-shakes better), minified, with a linked source map (NODE_OPTIONS=--enable-source-maps
 * at runtime). The AWS SDK v3 ships with the nodejs22.x runtime, so it stays external. Some CJS
 * dependencies call `require`, which ESM lacks: the banner provides one.
 */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const CORE_FUNCTION_NAMES = ['api', 'admin', 'regulator', 'workflow', 'provisioner'] as const;
export const FUNCTION_NAMES = [...CORE_FUNCTION_NAMES, 'webhook-dispatcher', 'webhook-sender'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];
/** The functions whose roles TenantIsolation owns; webhook delivery brings its own. */
export type CoreFunctionName = (typeof CORE_FUNCTION_NAMES)[number];

export const entryOf = (name: FunctionName) => join(REPO_ROOT, 'functions', name, 'index.ts');

/** The functions that serve pages (console, portal): their bundles carry the pages' assets. */
export const WEB_FUNCTION_NAMES = ['api', 'regulator'] as const satisfies readonly FunctionName[];
const servesPages = (name: FunctionName) => (WEB_FUNCTION_NAMES as readonly string[]).includes(name);

/** Node version of the Lambda runtime (nodejs22.x) as an esbuild target. */
export const NODE_TARGET = 'node22';
export const EXTERNAL_MODULES = ['@aws-sdk/*'];
export const ESM_BANNER =
  "import { createRequire as __redressCreateRequire } from 'node:module'; const require = __redressCreateRequire(import.meta.url);";

export const bundlingOptions: BundlingOptions = {
  forceDockerBundling: false,
  format: OutputFormat.ESM,
  target: NODE_TARGET,
  minify: true,
  sourceMap: true,
  // Stack traces need the mappings, not a second copy of the sources: keeps the asset small.
  sourcesContent: false,
  externalModules: EXTERNAL_MODULES,
  mainFields: ['module', 'main'],
  banner: ESM_BANNER,
};

const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/**
 * What the bundling runs after esbuild for a function with pages: `web-assets.json` (the stylesheet
 * and script, built by infra/web-assets as the local runtime builds them) into the bundle directory,
 * locally and offline like the rest of the bundling (infra/aws/web-assets-file.ts).
 */
export const webAssetsCommand = (outputDir: string) =>
  `cd ${shellQuote(REPO_ROOT)} && ${shellQuote(process.execPath)} --import tsx infra/aws/web-assets-file.ts ${shellQuote(outputDir)}`;

/** `bundlingOptions`, plus the assets step for the functions that serve pages. */
export function bundlingOptionsFor(name: FunctionName): BundlingOptions {
  if (!servesPages(name)) return bundlingOptions;
  return {
    ...bundlingOptions,
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (_inputDir, outputDir) => [webAssetsCommand(outputDir)],
    },
  };
}

/**
 * The same bundle through esbuild's API: what `NodejsFunction` runs with `bundlingOptions`
 * (`--bundle --platform=node --target=node22 --format=esm --minify --sourcemap
 * --sources-content=false --external:@aws-sdk/* --main-fields=module,main --banner:js=…`,
 * output `index.mjs`).
 */
export function esbuildOptionsFor(name: FunctionName, outdir: string): BuildOptions {
  return {
    entryPoints: [entryOf(name)],
    outfile: join(outdir, 'index.mjs'),
    bundle: true,
    platform: 'node',
    target: NODE_TARGET,
    format: 'esm',
    minify: bundlingOptions.minify,
    sourcemap: bundlingOptions.sourceMap,
    sourcesContent: bundlingOptions.sourcesContent,
    external: EXTERNAL_MODULES,
    mainFields: bundlingOptions.mainFields,
    banner: { js: ESM_BANNER },
    absWorkingDir: REPO_ROOT,
    logLevel: 'silent',
  };
}
