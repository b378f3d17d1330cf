import { describe, expect, it } from 'vitest';
import { renderReport, type ReportOptions } from '../../../src/report';
import { LISTED_PASSES } from '../../../src/report/soa/markdown';
import type { Resource } from '../../../src/model';
import { range, resource } from '../../helpers/scan-result';
import { ENCRYPTION, failing, key, MONITORING, outcome, ROTATION, scanOf, section, type ScanParts } from './scan';

const OPTIONS: ReportOptions = { category: 'iac-scan', toolVersion: '1.2.3', color: false, failOn: 'low', cwd: '/work/repo' };

function databases(n: number): Resource[] {
  return Array.from({ length: n }, (_, i) => resource('fleet.yaml', `Db${i}`, 'AWS::RDS::DBInstance', range('fleet.yaml', 10 * i + 3, 3, 10 * i + 3, 8)));
}

/**
 * More passes than a control lists: 30 databases. Two fail encryption (one with two findings),
 * one passes it only by default; every one is monitored but the last, which the monitoring rule
 * leaves out of its scope; a key's rotation is undecided.
 */
const DBS = databases(30);
const LARGE: ScanParts = {
  resources: [...DBS, key],
  findings: [
    failing(ENCRYPTION, DBS[0], { message: 'Db0 does not encrypt its storage' }),
    failing(ENCRYPTION, DBS[7], { message: 'Db7 does not encrypt its storage' }),
    failing(ENCRYPTION, DBS[7], { message: 'Db7 has no KMS key', at: range('fleet.yaml', 76, 7, 76, 20) }),
  ],
  evaluations: [
    ...DBS.map((db, i) => outcome(ENCRYPTION, db, i === 0 || i === 7 ? 'fail' : 'pass', i === 12 ? { byDefault: true } : {})),
    ...DBS.map((db, i) => outcome(MONITORING, db, i === 29 ? 'not-applicable' : 'pass')),
    outcome(ROTATION, key, 'unknown', { why: 'EnableKeyRotation is unknown' }),
  ],
};

const markdown = (parts: ScanParts) => renderReport('soa', scanOf(parts), OPTIONS);
const rowsOf = (lines: string[], state: string) => lines.filter((l) => l.startsWith(`| ${state} | `));

