import { rmSync } from 'node:fs';
import { type PolicyValidationPluginReport, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Synth, synthesize } from './synth';

let s: Synth;
let report: PolicyValidationPluginReport;

type Ack = { path: string; id: string; reason: string };
function acknowledgements(root: IConstruct): Ack[] {
  const out: Ack[] = [];
  for (const c of root.node.findAll()) {
    for (const m of c.node.metadata) {
      if (m.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !m.data) continue;
      for (const [id, v] of Object.entries(m.data as Record<string, unknown>)) {
        const reason = typeof v === 'string' ? v : String((v as { reason?: string })?.reason ?? '');
        out.push({ path: c.node.path, id: id.replace(/^annotation::/i, ''), reason });
      }
    }
  }
  return out;
}

beforeAll(() => {
  // cdk-nag reads the construct tree, not the code: no need to bundle the functions here.
  s = synthesize({ bundle: false });
  report = new AwsSolutionsChecks(s.app).validateScope(s.stack);
});

afterAll(() => {
  if (s) rmSync(s.outdir, { recursive: true, force: true });
});

describe('cdk-nag AwsSolutions', () => {
  it('has no unacknowledged findings', () => {
    const findings = report.violations.map((v) => ({
      rule: v.ruleName,
      where: v.violatingResources.map((r) => r.constructPath),
      why: v.description,
    }));
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('acknowledges every finding with a reason written in the code', () => {
    const acks = acknowledgements(s.stack);
    expect(acks.length).toBeGreaterThan(0);
    for (const a of acks) {
      expect(a.id, a.path).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(a.reason.trim().length, `${a.path} ${a.id}`).toBeGreaterThan(20);
    }
  });

  it('acknowledges nothing at stack level (each acknowledgement sits on the resource it is about)', () => {
    expect(acknowledgements(s.stack).filter((a) => a.path === s.stack.node.path)).toEqual([]);
  });

  it('still reports findings that are not acknowledged (the check is live)', () => {
    const fresh = synthesize({ bundle: false, context: { stage: 'nagprobe' } });
    // Remove the acknowledgements: the wildcard findings must come back.
    for (const c of fresh.stack.node.findAll()) {
      (c.node as unknown as { _metadata: { type: string }[] })._metadata = c.node.metadata.filter(
        (m) => m.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY,
      );
    }
    const raw = new AwsSolutionsChecks(fresh.app).validateScope(fresh.stack);
    rmSync(fresh.outdir, { recursive: true, force: true });
    const rules = raw.violations.map((v) => v.ruleName);
    expect(rules.some((r) => r.startsWith('AwsSolutions-IAM5'))).toBe(true);
    // And every acknowledgement in the real stack matches a finding that exists (no stale acknowledgements).
    const found = new Set(rules.map((r) => r.replace(/nagprobe/g, 'dev')));
    const stale = [...new Set(acknowledgements(s.stack).map((a) => a.id))].filter((id) => !found.has(id));
    expect(stale).toEqual([]);
  });
});
