import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/scan';
import { makeTree } from '../../discover/tree';
import { scanTree, span, tf } from './helpers';

const RULE = `id: test-open-cidr
title: No open CIDR
description: Rules do not admit the whole internet.
severity: high
owner: customer
controls: { iso27001: [A.8.20], iso27017: ["13.1.3"] }
remediation: { terraform: Narrow the CIDR. }
references: [https://example.com]
check:
  terraform:
    resource: aws_security_group_rule
    assert: { path: "cidr_blocks[*]", notEquals: 0.0.0.0/0 }
`;

const MODULE = tf(
  'variable "cidr" {}',
  'resource "aws_security_group_rule" "in_module" {',
  '  cidr_blocks = [var.cidr]',
  '}',
);

const MAIN = tf(
  '# iac-scan:ignore test-open-cidr above the block', // 1
  'resource "aws_security_group_rule" "above_block" {', // 2
  '  cidr_blocks = ["0.0.0.0/0"]', // 3
  '}', // 4
  'resource "aws_security_group_rule" "on_attribute" {', // 5
  '  cidr_blocks = ["0.0.0.0/0"] // iac-scan:ignore test-open-cidr at the end of the line', // 6
  '}', // 7
  'resource "aws_security_group_rule" "above_attribute" {', // 8
  '  /* iac-scan:ignore test-open-cidr above the attribute */', // 9
  '  cidr_blocks = ["0.0.0.0/0"]', // 10
  '}', // 11
  'resource "aws_security_group_rule" "not_suppressed" {', // 12
  '  cidr_blocks = ["0.0.0.0/0"]', // 13
  '}', // 14
  '# iac-scan:ignore test-open-cidr on the module call', // 15
  'module "shared" {', // 16
  '  source = "./shared"', // 17
  '  cidr   = "0.0.0.0/0"', // 18
  '}', // 19
);

describe('comments', () => {
  it('every comment is handed over without its delimiters, with its place and whether it stands alone', () => {
    const result = scanTree({ 'main.tf': MAIN, 'shared/main.tf': MODULE });
    expect(result.comments.map((c) => `${span(c.range)} ${c.ownLine ? 'own' : 'end'} ${c.text}`)).toEqual([
      '1:1-1:49 own iac-scan:ignore test-open-cidr above the block',
      '6:31-6:87 end iac-scan:ignore test-open-cidr at the end of the line',
      '9:3-9:59 own iac-scan:ignore test-open-cidr above the attribute',
      '15:1-15:52 own iac-scan:ignore test-open-cidr on the module call',
    ]);
  });

  it('suppress findings above a block, on or above an attribute line, and on a module call', async () => {
    const root = makeTree({
      'main.tf': MAIN,
      'shared/main.tf': MODULE,
      'rules/open-cidr.yaml': RULE,
      '.iac-scan.yml': 'packs: [rules]\nrules: { include: { ids: [test-open-cidr] } }\n',
    });
    const { result } = await scan({ paths: ['.'], cwd: root, today: '2026-01-01' });
    const shown = result.findings.map((f) => `${f.resource.address} ${f.at.file}:${f.at.start.line} ${f.suppression ? 'suppressed' : 'open'}`);
    expect(shown).toEqual([
      'aws_security_group_rule.above_block main.tf:3 suppressed',
      'aws_security_group_rule.on_attribute main.tf:6 suppressed',
      'aws_security_group_rule.above_attribute main.tf:10 suppressed',
      'aws_security_group_rule.not_suppressed main.tf:13 open',
      'module.shared.aws_security_group_rule.in_module shared/main.tf:3 suppressed',
    ]);
    expect(result.notices.filter((n) => n.level !== 'note')).toEqual([]);
  });
});
