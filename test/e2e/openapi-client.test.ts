import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redressClient } from '../../clients/typescript/client';
import { clientTypes } from '../../clients/typescript/generate';
import { type InProcessRuntime, startInProcess } from '../support/in-process-runtime';

const ROOT = resolve(import.meta.dirname, '../..');
let server: InProcessRuntime;
let document: Record<string, any>;

beforeAll(async () => {
  server = await startInProcess({ env: { REDRESS_CLOCK: 'manual' }, listen: true });
  document = (await server.call('GET', '/openapi.json')).body;
});
afterAll(() => server?.stop());

describe('the OpenAPI document', () => {
  it('passes redocly lint with the recommended rules, without a warning', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'redress-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    // The linter exits non-zero on errors; warnings are counted from its JSON report.
    const { stdout } = await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/redocly'),
      ['lint', file, '--extends=recommended', '--format=json'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout.slice(stdout.indexOf('{')));
    const problems = report.problems.map((p: { ruleId: string; message: string }) => `${p.ruleId}: ${p.message}`);
    expect(problems).toEqual([]);
  });

  it('names every operation, so generated clients get method names', () => {
    const operations = Object.values(document.paths).flatMap((item: any) => Object.values(item)) as any[];
    expect(operations.length).toBeGreaterThan(20);
    const ids = operations.map((o) => o.operationId);
    expect(ids.filter((id) => typeof id !== 'string')).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('matches the committed client types (run `npm run client:generate` after changing a route)', async () => {
    const committed = readFileSync(join(ROOT, 'clients/typescript/schema.d.ts'), 'utf8');
    expect(await clientTypes(document)).toBe(committed);
  });
});

describe('the typed client', () => {
  it('drives one complaint from intake to close', async () => {
    const token = await server.token({ tenantId: 'demo-bank', roles: ['supervisor', 'pii:read'], sub: 'sup-1' });
    const api = redressClient(server.url, token);
    const until = async (id: string, step: string | null) => {
      for (let i = 0; i < 200; i++) {
        const { data } = await api.GET('/v1/complaints/{id}', { params: { path: { id } } });
        if (data?.waitingFor === step) return data;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`${id} never waited for ${step}`);
    };

    const created = await api.POST('/v1/complaints', {
      params: { header: { 'idempotency-key': `typed-${Date.now()}` } },
      body: {
        channel: 'phone',
        complainant: { name: '王小明', phone: '13912345678' },
        category: 'B-CAT-05',
        reason: 'B-RSN-01',
        description: '信用卡年费被重复扣收，要求退还。',
        amountInDispute: { amount: '600.00', currency: 'CNY' },
      },
    });
    expect(created.response.status).toBe(201);
    const id = created.data!.id;
    await until(id, 'acknowledgement');

    const path = { params: { path: { id } } };
    expect((await api.POST('/v1/complaints/{id}/acknowledge', { ...path, body: {} })).response.status).toBe(200);
    await until(id, 'decision');
    const units = await api.GET('/v1/units');
    const unitId = units.data!.units.at(-1)!.id;
    expect(
      (await api.POST('/v1/complaints/{id}/assign', { ...path, body: { unitId, assignee: 'handler-1' } })).response
        .status,
    ).toBe(200);
    const decided = await api.POST('/v1/complaints/{id}/decision', {
      ...path,
      body: { outcome: 'upheld', summary: '退还重复扣收的年费' },
    });
    expect(decided.data?.status).toBe('decided');
    await until(id, 'feedback');
    const now = (await server.call('GET', '/_local/clock')).body.now as string;
    const fed = await api.POST('/v1/complaints/{id}/feedback', {
      ...path,
      body: { channel: 'phone', deliveredAt: now, summary: '已电话告知' },
    });
    expect(fed.response.status).toBe(200);
    await until(id, 'review_window');

    // The complainant lets the review window pass: the lifecycle closes by itself.
    expect((await server.call('POST', '/_local/clock', { body: { advance: 'P40D' } })).status).toBe(200);
    const closed = await until(id, null);
    expect(closed.status).toBe('closed');

    const events = await api.GET('/v1/complaints/{id}/events', { params: { path: { id }, query: { limit: 100 } } });
    expect(events.data!.items.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'received',
        'acknowledged',
        'assigned',
        'decided',
        'feedback_delivered',
        'review_window_opened',
        'closed',
      ]),
    );
  });
});
