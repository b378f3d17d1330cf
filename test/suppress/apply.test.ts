import { describe, expect, it } from 'vitest';
import type { Comment, Finding, MapValue, Range, Resource, Value } from '../../src/model';
import { applySuppressions, type SuppressionInput } from '../../src/suppress';
import type { ConfigIgnore } from '../../src/config';
import { finding, range, resource, rule } from '../helpers/scan-result';

const VERSIONING = rule('aws-s3-versioning', 'medium');
const ENCRYPTION = rule('aws-s3-encryption', 'high');
const RETENTION = rule('aws-logs-retention', 'low');
const KNOWN = new Set([VERSIONING.id, ENCRYPTION.id, RETENTION.id]);
const TODAY = '2026-06-15';

/** `#` comments of a YAML text, as a parser hands them over (delimiter stripped, trimmed). */
function commentsOf(file: string, text: string): Comment[] {
  return text.split('\n').flatMap((line, i) => {
    const hash = line.indexOf('#');
    if (hash < 0) return [];
    return [{ range: range(file, i + 1, hash + 1, i + 1, line.length + 1), text: line.slice(hash + 1).trim(), ownLine: !line.slice(0, hash).trim() }];
  });
}

const line = (file: string, n: number, column = 3) => range(file, n, column, n, column + 6);

function run(findings: Finding[], input: Partial<SuppressionInput>) {
  return applySuppressions(findings, { comments: [], configIgnores: [], today: TODAY, knownRuleIds: KNOWN, ...input });
}

const brief = (r: ReturnType<typeof run>) => ({
  suppressed: r.findings.map((f) => (f.suppression ? `${f.rule.id}@${f.at.start.line}:${f.suppression.kind}:${f.suppression.justification}` : `-${f.rule.id}@${f.at.start.line}`)),
  notices: r.notices.map((n) => `${n.level} ${n.code} ${n.range?.file}:${n.range?.start.line}`),
});

describe('inline suppressions', () => {
  const TEMPLATE = [
    'Resources:', // 1
    '  # iac-scan:ignore aws-s3-versioning scratch data', // 2
    '  # emptied by the nightly job', // 3
    '  Bucket:', // 4
    '    Type: AWS::S3::Bucket', // 5
    '    Properties:', // 6
    '      BucketEncryption: {}  # iac-scan:ignore aws-s3-encryption,aws-s3-versioning the bucket policy denies PUTs', // 7
    '      # iac-scan:ignore aws-s3-encryption until=2026-06-15 migrating this week', // 8
    '      Tags: []', // 9
    '      Other: 1', // 10
  ].join('\n');
  const comments = commentsOf('t.yaml', TEMPLATE);
  const bucket = resource('t.yaml', 'Bucket', 'AWS::S3::Bucket', line('t.yaml', 4));

  it('covers every finding of its rule on a resource from the comment block above the first line', () => {
    const r = run([finding(VERSIONING, bucket, bucket.range), finding(VERSIONING, bucket, line('t.yaml', 10, 7)), finding(ENCRYPTION, bucket, line('t.yaml', 10, 7))], { comments });
    expect(brief(r).suppressed).toEqual(['aws-s3-versioning@4:inline:scratch data', 'aws-s3-versioning@10:inline:scratch data', '-aws-s3-encryption@10']);
    expect(r.findings[0].suppression).toEqual({ kind: 'inline', justification: 'scratch data', location: comments[0].range });
  });

  it('covers findings at the end of its line and on the line below its own-line comment, and no other line', () => {
    const r = run([finding(ENCRYPTION, bucket, line('t.yaml', 7, 7)), finding(ENCRYPTION, bucket, line('t.yaml', 9, 7)), finding(ENCRYPTION, bucket, line('t.yaml', 10, 7))], { comments });
    expect(brief(r).suppressed).toEqual([
      'aws-s3-encryption@7:inline:the bucket policy denies PUTs',
      'aws-s3-encryption@9:inline:migrating this week',
      '-aws-s3-encryption@10',
    ]);
    expect(r.findings[1].suppression?.until).toBe('2026-06-15');
  });

  it('notes the suppressions that matched nothing', () => {
    const r = run([finding(VERSIONING, bucket, bucket.range)], { comments });
    expect(brief(r).notices).toEqual(['note unused-suppression t.yaml:7', 'note unused-suppression t.yaml:8']);
  });

  it('does not reach across a blank line', () => {
    const text = 'Resources:\n  # iac-scan:ignore aws-logs-retention archived\n\n  Logs:\n';
    const logs = resource('l.yaml', 'Logs', 'AWS::Logs::LogGroup', line('l.yaml', 4));
    const r = run([finding(RETENTION, logs, logs.range)], { comments: commentsOf('l.yaml', text) });
    expect(brief(r)).toEqual({ suppressed: ['-aws-logs-retention@4'], notices: ['note unused-suppression l.yaml:2'] });
  });

  it('applies at the place a resource was made from, such as a module call', () => {
    const main = 'module "b" {  # iac-scan:ignore aws-s3-versioning vendored module, tracked upstream\n  source = "./m"\n}\n';
    const inModule = resource('m/main.tf', 'module.b.aws_s3_bucket.this', 'aws_s3_bucket', line('m/main.tf', 1), { origin: [line('main.tf', 1, 1)] });
    const r = run([finding(VERSIONING, inModule, inModule.range)], { comments: commentsOf('main.tf', main) });
    expect(brief(r).suppressed).toEqual(['aws-s3-versioning@1:inline:vendored module, tracked upstream']);
  });

  it('accepts a comma-separated list with spaces', () => {
    const text = 'X:  # iac-scan:ignore aws-s3-encryption, aws-s3-versioning both handled elsewhere\n';
    const x = resource('x.yaml', 'X', 'AWS::S3::Bucket', line('x.yaml', 1));
    const r = run([finding(ENCRYPTION, x, x.range), finding(VERSIONING, x, x.range)], { comments: commentsOf('x.yaml', text) });
    expect(brief(r).suppressed).toEqual(['aws-s3-encryption@1:inline:both handled elsewhere', 'aws-s3-versioning@1:inline:both handled elsewhere']);
  });
});

