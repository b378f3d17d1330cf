import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../src/controls';
import type { Check } from '../../src/model';
import { helpMarkdown, helpText } from '../../src/report/rule-help';
import { rule } from '../helpers/scan-result';

const catalog = shippedCatalog();
const check = (...types: string[]): Check[] => [{ resource: types, assert: {} }];

describe('rule help', () => {
  const versioning = rule('aws-s3-versioning', 'medium', {
    title: 'S3 buckets keep object versions',
    controls: { iso27001: ['A.8.13'], iso27017: ['12.3.1'] },
    remediation: { cloudformation: 'Enable it.', terraform: 'Add versioning.', cdk: 'versioned: true' },
    checks: { cloudformation: check('AWS::S3::Bucket'), terraform: [...check('aws_s3_bucket'), ...check('aws_s3_bucket_versioning', 'aws_s3_bucket')] },
    equivalents: { checkov: ['CKV_AWS_21'], 'cdk-nag': [] },
  });

  it('is one Markdown page: title, summary, then sections in the order readers need them', () => {
    const md = helpMarkdown(versioning, catalog);
    expect(md.startsWith('# S3 buckets keep object versions\n\n`aws-s3-versioning` · severity **medium** · owner **customer** · CloudFormation, Terraform, CDK\n\n## Why it matters\n')).toBe(true);
    expect(md.match(/^## .*/gm)).toEqual([
      '## Why it matters',
      '## Who fixes it',
      '## Controls',
      '## Owner by service model',
      '## Remediation (CloudFormation)',
      '## Remediation (Terraform)',
      '## Remediation (CDK)',
      '## Resources checked',
      '## Equivalents',
      '## References',
    ]);
    expect(md).toContain('- A.8.13 Information backup (ISO/IEC 27001:2022 Annex A)\n- 12.3.1 Information backup (ISO/IEC 27002:2013 with ISO/IEC 27017 cloud guidance; A.8.13 in ISO/IEC 27001:2022)\n');
    expect(md).toContain('- Abstracted services (Amazon S3): A.8.13 shared, 12.3.1 shared\n');
    expect(md).toContain('- CloudFormation and CDK: `AWS::S3::Bucket`\n- Terraform: `aws_s3_bucket`, `aws_s3_bucket_versioning`\n');
    expect(md).toContain('## Equivalents\n\n- checkov: CKV_AWS_21\n\n');
    expect(md.endsWith('- <https://docs.aws.amazon.com/example>\n')).toBe(true);
  });

  it('says the same in plain text', () => {
    const text = helpText(versioning, catalog);
    expect(text).toContain('Owner by service model:\n- Abstracted services (Amazon S3): A.8.13 shared, 12.3.1 shared');
    expect(text).not.toContain('#');
  });

  it('spans every service model for a check of every resource type, and leaves the section out for types of no known service', () => {
    const everything = rule('aws-any', 'high', { controls: { iso27001: ['A.8.12'], iso27017: [] }, checks: { cloudformation: check('*') } });
    expect(helpMarkdown(everything, catalog)).toContain(
      '- Infrastructure services (all services): A.8.12 customer\n- Container services (all services): A.8.12 shared\n- Abstracted services (all services): A.8.12 shared\n',
    );
    expect(helpMarkdown(everything, catalog)).toContain('- CloudFormation and CDK: every resource\n');
    const unknown = rule('aws-odd', 'low', { checks: { terraform: check('random_password') } });
    expect(helpMarkdown(unknown, catalog)).not.toContain('Owner by service model');
  });
});
