import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/model';
import { renderRuleList } from '../../src/report/rule-list';
import { rule } from '../helpers/scan-result';

const check = (type: string): Check[] => [{ resource: [type], assert: {} }];

const versioning = rule('aws-s3-versioning', 'medium', {
  title: 'S3 buckets keep object versions',
  controls: { iso27001: ['A.8.13'], iso27017: ['12.3.1'] },
  checks: { cloudformation: check('AWS::S3::Bucket'), terraform: check('aws_s3_bucket') },
  equivalents: { checkov: ['CKV_AWS_21'] },
});
const mine = rule('my-tf-only', 'high', {
  title: 'Mine | yours',
  owner: 'shared',
  controls: { iso27001: ['A.8.24'], iso27017: [] },
  checks: { terraform: check('aws_kms_key') },
  pack: './packs/mine',
  references: ['https://example.com/mine'],
});

describe('iac-scan rules', () => {
  it('JSON: one object a rule, with formats (cdk wherever CloudFormation is checked), help URI and pack', () => {
    expect(JSON.parse(renderRuleList([versioning, mine], 'json'))).toEqual([
      {
        id: 'aws-s3-versioning',
        title: 'S3 buckets keep object versions',
        severity: 'medium',
        owner: 'customer',
        controls: { iso27001: ['A.8.13'], iso27017: ['12.3.1'] },
        formats: ['cloudformation', 'terraform', 'cdk'],
        equivalents: { checkov: ['CKV_AWS_21'] },
        helpUri: 'https://github.com/iac-scan/iac-scan/blob/main/docs/rules/aws-s3-versioning.md',
        pack: 'builtin',
      },
      {
        id: 'my-tf-only',
        title: 'Mine | yours',
        severity: 'high',
        owner: 'shared',
        controls: { iso27001: ['A.8.24'], iso27017: [] },
        formats: ['terraform'],
        equivalents: {},
        helpUri: 'https://example.com/mine',
        pack: './packs/mine',
      },
    ]);
  });

  it('text: aligned columns, then controls, formats and a pack other than the shipped one', () => {
    expect(renderRuleList([versioning, mine], 'text')).toBe(
      [
        'aws-s3-versioning  medium    customer  S3 buckets keep object versions',
        '                   ISO 27001 A.8.13 · ISO 27017 12.3.1 · cloudformation, terraform, cdk',
        'my-tf-only         high      shared    Mine | yours',
        '                   ISO 27001 A.8.24 · ISO 27017 — · terraform · pack ./packs/mine',
        '2 rules',
        '',
      ].join('\n'),
    );
  });

  it('Markdown: a table linking each rule to its help, with | escaped', () => {
    expect(renderRuleList([versioning, mine], 'markdown')).toBe(
      [
        '| id | title | severity | owner | ISO 27001 | ISO 27017 |',
        '|---|---|---|---|---|---|',
        '| [`aws-s3-versioning`](https://github.com/iac-scan/iac-scan/blob/main/docs/rules/aws-s3-versioning.md) | S3 buckets keep object versions | medium | customer | A.8.13 | 12.3.1 |',
        '| [`my-tf-only`](https://example.com/mine) | Mine \\| yours | high | shared | A.8.24 | — |',
        '',
      ].join('\n'),
    );
  });
});
