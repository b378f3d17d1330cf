import { describe, expect, it } from 'vitest';
import { renderReport, type ReportOptions } from '../../../src/report';
import { code, prose } from '../../../src/report/soa/markdown-text';
import { range } from '../../helpers/scan-result';
import { custom, db, ENCRYPTION, failing, key, MONITORING, outcome, ROTATION, scanOf, section, type ScanParts } from './scan';

const OPTIONS: ReportOptions = { category: 'iac-scan', toolVersion: '1.2.3', color: false, failOn: 'low', cwd: '/work/repo' };

/** Every state once: a failure, an accepted risk, an undecided key, a pass by default, and a parse error. */
const PARTS: ScanParts = {
  resources: [db, key, custom],
  findings: [
    failing(ENCRYPTION, db, { message: 'DB instance OrdersDb does not encrypt its storage: StorageEncrypted is false' }),
    failing(MONITORING, db, { suppression: { kind: 'inline', justification: 'logs go to the | agent', until: '2027-01-31', location: range('stack.yaml', 2, 14, 2, 70) } }),
  ],
  evaluations: [
    outcome(ENCRYPTION, db, 'fail'),
    outcome(MONITORING, db, 'fail'),
    outcome(ROTATION, key, 'unknown', { why: 'EnableKeyRotation is unknown: parameter Rotate has no value' }),
    outcome(ENCRYPTION, key, 'pass', { byDefault: true }),
  ],
  notices: [{ level: 'error', code: 'parse-error', file: 'broken.yaml', range: range('broken.yaml', 5, 18, 5, 19), message: 'expected a closing ]' }],
};

const markdown = (parts: ScanParts = PARTS) => renderReport('soa', scanOf(parts), OPTIONS);
const json = (parts: ScanParts = PARTS) => JSON.parse(renderReport('soa-json', scanOf(parts), OPTIONS));

describe('scanned text in Markdown', () => {
  it.each([
    ['plain words', 'no encryption', 'no encryption'],
    ['table and HTML characters', 'a | b <script>', 'a \\| b \\<script\\>'],
    ['a link', '[click](https://x)', '\\[click\\](https://x)'],
    ['underscores inside a word stay', 'aws_db_instance.main', 'aws_db_instance.main'],
    ['underscores at a word edge are escaped', '_emphasis_', '\\_emphasis\\_'],
    ['line breaks and control characters', 'one\n  two\x1b[31m', 'one two\\x1b\\[31m'],
  ])('prose: %s', (_name, input, output) => {
    expect(prose(input)).toBe(output);
  });

  it.each([
    ['a path', 'stack.yaml:3', '`stack.yaml:3`'],
    ['a pipe', 'a|b', '`a\\|b`'],
    ['backticks', 'a`b', '``a`b``'],
    ['a leading backtick', '`a', '`` `a ``'],
  ])('code: %s', (_name, input, output) => {
    expect(code(input)).toBe(output);
  });
});

