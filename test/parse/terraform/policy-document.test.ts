import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../../src/graph/graph';
import { loadRules } from '../../../src/rules/load';
import { evaluateRules } from '../../../src/rules/engine';
import { attr, plain, scanTree, tf } from './helpers';
import { makeTree } from '../../discover/tree';

const MAIN = tf(
  'resource "aws_s3_bucket" "b" {}',
  'data "aws_iam_policy_document" "admin" {',
  '  statement {',
  '    sid       = "All"',
  '    actions   = ["*"]',
  '    resources = ["*"]',
  '  }',
  '  statement {',
  '    effect    = "Deny"',
  '    actions   = ["s3:DeleteBucket"]',
  '    resources = [aws_s3_bucket.b.arn]',
  '    principals {',
  '      type        = "AWS"',
  '      identifiers = ["arn:aws:iam::123456789012:root"]',
  '    }',
  '    condition {',
  '      test     = "Bool"',
  '      variable = "aws:SecureTransport"',
  '      values   = ["false"]',
  '    }',
  '  }',
  '}',
  'resource "aws_iam_policy" "p" {',
  '  policy = data.aws_iam_policy_document.admin.json',
  '}',
);

describe('aws_iam_policy_document', () => {
  it('renders to the policy it produces, wherever .json is used', () => {
    const result = scanTree({ 'main.tf': MAIN });
    expect(plain(attr(result.get('aws_iam_policy.p'), 'policy'))).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'All', Effect: 'Allow', Action: ['*'], Resource: ['*'] },
        {
          Effect: 'Deny',
          Action: ['s3:DeleteBucket'],
          Resource: [{ unknown: ['.#aws_s3_bucket.b.arn'] }],
          Principal: { AWS: ['arn:aws:iam::123456789012:root'] },
          Condition: { Bool: { 'aws:SecureTransport': ['false'] } },
        },
      ],
    });
  });

  it('keeps the places of the arguments, so a finding on Action points at actions = [...]', () => {
    const result = scanTree({ 'main.tf': MAIN });
    const statement = attr(result.get('aws_iam_policy.p'), 'policy.Statement.0');
    expect(statement?.kind).toBe('map');
    if (statement?.kind !== 'map') return;
    expect(result.textAt(statement.keyRanges.get('Action')!)).toBe('actions');
    expect(statement.keyRanges.get('Action')?.start.line).toBe(5);
    expect(result.textAt(statement.entries.get('Action')!.range)).toBe('["*"]');
  });

  it('the IAM admin rule finds the statement at its actions line', () => {
    const result = scanTree({ 'main.tf': MAIN });
    const rules = loadRules([{ dir: makeTree({ 'admin.yaml': ADMIN_RULE }), pack: 'test' }]);
    expect(rules.errors).toEqual([]);
    const findings = evaluateRules(rules.rules, new ResourceGraph(result.resources), { strict: false });
    expect(findings.map((f) => `${f.resource.address} ${f.at.file}:${f.at.start.line}`)).toEqual(['aws_iam_policy.p main.tf:5']);
  });

  it('merges source and override documents by Sid, best effort', () => {
    const result = scanTree({
      'main.tf': tf(
        'data "aws_iam_policy_document" "base" {',
        '  statement {',
        '    sid     = "Read"',
        '    actions = ["s3:GetObject"]',
        '  }',
        '  statement {',
        '    sid     = "Write"',
        '    actions = ["s3:PutObject"]',
        '  }',
        '}',
        'data "aws_iam_policy_document" "merged" {',
        '  source_policy_documents   = [data.aws_iam_policy_document.base.json]',
        '  override_policy_documents = [jsonencode({ Statement = [{ Sid = "Write", Effect = "Deny", Action = "*" }] })]',
        '  statement {',
        '    sid     = "Read"',
        '    actions = ["s3:GetObject", "s3:ListBucket"]',
        '  }',
        '}',
        'resource "aws_iam_policy" "p" {',
        '  policy = data.aws_iam_policy_document.merged.json',
        '}',
      ),
    });
    const statements = plain(attr(result.get('aws_iam_policy.p'), 'policy.Statement')) as { Sid: string }[];
    expect(statements).toEqual([
      { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'] },
      { Sid: 'Write', Effect: 'Deny', Action: '*' },
    ]);
  });
});

const ADMIN_RULE = `id: test-iam-admin
title: No admin policies
description: Policies do not grant every action on every resource.
severity: high
owner: customer
controls: { iso27001: [A.8.2], iso27017: ["9.2.3"] }
remediation: { terraform: Grant only the actions needed. }
references: [https://example.com]
check:
  terraform:
    resource: aws_iam_policy
    assert: { builtin: iam.noAdminAccess, path: policy }
`;
