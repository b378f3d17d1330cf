import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/model';
import { renderReport } from '../../src/report';
import { pascalCase, ruleTags } from '../../src/report/sarif-rules';
import { finding, range, resource, rule, RULES, sampleResult } from '../helpers/scan-result';

const OPTIONS = { category: 'iac-scan', toolVersion: '1.2.3', color: false, failOn: 'low' as const, cwd: '/work/repo' };

function sarif(result = sampleResult(), options = OPTIONS): Log {
  return JSON.parse(renderReport('sarif', result, options)) as Log;
}

describe('SARIF report', () => {
  it('is one SARIF 2.1.0 run with GitHub category and the scan root as %SRCROOT%', () => {
    const log = sarif();
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.automationDetails?.id).toBe('iac-scan/');
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe('file:///work/repo/');
    expect(run.tool.driver.name).toBe('iac-scan');
    expect(run.tool.driver.semanticVersion).toBe('1.2.3');
  });

  it('keeps a category that already ends in a slash as it is', () => {
    expect(sarif(sampleResult(), { ...OPTIONS, category: 'infra/prod/' }).runs[0].automationDetails?.id).toBe('infra/prod/');
  });

  it('lists only the rules that ran, sorted by id, and points each result at its rule', () => {
    const run = sarif().runs[0];
    const ids = run.tool.driver.rules!.map((r) => r.id);
    expect(ids).toEqual(['aws-iam-no-admin-policy', 'aws-kms-key-rotation', 'aws-logs-retention', 'aws-s3-versioning']);
    for (const r of run.results!) expect(ids[r.ruleIndex!]).toBe(r.ruleId);
  });

  it('describes each rule for code scanning: names, help, level and security severity', () => {
    const admin = sarif().runs[0].tool.driver.rules!.find((r) => r.id === 'aws-iam-no-admin-policy')!;
    expect(admin.name).toBe('AwsIamNoAdminPolicy');
    expect(admin.shortDescription?.text).toBe(RULES.admin.title);
    expect(admin.fullDescription?.text).toBe(RULES.admin.description);
    expect(admin.helpUri).toBe('https://github.com/iac-scan/iac-scan/blob/main/docs/rules/aws-iam-no-admin-policy.md');
    expect(admin.defaultConfiguration?.level).toBe('error');
    expect(admin.properties?.['security-severity']).toBe('9.5');
    expect(admin.properties?.precision).toBe('high');
    expect(admin.properties?.tags).toEqual([
      'security',
      'owner:customer',
      'iso27001:A.5.15',
      'iso27001:A.8.2',
      'iso27017:CLD.9.5.1',
    ]);
    const md = admin.help!.markdown!;
    expect(md).toMatch(/^# Title of aws-iam-no-admin-policy\n\n`aws-iam-no-admin-policy` · severity \*\*critical\*\* · owner \*\*customer\*\*/);
    expect(md).toContain('- A.5.15 Access control (ISO/IEC 27001:2022 Annex A)\n- A.8.2 Privileged access rights (ISO/IEC 27001:2022 Annex A)');
    expect(md).toContain('- CLD.9.5.1 Segregation in virtual computing environments (ISO/IEC 27017)');
    expect(md).toContain('Grant only the actions the role needs.');
    expect(md).toContain('## Remediation (CDK)');
    expect(md).not.toContain('Remediation (Terraform)');
    expect(md).toContain('<https://docs.aws.amazon.com/example>');
    expect(admin.help!.text).toContain('Owner: customer');
    expect(admin.help!.text).toContain('- A.8.2 Privileged access rights (ISO/IEC 27001:2022 Annex A)');
  });

  it('maps severities to levels and security-severity scores', () => {
    const rules = sarif().runs[0].tool.driver.rules!;
    const by = (id: string) => rules.find((r) => r.id === id)!;
    expect(by('aws-kms-key-rotation').defaultConfiguration?.level).toBe('error');
    expect(by('aws-kms-key-rotation').properties?.['security-severity']).toBe('8.0');
    expect(by('aws-s3-versioning').defaultConfiguration?.level).toBe('warning');
    expect(by('aws-s3-versioning').properties?.['security-severity']).toBe('5.5');
    expect(by('aws-logs-retention').defaultConfiguration?.level).toBe('note');
    expect(by('aws-logs-retention').properties?.['security-severity']).toBe('3.0');
  });

  it("sets a result's level from the finding's effective severity, not the rule's", () => {
    const base = sampleResult();
    base.findings[2] = { ...base.findings[2], severity: 'high' };
    expect(sarif(base).runs[0].results![2].level).toBe('error');
  });

  it('locates results by relative URI, region, snippet lines and resource name', () => {
    const [admin, , logs] = sarif().runs[0].results!;
    const loc = admin.locations![0];
    expect(loc.physicalLocation?.artifactLocation).toEqual({ uri: 'templates/app.yaml', uriBaseId: '%SRCROOT%' });
    expect(loc.physicalLocation?.region).toEqual({ startLine: 10, startColumn: 89, endLine: 10, endColumn: 92 });
    expect(loc.physicalLocation?.contextRegion?.snippet?.text).toContain('Action: "*"');
    expect(loc.logicalLocations).toEqual([
      { name: 'AdminRole', fullyQualifiedName: 'AppStack/AdminRole', kind: 'resource' },
      { name: 'AppStack', fullyQualifiedName: 'AppStack', kind: 'module' },
    ]);
    expect(admin.partialFingerprints).toEqual({ 'iacScan/v1': 'fp-aws-iam-no-admin-policy-AdminRole' });
    expect(logs.locations![0].physicalLocation?.artifactLocation?.uri).toBe('logs%20dir/logs.json');
  });

  it('gives related locations ids and links them from the message', () => {
    const admin = sarif().runs[0].results![0];
    expect(admin.relatedLocations!.map((l) => [l.id, l.physicalLocation?.artifactLocation?.uri, l.message?.text])).toEqual([
      [1, 'templates/app.yaml', 'value comes from the Default of parameter [Days]'],
      [2, 'bin/app.ts', 'AdminRole is declared here'],
    ]);
    expect(admin.message.text).toContain('[value comes from the Default of parameter \\[Days\\]](1)');
    expect(admin.message.text).toContain('[AdminRole is declared here](2)');
    expect(sarif().runs[0].results![2].relatedLocations).toBeUndefined();
  });

  it('marks suppressed findings: inline and metadata in source, config external', () => {
    const base = sampleResult();
    const results = sarif(base).runs[0].results!;
    expect(results[1].suppressions).toEqual([
      expect.objectContaining({ kind: 'inSource', status: 'accepted', justification: 'scratch data' }),
    ]);
    expect(results[1].suppressions![0].location?.physicalLocation?.region?.startLine).toBe(11);
    expect(results[0].suppressions).toBeUndefined();

    base.findings[2] = { ...base.findings[2], suppression: { kind: 'config', justification: 'legacy' } };
    expect(sarif(base).runs[0].results![2].suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'legacy' },
    ]);
  });

  it('turns notices into tool notifications, and fails the invocation only on errors', () => {
    const run = sarif().runs[0];
    const [parse, warn] = run.invocations![0].toolExecutionNotifications!;
    expect(run.invocations![0].executionSuccessful).toBe(false);
    expect(parse.level).toBe('error');
    expect(parse.descriptor?.id).toBe('parse-error');
    expect(parse.locations![0].physicalLocation?.artifactLocation?.uri).toBe('broken.yaml');
    expect(parse.locations![0].physicalLocation?.region?.startLine).toBe(5);
    expect(warn.locations).toBeUndefined();

    const onlyWarnings = { ...sampleResult(), notices: sampleResult().notices.filter((n) => n.level !== 'error') };
    expect(sarif(onlyWarnings).runs[0].invocations![0].executionSuccessful).toBe(true);
  });

  it('is deterministic and names no absolute path but the base', () => {
    const a = renderReport('sarif', sampleResult('/home/someone/repo'), OPTIONS);
    expect(renderReport('sarif', sampleResult('/home/someone/repo'), OPTIONS)).toBe(a);
    expect(a.split('/home/someone').length - 1).toBe(1);
    expect(a).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
  });

  it('adds a rule that a finding uses even when missing from the run, so every index resolves', () => {
    const base = sampleResult();
    base.rules = [];
    const run = sarif(base).runs[0];
    for (const r of run.results!) expect(run.tool.driver.rules![r.ruleIndex!].id).toBe(r.ruleId);
  });
});

