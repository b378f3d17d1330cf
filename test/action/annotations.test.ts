import { describe, expect, it } from 'vitest';
import { buildAnnotations } from '../../src/action/annotations';
import type { Finding, Notice, Severity } from '../../src/model';
import { finding, range, resource, rule, sampleResult } from '../helpers/scan-result';

function findingsOf(severity: Severity, count: number, file = 'many.yaml'): Finding[] {
  const r = rule(`aws-${severity}`, severity);
  return Array.from({ length: count }, (_, i) => {
    const at = range(file, i + 1, 3, i + 1, 9);
    return finding(r, resource(file, `R${i}`, 'AWS::S3::Bucket', at), at);
  });
}

function parseError(line: number): Notice {
  return { level: 'error', code: 'parse-error', message: `bad YAML at line ${line}`, file: 'x.yaml', range: range('x.yaml', line, 1, line, 2) };
}

describe('annotations', () => {
  it('annotates the input problems and unsuppressed findings, at the GitHub level of their severity', () => {
    const r = sampleResult();
    const { commands, omitted } = buildAnnotations(r.findings, r.notices, '');
    expect(commands).toEqual([
      '::error file=broken.yaml,line=5,endLine=5,col=18,endColumn=18,title=iac-scan parse-error::broken.yaml:5:18: expected a closing ] before the end of the file; close the flow sequence.',
      '::warning title=iac-scan unknown-rule::config ignore names rule aws-nope, which does not exist.',
      '::error file=templates/app.yaml,line=10,endLine=10,col=89,endColumn=91,title=aws-iam-no-admin-policy (critical)%3A Title of aws-iam-no-admin-policy::' +
        'Role AdminRole allows every action ("*") on every resource%0AOwner: customer · ISO 27001: A.5.15, A.8.2 · ISO 27017: CLD.9.5.1%0A' +
        'https://github.com/iac-scan/iac-scan/blob/main/docs/rules/aws-iam-no-admin-policy.md',
      '::notice file=logs dir/logs.json,line=3,endLine=3,col=60,endColumn=79,title=aws-logs-retention (low)%3A Title of aws-logs-retention::' +
        'Logs breaks aws-logs-retention%0AOwner: customer · ISO 27001: A.8.15 · ISO 27017: —%0A' +
        'https://github.com/iac-scan/iac-scan/blob/main/docs/rules/aws-logs-retention.md',
    ]);
    expect(omitted).toEqual({ error: 0, warning: 0, notice: 0 });
  });

  it('prefixes paths when the scan root is below the repository root', () => {
    const r = sampleResult();
    const { commands } = buildAnnotations(r.findings, [], 'infra/');
    expect(commands[0]).toContain('file=infra/templates/app.yaml,');
  });

  it('leaves columns out of multi-line ranges', () => {
    const at = range('a.yaml', 4, 5, 7, 2);
    const f = finding(rule('aws-x', 'medium'), resource('a.yaml', 'X', 'T', at), at);
    expect(buildAnnotations([f], [], '').commands[0]).toMatch(/^::warning file=a\.yaml,line=4,endLine=7,title=/);
  });

  it('keeps at most 10 per level, input problems first, then the most severe findings', () => {
    const high = findingsOf('high', 12, 'a.yaml');
    const critical = findingsOf('critical', 4, 'z.yaml');
    const medium = findingsOf('medium', 13);
    const notices = [parseError(1), parseError(2)];
    const { commands, omitted } = buildAnnotations([...high, ...medium, ...critical], notices, '');
    const errors = commands.filter((c) => c.startsWith('::error'));
    expect(errors).toHaveLength(10);
    expect(errors.slice(0, 2).every((c) => c.includes('title=iac-scan parse-error'))).toBe(true);
    expect(errors.slice(2, 6).every((c) => c.includes('(critical)'))).toBe(true);
    expect(errors.slice(6).every((c) => c.includes('(high)'))).toBe(true);
    // Among equals, file order: the first four high findings are kept.
    expect(errors.slice(6).map((c) => /line=(\d+)/.exec(c)![1])).toEqual(['1', '2', '3', '4']);
    expect(commands.filter((c) => c.startsWith('::warning'))).toHaveLength(10);
    expect(omitted).toEqual({ error: 8, warning: 3, notice: 0 });
  });

  it('never annotates a suppressed finding', () => {
    const [f] = findingsOf('critical', 1);
    const suppressed = { ...f, suppression: { kind: 'config' as const, justification: 'accepted risk' } };
    expect(buildAnnotations([suppressed], [], '')).toEqual({ commands: [], omitted: { error: 0, warning: 0, notice: 0 } });
  });
});