describe('broken suppressions warn and suppress nothing', () => {
  const x = resource('x.yaml', 'X', 'AWS::S3::Bucket', line('x.yaml', 2));
  const cases: [string, string][] = [
    ['iac-scan:ignore aws-s3-versioning until=2026-06-14 was due yesterday', 'suppression-expired'],
    ['iac-scan:ignore aws-s3-versioning until=2026-02-30 no such day', 'suppression-bad-date'],
    ['iac-scan:ignore aws-s3-versioning', 'suppression-no-reason'],
    ['iac-scan:ignore aws-s3-versioning until=2027-01-01', 'suppression-no-reason'],
    ['iac-scan:ignore aws-s3-versoning typo in the id', 'unknown-rule'],
    ['iac-scan:ignore aws-s3-versioning,aws-nope one good, one unknown', 'unknown-rule'],
    ['iac-scan:ignore', 'suppression-no-rule'],
    ['iac-scan:ingore aws-s3-versioning typo in the directive', 'unknown-directive'],
  ];
  for (const [text, code] of cases) {
    it(`${code}: ${text}`, () => {
      const comment: Comment = { range: range('x.yaml', 1, 3, 1, 3 + text.length), text, ownLine: true };
      const r = run([finding(VERSIONING, x, x.range)], { comments: [comment] });
      expect(brief(r)).toEqual({ suppressed: ['-aws-s3-versioning@2'], notices: [`warning ${code} x.yaml:1`] });
      expect(r.notices[0].file).toBe('x.yaml');
    });
  }

  it('suggests the rule id a typo was meant to be', () => {
    const comment: Comment = { range: range('x.yaml', 1, 3, 1, 40), text: 'iac-scan:ignore aws-s3-versoning scratch', ownLine: true };
    expect(run([], { comments: [comment] }).notices[0].message).toContain('did you mean aws-s3-versioning?');
  });

  it('leaves comments that are not directives alone', () => {
    const comment: Comment = { range: range('x.yaml', 1, 3, 1, 20), text: 'see iac-scan:ignore docs', ownLine: true };
    expect(run([finding(VERSIONING, x, x.range)], { comments: [comment] }).notices).toEqual([]);
  });
});

/** A Value tree built from plain data, every node placed on `line` of `file`. */
function value(file: string, data: unknown, at = 1): Value {
  const r = range(file, at, 1, at, 10);
  if (Array.isArray(data)) return { kind: 'list', items: data.map((d, i) => value(file, d, at + i + 1)), range: r };
  if (data !== null && typeof data === 'object') {
    const entries = new Map(Object.entries(data).map(([k, v]) => [k, value(file, v, at)]));
    return { kind: 'map', entries, keyRanges: new Map(), range: r } as MapValue;
  }
  return { kind: 'literal', value: data as string, range: r };
}