describe('rule tags', () => {
  const many: Rule = rule('aws-many', 'high', {
    owner: 'shared',
    controls: {
      iso27001: ['A.8.9', 'A.5.23', 'A.8.20', 'A.8.1', 'A.8.24', 'A.8.15', 'A.5.15'],
      iso27017: ['CLD.9.5.1', '12.4.1', 'CLD.12.4.5', '13.1.3'],
    },
  });

  it('keeps at most 10, with both standards represented, whatever order the controls were listed in', () => {
    const tags = ruleTags(many);
    expect(tags).toHaveLength(10);
    expect(tags.slice(0, 2)).toEqual(['security', 'owner:shared']);
    expect(tags.filter((t) => t.startsWith('iso27001:'))).toHaveLength(4);
    expect(tags.filter((t) => t.startsWith('iso27017:'))).toHaveLength(4);
    const reversed = { ...many, controls: { iso27001: [...many.controls.iso27001].reverse(), iso27017: [...many.controls.iso27017].reverse() } };
    expect(ruleTags(reversed)).toEqual(tags);
  });

  it('gives the spare room to the longer list', () => {
    const lopsided = { ...many, controls: { iso27001: many.controls.iso27001, iso27017: ['CLD.9.5.1'] } };
    const tags = ruleTags(lopsided);
    expect(tags).toHaveLength(10);
    expect(tags.filter((t) => t.startsWith('iso27001:'))).toHaveLength(7);
    expect(tags).toContain('iso27017:CLD.9.5.1');
  });

  it('makes PascalCase names from ids', () => {
    expect(pascalCase('aws-s3-versioning')).toBe('AwsS3Versioning');
    expect(pascalCase('aws_ec2__imdsv2')).toBe('AwsEc2Imdsv2');
  });
});

describe('regions', () => {
  it('never ends before it starts, even from a malformed range', () => {
    const base = sampleResult();
    const bad = range('templates/app.yaml', 10, 9, 10, 3);
    base.findings = [finding(RULES.admin, resource('templates/app.yaml', 'R', 'T', bad), bad)];
    const region = sarif(base).runs[0].results![0].locations![0].physicalLocation!.region!;
    expect(region.endLine).toBe(10);
    expect(region.endColumn).toBeGreaterThanOrEqual(region.startColumn!);
  });
});