describe('SoA Markdown', () => {
  it('opens with the date, tool and scope, and says the evidence is incomplete when input was not checked', () => {
    const head = markdown().split('\n## ')[0];
    expect(head).toContain('- Scan date: 2026-03-02');
    expect(head).toContain('- Tool: iac-scan 1.2.3, 3 rules');
    expect(head).toContain('> **The evidence is incomplete.** 1 error stopped part of the input from being checked');
    expect(head).toContain('> - error `parse-error` `broken.yaml:5`: expected a closing \\]');
    expect(markdown({ ...PARTS, notices: [] })).not.toContain('incomplete');
  });

  it('gives each control its status, owner split with the models in use, rules, and resources with their places', () => {
    const a824 = section(markdown(), '### A.8.24 Use of cryptography');
    expect(a824).toContain('Status: **failing**. Resources: 1 failed, 1 not decidable before deployment.');
    expect(a824).toContain('Owner: infrastructure customer · **container customer** (in use: Amazon RDS) · **abstracted shared** (in use: AWS KMS).');
    expect(a824.join('\n')).toContain('10.1.1 Policy on the use of cryptographic controls; 10.1.2 Key management');
    expect(a824).toContain('| rule | title | severity | names it as | failed | not decidable | accepted | passed | not applicable |');
    expect(a824).toContain('| `aws-rds-storage-encrypted` | Title of aws-rds-storage-encrypted | high | A.8.24, 10.1.1 | 1 | 0 | 0 | 1 | 0 |');
    expect(a824).toContain(
      '| failed | `OrdersDb` | `AWS::RDS::DBInstance` | `stack.yaml:5` | `aws-rds-storage-encrypted` | DB instance OrdersDb does not encrypt its storage: StorageEncrypted is false |',
    );
    expect(a824).toContain(
      '| not decidable before deployment | `DataKey` | `AWS::KMS::Key` | `stack.yaml:12` | `aws-kms-key-rotation` | EnableKeyRotation is unknown: parameter Rotate has no value |',
    );
    expect(a824).toContain("| passed | `DataKey` | `AWS::KMS::Key` | `stack.yaml:12` | `aws-rds-storage-encrypted` | by the provider's default, not written in the code |");
  });

  it('names the 2013 clauses a control carries, and marks those ISO/IEC 27017 gives no cloud guidance on', () => {
    const TLS = { ...ENCRYPTION, id: 'aws-elb-https-modern-tls', controls: { iso27001: [], iso27017: ['14.1.2'] } };
    const parts: ScanParts = { resources: [db], rules: [TLS], evaluations: [outcome(TLS, db, 'pass')] };
    const a826 = section(markdown(parts), '### A.8.26 Application security requirements').join('\n');
    expect(a826).toContain('as ISO/IEC 27017 takes them over: 14.1.2 Securing application services on public networks (no cloud guidance in ISO/IEC 27017).');
    expect(section(markdown(), '### A.8.24 Use of cryptography').join('\n')).not.toContain('no cloud guidance');
    const guidance = json(parts).controls.find((c: { id: string }) => c.id === 'A.8.26').guidance;
    expect(guidance).toEqual([{ id: '14.1.2', title: 'Securing application services on public networks', cloudGuidance: false }]);
  });

  it('shows a suppressed finding as an accepted risk with its justification', () => {
    const a815 = section(markdown(), '### A.8.15 Logging');
    expect(a815).toContain('Status: passing, with accepted risks. Resources: 1 accepted risk.');
    expect(a815).toContain(
      '| accepted risk | `OrdersDb` | `AWS::RDS::DBInstance` | `stack.yaml:5` | `aws-rds-log-exports` | accepted (inline at `stack.yaml:2`, until 2027-01-31): logs go to the \\| agent. Finding: OrdersDb breaks aws-rds-log-exports |',
    );
  });

  it('frames A.5.23 as the customer\'s, evidenced in part by the scan, and lists what the provider operates', () => {
    const text = markdown();
    const a523 = section(text, '## A.5.23 Information security for use of cloud services').join('\n');
    expect(a523).toContain('Status: evidenced in part by this scan (incomplete: see the errors above). Owner: customer in every service model.');
    expect(a523).toContain("The provider's certification does not evidence this control");
    expect(a523).toContain('This scan checked 2 resources of the services in use (Amazon RDS, AWS KMS) with 3 rules on 2026-03-02.');
    const inherited = section(text, '## Inherited from the provider');
    expect(inherited).toContain("| A.7.1 | Physical security perimeters | provider in every service model | the perimeters of the provider's data centres | the provider's certification |");
    expect(section(text, '## Service models in use').join('\n')).toContain('`Custom::Seeder` (1)');
  });

  it('ends with a summary of controls, resources, the scan and its completeness', () => {
    const summary = section(markdown(), '## Summary');
    expect(summary).toEqual([
      '## Summary',
      '',
      '- Controls evidenced with resources in scope: 3 (1 failing, 0 not decidable before deployment, 2 passing with accepted risks, 0 passing).',
      '- Controls whose rules had no resource in scope: 0.',
      '- Controls inherited from the provider: 13.',
      '- A.5.23: evidenced in part by this scan.',
      expect.stringMatching(/^- Controls not evidenced by this scan: \d+\.$/),
      "- Resources: 3 scanned; 2 in scope of a rule (1 failed, 1 not decidable before deployment, 0 accepted, 0 passed); 1 in no rule's scope.",
      '- Scan date 2026-03-02, iac-scan 1.2.3, 1 file scanned, 1 error: the evidence is incomplete.',
      '',
    ]);
  });
});

