import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Builds the API's OpenAPI document in a fresh Node process after evaluating every domain,
 * application and webhook module. With `domainFirst` they come before anything imports
 * @hono/zod-openapi, as in an entry (or a test worker) that reads a domain module first: their
 * schemas are then built without a `.openapi` of their own. Otherwise the extension comes first.
 */
const documentIn = async (domainFirst: boolean) => {
  const script = `
    import { readdirSync } from 'node:fs';
    if (!${domainFirst}) await import('@hono/zod-openapi');
    for (const dir of ['shared/domain', 'shared/application', 'shared/webhooks'])
      for (const f of readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.ts')).sort())
        await import('./' + dir + '/' + f);
    const { TenantSchema } = await import('./shared/domain/tenant/tenant-schema.ts');
    const builtBare = !('openapi' in TenantSchema);
    const { OpenAPIHono } = await import('@hono/zod-openapi');
    const app = new OpenAPIHono();
    for (const m of ['admin', 'regulator', 'tenant']) {
      const surfaces = await import('./shared/http/surfaces/' + m + '.ts');
      for (const s of Object.values(surfaces)) s.register(app, {});
    }
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    console.log(JSON.stringify({ builtBare, schemas: Object.keys(doc.components.schemas).sort(), paths: Object.keys(doc.paths).length }));
  `;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: ROOT, env: { ...process.env, REDRESS_LOG: 'silent' } },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { builtBare: boolean; schemas: string[]; paths: number };
};

describe('the OpenAPI document does not depend on which module an entry imports first', () => {
  it('is the same when every domain schema was built before @hono/zod-openapi extended zod', async () => {
    const [usual, domainFirst] = await Promise.all([documentIn(false), documentIn(true)]);
    // The hazard was really set up: the domain's schemas have no `.openapi` of their own.
    expect(domainFirst.builtBare).toBe(true);
    expect(usual.builtBare).toBe(false);
    expect(domainFirst.schemas).toEqual(usual.schemas);
    expect(domainFirst.schemas).toEqual(expect.arrayContaining(['Tenant', 'Complaint', 'Intake', 'WebhookEndpoint']));
    expect(domainFirst.paths).toBe(usual.paths);
  });
});
