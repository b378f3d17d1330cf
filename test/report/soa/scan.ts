import { expect } from 'vitest';
import { shippedCatalog } from '../../../src/controls';
import type { CheckOutcome, Evaluation, Finding, Notice, Resource, Rule, ScanResult } from '../../../src/model';
import { inventory } from '../../../src/scan/inventory';
import { finding, range, resource, rule } from '../../helpers/scan-result';

/** Small scans for the SoA tests: resources of known services, and the rules' outcomes on them. */
export const db = resource('stack.yaml', 'OrdersDb', 'AWS::RDS::DBInstance', range('stack.yaml', 3, 3, 3, 11));
export const key = resource('stack.yaml', 'DataKey', 'AWS::KMS::Key', range('stack.yaml', 12, 3, 12, 10));
export const bucket = resource('main.tf', 'aws_s3_bucket.data', 'aws_s3_bucket', range('main.tf', 1, 1, 1, 33), { family: 'terraform', format: 'terraform' });
export const custom = resource('stack.yaml', 'Seeder', 'Custom::Seeder', range('stack.yaml', 20, 3, 20, 9));

export const ENCRYPTION = rule('aws-rds-storage-encrypted', 'high', { controls: { iso27001: ['A.8.24'], iso27017: ['10.1.1'] } });
export const ROTATION = rule('aws-kms-key-rotation', 'medium', { controls: { iso27001: [], iso27017: ['10.1.2'] } });
export const MONITORING = rule('aws-rds-log-exports', 'medium', { controls: { iso27001: ['A.8.15'], iso27017: ['CLD.12.4.5'] } });

export function outcome(r: Rule, res: Resource, what: CheckOutcome, extra: Partial<Evaluation> = {}): Evaluation {
  return { rule: r.id, resource: res.key, outcome: what, ...extra };
}

export function failing(r: Rule, res: Resource, extra: Partial<Finding> = {}): Finding {
  return finding(r, res, range(res.file, res.range.start.line + 2, 7, res.range.start.line + 2, 30), extra);
}

export interface ScanParts {
  resources: Resource[];
  rules?: Rule[];
  findings?: Finding[];
  evaluations?: Evaluation[];
  notices?: Notice[];
}

export function scanOf(parts: ScanParts): ScanResult {
  return {
    root: '/work/repo',
    files: [...new Set(parts.resources.map((r) => r.file))].sort(),
    findings: parts.findings ?? [],
    resources: inventory(parts.resources),
    evaluations: parts.evaluations ?? [],
    notices: parts.notices ?? [],
    rules: parts.rules ?? [ENCRYPTION, ROTATION, MONITORING],
    catalog: shippedCatalog(),
    snippet: () => '',
    stats: { files: 2, bytes: 100, resources: parts.resources.length, ms: { setup: 0, discover: 0, parse: 0, rules: 0, suppress: 0, total: 0 } },
    date: '2026-03-02',
  };
}

/** The lines of a Markdown section, from its heading to the next heading of the same or a higher level. */
export function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const level = heading.indexOf(' ');
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level);
  return lines.slice(start, end < 0 ? undefined : end);
}
