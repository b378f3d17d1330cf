import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Log, Result } from 'sarif';
import { REPO, runCli } from './run-cli';

/**
 * The committed CDK app (fixtures/cdk-app, see its README) and its synthesized cdk.out, copied to
 * another path first: the stack traces in cdk.out name the folder it was synthesized in, and the
 * findings must still land on the app's own source lines.
 */
function scanCopiedApp(): Result[] {
  const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'iac-scan-cdk-')), 'elsewhere', 'infra');
  cpSync(path.join(REPO, 'fixtures/cdk-app'), copy, { recursive: true });
  const run = runCli(['cdk.out', '-f', 'sarif=out.sarif', '--fail-on', 'none'], copy);
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(readFileSync(path.join(copy, 'out.sarif'), 'utf8')) as Log).runs[0].results ?? [];
}

const uri = (r: Result) => r.locations?.[0].physicalLocation?.artifactLocation?.uri;
const line = (r: Result) => r.locations?.[0].physicalLocation?.region?.startLine;

/** Each seed violation of the app and the source line that created it (fixtures/cdk-app/README.md). */
const STACKS = ['Dev', 'Prod/App'];
const NESTED = ['Dev/Audit', 'Prod/App/Audit'];
const SEED_VIOLATIONS: [string, string, number, string[]][] = [
  ['aws-ec2-sg-open-admin-ports', 'lib/app-stack.js', 25, STACKS], // addIngressRule(anyIpv4, tcp 22): a recorded property assignment
  ['aws-iam-no-admin-policy', 'lib/audit-stack.js', 18, NESTED],
  ['aws-rds-no-public-access', 'lib/app-stack.js', 27, STACKS],
  ['aws-rds-storage-encrypted', 'lib/app-stack.js', 27, STACKS],
  ['aws-s3-versioning', 'lib/audit-stack.js', 13, NESTED],
  ['aws-vpc-flow-logs', 'lib/app-stack.js', 15, STACKS],
];

describe('a synthesized CDK app with a stage and a nested stack (built bundle)', () => {
  const results = scanCopiedApp();

  it.each(SEED_VIOLATIONS)('%s is reported at the CDK source line that created the resource, once per stack', (rule, file, at, stacks) => {
    const found = results.filter((r) => r.ruleId === rule && !r.suppressions?.length);
    expect(found.map((r) => `${uri(r)}:${line(r)}`)).toEqual([`${file}:${at}`, `${file}:${at}`]);
    expect(found.map((r) => r.locations?.[0].logicalLocations?.find((l) => l.kind === 'module')?.name).sort()).toEqual(stacks);
    expect(new Set(found.map((r) => JSON.stringify(r.partialFingerprints))).size).toBe(2);
    for (const r of found) expect(r.relatedLocations?.[0].physicalLocation?.artifactLocation?.uri).toMatch(/^cdk\.out\/.*template\.json$/);
  });

  it('points no finding into cdk.out, since every resource has a known source line', () => {
    expect(results.length).toBeGreaterThan(20);
    expect(results.filter((r) => uri(r)?.startsWith('cdk.out/')).map((r) => r.ruleId)).toEqual([]);
  });

  it('honours iac-scan metadata and, for rules with a cdk-nag equivalent, cdk-nag suppressions', () => {
    const logging = results.filter((r) => r.ruleId === 'aws-s3-access-logging');
    expect(logging.map((r) => `${uri(r)}:${line(r)} ${r.suppressions?.[0]?.justification ? 'suppressed' : 'open'}`).sort()).toEqual([
      'lib/app-stack.js:42 suppressed',
      'lib/app-stack.js:42 suppressed',
      'lib/audit-stack.js:13 suppressed',
      'lib/audit-stack.js:13 suppressed',
    ]);
  });
});
