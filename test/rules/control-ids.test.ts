import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../src/controls';
import { loadRules, parseRuleText } from '../../src/rules';
import { formatNotice } from '../../src/scan/notices';

const catalog = shippedCatalog();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-scan-pack-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function ruleWith(controls: string): string {
  return `id: aws-x
title: T
description: D
severity: high
owner: customer
${controls}
remediation: { cloudformation: Fix it. }
references: [https://example.com/doc]
check:
  cloudformation: { resource: AWS::S3::Bucket, assert: { path: A, equals: 1 } }
`;
}

function errorsOf(text: string): string[] {
  return parseRuleText(text, '/abs/x.yaml', 'rules/x.yaml', 'builtin', catalog).errors.map(formatNotice);
}

describe('controls a rule names', () => {
  it('loads a rule whose controls are all in the catalog', () => {
    expect(errorsOf(ruleWith('controls: { iso27001: [A.8.24, A.5.17], iso27017: ["10.1.1", CLD.9.5.2] }'))).toEqual([]);
  });

  it('rejects an unknown control at its line and column, naming the nearest known ids', () => {
    expect(errorsOf(ruleWith('controls:\n  iso27001: [A.8.24, A.8.99]\n  iso27017: [CLD.9.5.3, "12.4.2"]'))).toEqual([
      'rules/x.yaml:7:22: controls.iso27001[1]: "A.8.99" is not in the controls catalog; nearest known: A.8.9. Name a control that iac-scan controls lists. Fix the rule file.',
      'rules/x.yaml:8:14: controls.iso27017[0]: "CLD.9.5.3" is not in the controls catalog; nearest known: CLD.9.5.1, CLD.9.5.2. Name a control that iac-scan controls lists. Fix the rule file.',
      'rules/x.yaml:8:25: controls.iso27017[1]: "12.4.2" is not in the controls catalog; nearest known: 12.4.1, 12.4.3, 12.4.4. Name a control that iac-scan controls lists. Fix the rule file.',
    ]);
  });

  it('checks the rules of a pack too, and keeps the pack\'s other rules', () => {
    fs.writeFileSync(path.join(dir, 'bad.yaml'), ruleWith('controls: { iso27001: [A.8.244], iso27017: [] }').replace('aws-x', 'my-bad'));
    fs.writeFileSync(path.join(dir, 'good.yaml'), ruleWith('controls: { iso27001: [A.8.24], iso27017: [] }').replace('aws-x', 'my-good'));
    const { rules, errors } = loadRules([{ dir, pack: 'mine' }], catalog);
    expect(rules.map((r) => r.id)).toEqual(['my-good']);
    expect(errors).toHaveLength(1);
    expect(errors[0].range?.file).toBe(path.join(dir, 'bad.yaml'));
    expect(errors[0].range?.start.line).toBe(6);
    expect(errors[0].message).toContain('"A.8.244" is not in the controls catalog; nearest known: A.8.24');
  });
});
