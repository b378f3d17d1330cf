import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../../src/graph/graph';
import { evaluateRules } from '../../../src/rules';
import { loadRule, ruleTester } from '../rule-tester';
import { template, unknown } from '../../helpers/resources';

const byDefault = { builtin: 'account.setting', args: { type: 'aws_ebs_encryption_by_default', path: 'enabled', equals: true, default: true } };
const check = { check: { terraform: { resource: 'aws_ebs_volume', assert: byDefault } } };
const volume = { type: 'aws_ebs_volume', properties: { size: 10 } };
const setting = (properties: Record<string, unknown>) => ({ address: 'account', type: 'aws_ebs_encryption_by_default', properties: properties as never });

ruleTester('account.setting', check, {
  valid: [
    { name: 'the setting switched on', resource: volume, others: [setting({ enabled: true })] },
    { name: 'the setting left to its default, which switches it on', resource: volume, others: [setting({})] },
    { name: 'written as a string', resource: volume, others: [setting({ enabled: 'true' })] },
    { name: 'one of two settings switches it on', resource: volume, others: [setting({ enabled: false }), { ...setting({ enabled: true }), address: 'other' }] },
    { name: 'an unknown setting might switch it on', resource: volume, others: [setting({ enabled: unknown('var.ebs_default') })] },
  ],
  invalid: [
    {
      name: 'no setting: at the checked resource',
      resource: volume,
      errors: [{ path: '', message: 'no aws_ebs_encryption_by_default in the configuration sets enabled to true', at: 'Subject' }],
    },
    { name: 'the setting switched off', resource: volume, others: [setting({ enabled: false })], errors: [''] },
  ],
});

ruleTester(
  'account.setting without a default',
  { check: { terraform: { resource: 'aws_instance', assert: { builtin: 'account.setting', args: { type: 'aws_ec2_instance_metadata_defaults', path: 'http_tokens', equals: 'required' } } } } },
  {
    valid: [{ name: 'set', resource: { type: 'aws_instance', properties: {} }, others: [{ address: 'imds', type: 'aws_ec2_instance_metadata_defaults', properties: { http_tokens: 'required' } }] }],
    invalid: [
      {
        name: 'left out: nothing to fall back on',
        resource: { type: 'aws_instance', properties: {} },
        others: [{ address: 'imds', type: 'aws_ec2_instance_metadata_defaults', properties: { http_put_response_hop_limit: 1 } }],
        errors: [''],
      },
    ],
  },
);

describe('account.setting across deployment units', () => {
  it('a setting in another configuration does not cover the resource', () => {
    const rule = loadRule(check);
    const network = template([setting({ enabled: true })], { file: 'account/main.tf' });
    const app = template([{ address: 'data', ...volume }], { file: 'app/main.tf' });
    const findings = evaluateRules([rule], new ResourceGraph([...network.resources, ...app.resources]), { strict: false });
    expect(findings.map((f) => `${f.resource.file} ${f.resource.address}`)).toEqual(['app/main.tf data']);
  });
});
