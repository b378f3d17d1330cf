import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan';
import { makeTree } from '../discover/tree';

const CONFIG = [
  'resource "aws_security_group_rule" "ssh" {', // 1
  '  type              = "ingress"',
  '  protocol          = "tcp"',
  '  from_port         = 22',
  '  to_port           = 22',
  '  cidr_blocks       = ["0.0.0.0/0"]', // 6
  '  security_group_id = "sg-1"',
  '}',
  'resource "aws_ebs_volume" "data" {', // 9
  '  availability_zone = "eu-west-1a"',
  '  size              = 10',
  '  encrypted         = var.encrypted', // 12
  '}',
  'variable "encrypted" {}',
  '',
].join('\n');

/** The plan made from CONFIG with encrypted = false: the volume is known to be unencrypted only here. */
const PLAN = JSON.stringify({
  format_version: '1.2',
  terraform_version: '1.9.0',
  planned_values: {
    root_module: {
      resources: [
        {
          address: 'aws_security_group_rule.ssh', mode: 'managed', type: 'aws_security_group_rule', name: 'ssh',
          values: { type: 'ingress', protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'], security_group_id: 'sg-1' },
          sensitive_values: {},
        },
        {
          address: 'aws_ebs_volume.data', mode: 'managed', type: 'aws_ebs_volume', name: 'data',
          values: { availability_zone: 'eu-west-1a', size: 10, encrypted: false },
          sensitive_values: {},
        },
      ],
    },
  },
  resource_changes: [],
  configuration: {
    root_module: {
      resources: [
        { address: 'aws_security_group_rule.ssh', mode: 'managed', type: 'aws_security_group_rule', name: 'ssh', expressions: {} },
        { address: 'aws_ebs_volume.data', mode: 'managed', type: 'aws_ebs_volume', name: 'data', expressions: { encrypted: { references: ['var.encrypted'] } } },
      ],
    },
  },
}, null, 1);

describe('a plan scanned beside the configuration it was made from', () => {
  it('reports what both find once, from the configuration, and keeps what only the plan knows', async () => {
    const root = makeTree({ 'main.tf': CONFIG, 'plan.json': PLAN, '.iac-scan.yml': 'rules: { include: { ids: [aws-ec2-sg-open-admin-ports, aws-ebs-encryption] } }\n' });
    const { result } = await scan({ paths: ['.'], cwd: root, today: '2026-01-01' });
    expect(result.findings.map((f) => `${f.rule.id} ${f.at.file}:${f.at.start.line} ${f.resource.format}`)).toEqual([
      'aws-ec2-sg-open-admin-ports main.tf:6 terraform',
      'aws-ebs-encryption main.tf:12 terraform-plan',
    ]);
    expect(result.notices.filter((n) => n.code === 'repeated-finding').map((n) => `${n.file} ${n.message}`)).toEqual([
      'plan.json 1 finding from plan.json repeats what the configuration at the scan root reports at the same line for the same address, and is reported once.',
    ]);
  });

  it('leaves two findings of one resource on one line alone', async () => {
    const twoOpen = CONFIG.replace('["0.0.0.0/0"]', '["0.0.0.0/0", "::/0"]');
    const root = makeTree({ 'main.tf': twoOpen, '.iac-scan.yml': 'rules: { include: { ids: [aws-ec2-sg-open-admin-ports] } }\n' });
    const { result } = await scan({ paths: ['.'], cwd: root, today: '2026-01-01' });
    const lines = result.findings.map((f) => `${f.at.file}:${f.at.start.line}`);
    expect(lines).toEqual(['main.tf:6', 'main.tf:6']);
    expect(result.notices.some((n) => n.code === 'repeated-finding')).toBe(false);
  });
});
