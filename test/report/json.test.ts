import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report';
import { sampleResult } from '../helpers/scan-result';

const OPTIONS = { category: 'iac-scan', toolVersion: '1.2.3', color: false, failOn: 'medium' as const, cwd: '/work/repo' };

function report(result = sampleResult(), failOn: 'medium' | 'none' = 'medium'): any {
  return JSON.parse(renderReport('json', result, { ...OPTIONS, failOn }));
}

describe('JSON report', () => {
  it('carries a version, the tool and summary counts', () => {
    const r = report();
    expect(r.version).toBe(1);
    expect(r.tool).toEqual({ name: 'iac-scan', version: '1.2.3' });
    expect(r.summary).toEqual({
      files: 3,
      resources: 3,
      rules: 4,
      findings: 2,
      suppressed: 1,
      bySeverity: { critical: 1, high: 0, medium: 0, low: 1 },
      byOwner: { customer: 2, shared: 0, provider: 0 },
      failOn: 'medium',
      failing: 1,
      errors: 1,
      warnings: 1,
      exitCode: 2,
    });
    expect(report(sampleResult(), 'none').summary.failing).toBe(0);
  });

  it('describes each finding with rule, severity, owner, controls, place, address and fingerprint', () => {
    const [admin] = report().findings;
    expect(admin).toMatchObject({
      ruleId: 'aws-iam-no-admin-policy',
      severity: 'critical',
      owner: 'customer',
      controls: { iso27001: ['A.5.15', 'A.8.2'], iso27017: ['CLD.9.5.1'] },
      file: 'templates/app.yaml',
      range: { start: { line: 10, column: 89 }, end: { line: 10, column: 92 } },
      address: 'AppStack/AdminRole',
      resourceType: 'AWS::IAM::Role',
      path: 'Policies[0].PolicyDocument.Statement[0].Action',
      fingerprint: 'fp-aws-iam-no-admin-policy-AdminRole',
      suppression: null,
    });
    expect(admin.related).toEqual([
      {
        file: 'templates/app.yaml',
        range: { start: { line: 5, column: 14 }, end: { line: 5, column: 15 } },
        message: 'value comes from the Default of parameter [Days]',
      },
      {
        file: 'bin/app.ts',
        range: { start: { line: 12, column: 5 }, end: { line: 12, column: 40 } },
        message: 'AdminRole is declared here',
      },
    ]);
  });

  it('keeps suppressed findings, with the suppression', () => {
    const suppressed = report().findings[1];
    expect(suppressed.ruleId).toBe('aws-s3-versioning');
    expect(suppressed.suppression).toEqual({
      kind: 'inline',
      justification: 'scratch data',
      until: '2027-03-31',
      file: 'templates/app.yaml',
      range: { start: { line: 11, column: 12 }, end: { line: 11, column: 60 } },
    });
  });

  it('reports the effective severity of a finding', () => {
    const result = sampleResult();
    result.findings[2] = { ...result.findings[2], severity: 'high' };
    const r = report(result);
    expect(r.findings[2].severity).toBe('high');
    expect(r.summary.bySeverity.high).toBe(1);
    expect(r.summary.failing).toBe(2);
  });

  it('lists notices with file and range when known', () => {
    expect(report().notices).toEqual([
      {
        level: 'error',
        code: 'parse-error',
        message: expect.stringContaining('expected a closing ]'),
        file: 'broken.yaml',
        range: { start: { line: 5, column: 18 }, end: { line: 5, column: 19 } },
      },
      { level: 'warning', code: 'unknown-rule', message: expect.any(String), file: null, range: null },
    ]);
  });

  it('holds no absolute path and is the same text for the same scan', () => {
    const text = renderReport('json', sampleResult('/home/someone/repo'), OPTIONS);
    expect(text).not.toContain('/home/someone');
    expect(renderReport('json', sampleResult('/home/someone/repo'), OPTIONS)).toBe(text);
  });
});
