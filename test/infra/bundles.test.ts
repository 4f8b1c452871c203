import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWebAssets, WEB_ASSETS_FILE } from '../../functions/web-assets';
import {
  esbuildOptionsFor,
  FUNCTION_NAMES,
  type FunctionName,
  REPO_ROOT,
  WEB_FUNCTION_NAMES,
} from '../../infra/aws/bundling';
import { buildWebAssets } from '../../infra/web-assets/build-web-assets';
import { type Synth, synthesize } from './synth';

const LIMIT = 1024 * 1024;
let dir: string;
let s: Synth;
const metas = new Map<FunctionName, Metafile>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redress-bundles-'));
  // The bundles keep @aws-sdk/* external (the Lambda runtime provides it): resolve it from the repo.
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await Promise.all(
    FUNCTION_NAMES.map(async (name) => {
      const res = await build({ ...esbuildOptionsFor(name, join(dir, name)), metafile: true });
      metas.set(name, res.metafile!);
    }),
  );
  // The same functions as `cdk synth` bundles them (NodejsFunction, local esbuild).
  s = synthesize({ bundle: true });
  // Fourteen esbuild runs and the two functions' asset builds (a tsx process each): past two minutes
  // on a loaded two-core machine.
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (s) rmSync(s.outdir, { recursive: true, force: true });
});

const assetDir = (name: FunctionName) => {
  const fn = s.json.Resources[s.logicalId(s.stack.functions[name].node.defaultChild)]!;
  const key = String(fn.Properties!.Code.S3Key).replace(/\.zip$/, '');
  return join(s.outdir, `asset.${key}`);
};

describe('Lambda bundles', () => {
  it.each(FUNCTION_NAMES)('%s: under 1 MB, one entry, no AWS SDK inside', (name) => {
    const size = statSync(join(dir, name, 'index.mjs')).size;
    expect(size).toBeGreaterThan(10_000);
    expect(size).toBeLessThan(LIMIT);
    const inputs = Object.keys(metas.get(name)!.inputs);
    expect(inputs.filter((i) => i.includes('node_modules/@aws-sdk/'))).toEqual([]);
    const entries = inputs.filter((i) => /^functions\/[^/]+\/index\.ts$/.test(i));
    expect(entries).toEqual([`functions/${name}/index.ts`]);
    expect(inputs.some((i) => i.startsWith('infra/'))).toBe(false);
  });

  it.each(FUNCTION_NAMES)(
    '%s: CDK bundles exactly what the exported options build (index.mjs + source map, under 1 MB)',
    (name) => {
      const cdk = readFileSync(join(assetDir(name), 'index.mjs'));
      expect(cdk.length).toBeLessThan(LIMIT);
      expect(cdk.equals(readFileSync(join(dir, name, 'index.mjs')))).toBe(true);
      expect(statSync(join(assetDir(name), 'index.mjs.map')).size).toBeGreaterThan(0);
    },
  );

  it("api and regulator: CDK puts the pages' assets beside index.mjs, as the local builder makes them (same version); no other function has them", async () => {
    const local = await buildWebAssets();
    for (const name of FUNCTION_NAMES) {
      const bundled = loadWebAssets(pathToFileURL(`${assetDir(name)}/`));
      if (!(WEB_FUNCTION_NAMES as readonly string[]).includes(name)) {
        expect(existsSync(join(assetDir(name), WEB_ASSETS_FILE)), name).toBe(false);
        continue;
      }
      expect(bundled?.version, name).toBe(local.version);
      expect([...bundled!.files.keys()].sort(), name).toEqual(['app.css', 'app.js']);
      for (const [file, a] of local.files) expect(bundled!.files.get(file), `${name} ${file}`).toEqual(a);
    }
  });

  it('api and regulator: the pages are inside, the development sign-in is not (it exists only in the local runtime)', () => {
    const inputs = (name: FunctionName) => Object.keys(metas.get(name)!.inputs);
    expect(inputs('api')).toContain('shared/web/console/console-surface.ts');
    expect(inputs('regulator')).toContain('shared/web/portal/portal-surface.ts');
    expect(inputs('api')).not.toContain('shared/web/portal/portal-surface.ts');
    expect(inputs('regulator')).not.toContain('shared/web/console/console-surface.ts');
    for (const name of FUNCTION_NAMES) {
      expect(inputs(name), name).not.toContain('shared/web/auth/dev-sign-in.tsx');
      expect(inputs(name), name).not.toContain('infra/local/http/dev-issuer.ts');
    }
    // The operator has no pages: the admin function bundles neither surface.
    expect(inputs('admin').filter((i) => /^shared\/web\/(console|portal)\//.test(i))).toEqual([]);
  });

  it('the ESM bundles load in plain Node (createRequire banner, source maps on) and export a handler', () => {
    const script = `for (const f of ${JSON.stringify(FUNCTION_NAMES.map((n) => pathToFileURL(join(dir, n, 'index.mjs')).href))}) { const m = await import(f); if (typeof m.handler !== 'function') throw new Error('no handler in ' + f); }`;
    const env = {
      ...process.env,
      AWS_REGION: 'eu-central-1',
      REDRESS_TABLE_PREFIX: 'redress-test-',
      NODE_OPTIONS: '--enable-source-maps',
    };
    expect(() =>
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, stdio: 'pipe', timeout: 60_000 }),
    ).not.toThrow();
  });
});