describe('metadata suppressions', () => {
  const withMetadata = (ignore: unknown): Resource =>
    resource('m.yaml', 'B', 'AWS::S3::Bucket', line('m.yaml', 10), { metadata: value('m.yaml', { 'iac-scan': { ignore } }, 11) });

  it('cover the resource’s findings of the named rule', () => {
    const b = withMetadata([{ id: 'aws-s3-versioning', reason: 'replica bucket', until: '2030-01-01' }]);
    const r = run([finding(VERSIONING, b, line('m.yaml', 20)), finding(ENCRYPTION, b, b.range)], {});
    expect(brief(r).suppressed).toEqual(['aws-s3-versioning@20:metadata:replica bucket', '-aws-s3-encryption@10']);
    expect(r.findings[0].suppression).toMatchObject({ until: '2030-01-01', location: { file: 'm.yaml', start: { line: 12 } } });
  });

  it('need a reason: a bare rule id is reported', () => {
    const b = withMetadata(['aws-s3-versioning']);
    const r = run([finding(VERSIONING, b, b.range)], {});
    expect(brief(r)).toEqual({ suppressed: ['-aws-s3-versioning@10'], notices: ['warning suppression-invalid m.yaml:12'] });
  });

  it('are checked like the others: a missing reason, a past date', () => {
    const b = withMetadata([{ id: 'aws-s3-versioning' }, { id: 'aws-s3-versioning', reason: 'old', until: '2020-01-01' }]);
    const r = run([finding(VERSIONING, b, b.range)], {});
    expect(brief(r).notices).toEqual(['warning suppression-no-reason m.yaml:12', 'warning suppression-expired m.yaml:13']);
  });

  it('are noted as unused on resources without findings when the resources are given', () => {
    const b = withMetadata([{ id: 'aws-s3-versioning', reason: 'replica' }]);
    expect(brief(run([], { resources: [b] })).notices).toEqual(['note unused-suppression m.yaml:12']);
  });

  describe("in the template's own Metadata", () => {
    const shared = value('m.yaml', { 'iac-scan': { ignore: [{ id: 'aws-s3-versioning', reason: 'a scratch stack' }, { id: 'aws-logs-retention', reason: 'kept elsewhere' }] } }, 2);
    const inTemplate = (name: string, line0: number, own?: unknown): Resource =>
      resource('m.yaml', name, 'AWS::S3::Bucket', line('m.yaml', line0), {
        templateMetadata: shared,
        ...(own ? { metadata: value('m.yaml', { 'iac-scan': { ignore: own } }, line0 + 1) } : {}),
      });

    it('cover every resource of the template; the resource’s own entry is nearer and wins', () => {
      const a = inTemplate('A', 10);
      const b = inTemplate('B', 20, [{ id: 'aws-s3-versioning', reason: 'B is a replica' }]);
      const r = run([finding(VERSIONING, a, a.range), finding(VERSIONING, b, b.range), finding(ENCRYPTION, a, a.range)], { resources: [a, b] });
      expect(brief(r).suppressed).toEqual(['aws-s3-versioning@10:metadata:a scratch stack', 'aws-s3-versioning@20:metadata:B is a replica', '-aws-s3-encryption@10']);
    });

    it('are read once for the template: an entry no finding used is noted once, not once per resource', () => {
      const r = run([], { resources: [inTemplate('A', 10), inTemplate('B', 20)] });
      expect(brief(r).notices).toEqual(['note unused-suppression m.yaml:3', 'note unused-suppression m.yaml:4']);
    });
  });
});

describe('config suppressions', () => {
  const at = (n: number): Range => range('.iac-scan.yml', n, 5, n + 2, 1);
  const legacy = resource('legacy/a.yaml', 'A', 'AWS::S3::Bucket', line('legacy/a.yaml', 3));
  const current = resource('app/b.yaml', 'B', 'AWS::S3::Bucket', line('app/b.yaml', 3));
  const findings = [finding(VERSIONING, legacy, legacy.range), finding(VERSIONING, current, current.range), finding(RETENTION, current, current.range)];

  it('cover findings of the named rules in files matching the globs', () => {
    const ignores: ConfigIgnore[] = [{ rules: ['aws-s3-versioning'], paths: ['legacy/**'], reason: 'being retired', location: at(2) }];
    const r = run(findings, { configIgnores: ignores });
    expect(brief(r)).toEqual({ suppressed: ['aws-s3-versioning@3:config:being retired', '-aws-s3-versioning@3', '-aws-logs-retention@3'], notices: [] });
    expect(r.findings[0].suppression).toEqual({ kind: 'config', justification: 'being retired', location: at(2) });
  });

  it('cover every rule with * and every file without paths', () => {
    const r = run(findings, { configIgnores: [{ rules: ['*'], reason: 'sandbox account' }] });
    expect(r.findings.every((f) => f.suppression?.justification === 'sandbox account')).toBe(true);
  });

  it('warn when expired or naming an unknown rule, and note when unused', () => {
    const ignores: ConfigIgnore[] = [
      { rules: ['aws-s3-versioning'], reason: 'was temporary', until: '2026-06-01', location: at(2) },
      { rules: ['aws-gone'], reason: 'rule was removed', location: at(5) },
      { rules: ['aws-logs-retention'], paths: ['nowhere/**'], reason: 'no match', location: at(8) },
    ];
    const r = run(findings, { configIgnores: ignores });
    expect(brief(r)).toEqual({
      suppressed: ['-aws-s3-versioning@3', '-aws-s3-versioning@3', '-aws-logs-retention@3'],
      notices: ['warning suppression-expired .iac-scan.yml:2', 'warning unknown-rule .iac-scan.yml:5', 'note unused-suppression .iac-scan.yml:8'],
    });
  });

  it('give way to an inline suppression, which both count as used', () => {
    const comments = commentsOf('legacy/a.yaml', '\n  # iac-scan:ignore aws-s3-versioning read-only archive\n  A:\n');
    const r = run([findings[0]], { comments, configIgnores: [{ rules: ['aws-s3-versioning'], reason: 'being retired', location: at(2) }] });
    expect(brief(r)).toEqual({ suppressed: ['aws-s3-versioning@3:inline:read-only archive'], notices: [] });
  });
});
