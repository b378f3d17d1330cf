import { shippedCatalog } from '../../src/controls';
import type { Finding, Notice, Range, Resource, Rule, ScanResult, Severity } from '../../src/model';
import { inventory } from '../../src/scan/inventory';

/** Hand-written inputs for reporter tests: a small scan, built without any parser. */
export const FILES: Record<string, string> = {
  'templates/app.yaml': [
    "AWSTemplateFormatVersion: '2010-09-09'", // 1
    'Parameters:', // 2
    '  Days:', // 3
    '    Type: Number', // 4
    '    Default: 7', // 5
    'Resources:', // 6
    '  AdminRole:', // 7
    '    Type: AWS::IAM::Role', // 8
    '    Properties:', // 9
    '      Policies: [{PolicyName: all, PolicyDocument: {Statement: [{Effect: Allow, Action: "*"}]}}]', // 10
    '  Bucket:  # iac-scan:ignore aws-s3-versioning scratch data', // 11
    '    Type: AWS::S3::Bucket', // 12
  ].join('\n'),
  'logs dir/logs.json': ['{', '  "Resources": {', '    "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 7}}', '  }', '}'].join('\n'),
};

export function range(file: string, line: number, column: number, endLine: number, endColumn: number): Range {
  return { file, start: { line, column }, end: { line: endLine, column: endColumn } };
}

export function rule(id: string, severity: Severity, overrides: Partial<Rule> = {}): Rule {
  return {
    id,
    title: `Title of ${id}`,
    description: `Why ${id} matters.`,
    severity,
    owner: 'customer',
    controls: { iso27001: ['A.8.9'], iso27017: ['CLD.9.5.1'] },
    remediation: { cloudformation: `Fix ${id} in the template.`, terraform: `Fix ${id} in HCL.` },
    references: ['https://docs.aws.amazon.com/example'],
    checks: {},
    source: `/rules/${id}.yaml`,
    pack: 'builtin',
    packPath: `aws/test/${id}.yaml`,
    ...overrides,
  };
}

export function resource(file: string, address: string, type: string, at: Range, extra: Partial<Resource> = {}): Resource {
  return {
    key: `${file}#${address}`,
    address,
    type,
    format: 'cloudformation',
    family: 'cloudformation',
    file,
    attributes: { kind: 'map', entries: new Map(), keyRanges: new Map(), range: at },
    range: at,
    ...extra,
  };
}

export function finding(r: Rule, res: Resource, at: Range, extra: Partial<Finding> = {}): Finding {
  return {
    rule: r,
    severity: r.severity,
    resource: res,
    at,
    path: '',
    message: `${res.address} breaks ${r.id}`,
    related: [],
    fingerprint: `fp-${r.id}-${res.address}`,
    ...extra,
  };
}

/** Whole source lines covering a range, like the pipeline's snippet store. */
export function snippetFrom(files: Record<string, string>): (r: Range) => string {
  return (r) => {
    const text = files[r.file];
    if (text === undefined) return '';
    return text.split('\n').slice(r.start.line - 1, r.end.line).join('\n');
  };
}

export const RULES = {
  admin: rule('aws-iam-no-admin-policy', 'critical', {
    owner: 'customer',
    controls: { iso27001: ['A.5.15', 'A.8.2'], iso27017: ['CLD.9.5.1'] },
    remediation: { cloudformation: 'Grant only the actions the role needs.', cdk: 'Use grant methods.' },
  }),
  versioning: rule('aws-s3-versioning', 'medium', { owner: 'shared' }),
  retention: rule('aws-logs-retention', 'low', { owner: 'customer', controls: { iso27001: ['A.8.15'], iso27017: [] } }),
  unused: rule('aws-kms-key-rotation', 'high'),
};

/** Three findings (one suppressed, one with a related location and a stack), a parse error and a warning. */
export function sampleResult(root = '/work/repo'): ScanResult {
  const app = 'templates/app.yaml';
  const logs = 'logs dir/logs.json';
  const role = resource(app, 'AdminRole', 'AWS::IAM::Role', range(app, 7, 3, 7, 12), {
    context: { stack: 'AppStack' },
    origin: [range('bin/app.ts', 12, 5, 12, 40)],
  });
  const bucket = resource(app, 'Bucket', 'AWS::S3::Bucket', range(app, 11, 3, 11, 9));
  const group = resource(logs, 'Logs', 'AWS::Logs::LogGroup', range(logs, 3, 5, 3, 11));
  const findings: Finding[] = [
    finding(RULES.admin, role, range(app, 10, 89, 10, 92), {
      path: 'Policies[0].PolicyDocument.Statement[0].Action',
      message: 'Role AdminRole allows every action ("*") on every resource',
      related: [{ range: range(app, 5, 14, 5, 15), message: 'value comes from the Default of parameter [Days]' }],
    }),
    finding(RULES.versioning, bucket, range(app, 11, 3, 11, 9), {
      path: 'VersioningConfiguration.Status',
      suppression: {
        kind: 'inline',
        justification: 'scratch data',
        until: '2027-03-31',
        location: range(app, 11, 12, 11, 60),
      },
    }),
    finding(RULES.retention, group, range(logs, 3, 60, 3, 80), { path: 'RetentionInDays' }),
  ];
  const notices: Notice[] = [
    {
      level: 'error',
      code: 'parse-error',
      message: 'broken.yaml:5:18: expected a closing ] before the end of the file; close the flow sequence.',
      file: 'broken.yaml',
      range: range('broken.yaml', 5, 18, 5, 19),
    },
    { level: 'warning', code: 'unknown-rule', message: 'config ignore names rule aws-nope, which does not exist.' },
  ];
  return {
    root,
    files: ['broken.yaml', logs, app],
    findings,
    resources: inventory([role, bucket, group]),
    evaluations: findings.map((f) => ({ rule: f.rule.id, resource: f.resource.key, outcome: 'fail' })),
    notices,
    rules: [RULES.retention, RULES.unused, RULES.versioning, RULES.admin],
    catalog: shippedCatalog(),
    snippet: snippetFrom(FILES),
    stats: { files: 3, bytes: 1000, resources: 3, ms: { setup: 0, discover: 0, parse: 0, rules: 0, suppress: 0, total: 0 } },
    date: '2026-03-02',
  };
}