describe('SoA output is deterministic', () => {
  it.each(['soa', 'soa-json'] as const)('%s does not depend on the order findings, outcomes and resources arrive in', (format) => {
    const shuffled: ScanParts = {
      ...PARTS,
      resources: [...PARTS.resources].reverse(),
      findings: [...PARTS.findings!].reverse(),
      evaluations: [...PARTS.evaluations!].reverse(),
    };
    expect(renderReport(format, scanOf(shuffled), OPTIONS)).toBe(renderReport(format, scanOf(PARTS), OPTIONS));
  });
});

describe('SoA JSON', () => {
  it('has the scan, services, A.5.23, controls, inherited controls, gaps and a summary', () => {
    const report = json();
    expect(Object.keys(report)).toEqual(['version', 'tool', 'scan', 'services', 'cloudUse', 'controls', 'inherited', 'notCovered', 'summary']);
    expect(report.tool).toEqual({ name: 'iac-scan', version: '1.2.3' });
    expect(report.scan).toMatchObject({ date: '2026-03-02', complete: false, files: ['stack.yaml'], rules: 3 });
    expect(report.scan.problems).toEqual([{ level: 'error', code: 'parse-error', message: 'expected a closing ]', file: 'broken.yaml', range: { start: { line: 5, column: 18 }, end: { line: 5, column: 19 } } }]);
    expect(report.cloudUse).toMatchObject({ id: 'A.5.23', standard: 'iso27001', status: 'evidenced-in-part', services: ['Amazon RDS', 'AWS KMS'], resourcesChecked: 2 });
    expect(report.inherited[0]).toEqual({
      id: 'A.7.1',
      standard: 'iso27001',
      title: 'Physical security perimeters',
      split: { infrastructure: 'provider', container: 'provider', abstracted: 'provider' },
      related: [],
      guidance: [],
      scope: "the perimeters of the provider's data centres",
      evidence: "the provider's certification",
    });
  });

  it('gives each control its status, owners in use, rules and resources with places', () => {
    const a824 = json().controls.find((c: { id: string }) => c.id === 'A.8.24');
    expect(Object.keys(a824)).toEqual(['id', 'standard', 'title', 'split', 'related', 'guidance', 'status', 'inUse', 'rules', 'counts', 'resources']);
    expect(a824.status).toBe('failing');
    expect(a824.inUse).toEqual([
      { model: 'container', owner: 'customer', services: ['Amazon RDS'] },
      { model: 'abstracted', owner: 'shared', services: ['AWS KMS'] },
    ]);
    expect(a824.rules[0]).toEqual({
      id: 'aws-kms-key-rotation',
      title: 'Title of aws-kms-key-rotation',
      severity: 'medium',
      owner: 'customer',
      via: ['10.1.2'],
      resources: 1,
      counts: { failed: 0, undecided: 1, accepted: 0, passed: 0, 'not-applicable': 0 },
    });
    expect(a824.resources[0]).toEqual({
      state: 'failed',
      rule: 'aws-rds-storage-encrypted',
      address: 'OrdersDb',
      constructPath: null,
      type: 'AWS::RDS::DBInstance',
      model: 'container',
      service: 'Amazon RDS',
      file: 'stack.yaml',
      range: { start: { line: 5, column: 7 }, end: { line: 5, column: 30 } },
      message: 'DB instance OrdersDb does not encrypt its storage: StorageEncrypted is false',
      why: null,
      byDefault: false,
      suppression: null,
    });
    expect(a824.resources.map((r: { state: string }) => r.state)).toEqual(['failed', 'undecided', 'passed']);
  });
});