describe('SoA Markdown of a scan with more passes than a control lists', () => {
  const text = markdown(LARGE);

  it('still lists every failed and undecidable row under each control, and counts the passes per rule instead of listing them', () => {
    const a824 = section(text, '### A.8.24 Use of cryptography');
    expect(rowsOf(a824, 'failed')).toHaveLength(3);
    for (const message of ['Db0 does not encrypt its storage', 'Db7 does not encrypt its storage', 'Db7 has no KMS key']) {
      expect(a824.some((l) => l.startsWith('| failed |') && l.endsWith(`| ${message} |`))).toBe(true);
    }
    expect(rowsOf(a824, 'not decidable before deployment')).toEqual(['| not decidable before deployment | `DataKey` | `AWS::KMS::Key` | `stack.yaml:12` | `aws-kms-key-rotation` | EnableKeyRotation is unknown |']);
    expect(rowsOf(a824, 'passed')).toEqual([]);
    expect(a824).toContain('| `aws-rds-storage-encrypted` | Title of aws-rds-storage-encrypted | high | A.8.24, 10.1.1 | 2 | 0 | 0 | 28 | 0 |');
    expect(a824).toContain('| `aws-kms-key-rotation` | Title of aws-kms-key-rotation | medium | 10.1.2 | 0 | 1 | 0 | 0 | 0 |');
    expect(a824.join('\n')).toContain(`Not listed here, being more than ${LISTED_PASSES}: 28 passed (1 by the provider's default), a row per rule and resource.`);
  });

  it('keeps the totals of each control and of the summary exact', () => {
    expect(section(text, '### A.8.24 Use of cryptography')).toContain('Status: **failing**. Resources: 2 failed, 1 not decidable before deployment, 28 passed.');
    expect(section(text, '### A.8.15 Logging')).toContain('Status: passing. Resources: 29 passed.');
    expect(section(text, '## Controls evidenced by the rules')).toContain('| A.8.24 | Use of cryptography | **failing** | customer, shared | 2 | 1 | 0 | 28 |');
    expect(section(text, '## Summary')).toContain(
      "- Resources: 31 scanned; 31 in scope of a rule (2 failed, 1 not decidable before deployment, 0 accepted, 28 passed); 0 in no rule's scope.",
    );
  });

  it('says so when a control has nothing but passes', () => {
    const a815 = section(text, '### A.8.15 Logging');
    expect(a815).toContain('No resource failed, waits for deployment or has an accepted risk under this control.');
    expect(a815).toContain('| `aws-rds-log-exports` | Title of aws-rds-log-exports | medium | A.8.15 | 0 | 0 | 0 | 29 | 1 |');
    expect(a815.join('\n')).toContain('29 passed, 1 not applicable, a row per rule and resource.');
  });

  it('lists each passing resource once per rule at the end, however many controls the rule evidences, folded when long', () => {
    const passes = section(text, '## Passing resources, by rule');
    const monitoring = section(text, '### `aws-rds-log-exports` Title of aws-rds-log-exports');
    expect(monitoring).toContain('Evidences A.8.15, CLD.12.4.5. Resources: 29 passed, 1 not applicable.');
    expect(monitoring).toContain('<summary>29 passed, 1 not applicable</summary>');
    expect(rowsOf(monitoring, 'passed')).toHaveLength(29);
    expect(rowsOf(monitoring, 'not applicable')).toEqual(["| not applicable | `Db29` | `AWS::RDS::DBInstance` | `fleet.yaml:293` | outside the rule's scope |"]);
    const encryption = section(text, '### `aws-rds-storage-encrypted` Title of aws-rds-storage-encrypted');
    expect(rowsOf(encryption, 'passed').map((l) => l.split(' | ')[1])).toEqual(DBS.filter((_, i) => i !== 0 && i !== 7).map((db) => `\`${db.address}\``));
    expect(encryption).toContain("| passed | `Db12` | `AWS::RDS::DBInstance` | `fleet.yaml:123` | by the provider's default, not written in the code |");
    // Failures stay with their controls; a rule with no pass has no list here.
    expect(rowsOf(passes, 'failed')).toEqual([]);
    expect(passes.filter((l) => l.startsWith('### '))).toEqual(['### `aws-rds-log-exports` Title of aws-rds-log-exports', '### `aws-rds-storage-encrypted` Title of aws-rds-storage-encrypted']);
    expect(passes.filter((l) => l === '<details>')).toHaveLength(2);
  });

  it('keeps every row in the JSON form', () => {
    const report = JSON.parse(renderReport('soa-json', scanOf(LARGE), OPTIONS));
    const states = (id: string) => report.controls.find((c: { id: string }) => c.id === id).resources.map((r: { state: string }) => r.state);
    expect(states('A.8.24')).toEqual([...Array(3).fill('failed'), 'undecided', ...Array(28).fill('passed')]);
    expect(states('CLD.12.4.5')).toEqual([...Array(29).fill('passed'), 'not-applicable']);
    expect(report.summary.resources).toEqual({ scanned: 31, checked: 31, failed: 2, undecided: 1, accepted: 0, passed: 28, 'not-applicable': 0 });
  });
});

describe('SoA Markdown up to the passes a control lists', () => {
  const passingOnly = (n: number): ScanParts => {
    const dbs = databases(n);
    return { resources: dbs, rules: [ENCRYPTION], evaluations: dbs.map((db) => outcome(ENCRYPTION, db, 'pass')) };
  };

  it(`lists ${LISTED_PASSES} passes under the control itself, and needs no list at the end`, () => {
    const text = markdown(passingOnly(LISTED_PASSES));
    expect(rowsOf(section(text, '### A.8.24 Use of cryptography'), 'passed')).toHaveLength(LISTED_PASSES);
    expect(text).not.toContain('Not listed here');
    expect(text).not.toContain('## Passing resources, by rule');
  });

  it('moves them to the end from one more', () => {
    const text = markdown(passingOnly(LISTED_PASSES + 1));
    expect(rowsOf(section(text, '### A.8.24 Use of cryptography'), 'passed')).toEqual([]);
    expect(rowsOf(section(text, '## Passing resources, by rule'), 'passed')).toHaveLength(LISTED_PASSES + 1);
  });
});
