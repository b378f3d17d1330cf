import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/scan';
import { makeTree } from '../../discover/tree';

const ONLY_IAM = 'rules: { include: { ids: [aws-iam-no-admin-policy] } }\n';

async function findingLines(files: Record<string, string>): Promise<string[]> {
  const { result } = await scan({ paths: ['.'], cwd: makeTree({ ...files, '.iac-scan.yml': ONLY_IAM }), today: '2026-01-01' });
  return result.findings.map((f) => `${f.at.file}:${f.at.start.line}:${f.at.start.column} ${f.path}`);
}

describe('a policy written as JSON text whose lines stand in the file', () => {
  it("Terraform <<-EOT heredoc: the finding is at the statement's Action, past the stripped indentation", async () => {
    const tf = [
      'resource "aws_iam_user_policy" "ci" {', // 1
      '  user   = "ci"',
      '  policy = <<-EOT', // 3
      '    {',
      '      "Version": "2012-10-17",',
      '      "Statement": [',
      '        { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },', // 7
      '        { "Effect": "Allow", "Action": "*", "Resource": "*" }', // 8
      '      ]',
      '    }',
      '  EOT',
      '}',
      '',
    ].join('\n');
    expect(await findingLines({ 'main.tf': tf })).toEqual(['main.tf:8:30 policy.Statement[1].Action']);
  });

  it('Terraform <<EOT heredoc without indentation', async () => {
    const tf = ['resource "aws_iam_policy" "p" {', '  policy = <<EOT', '{', '"Statement": {', '  "Effect": "Allow", "Action": "*", "Resource": "*"', '}', '}', 'EOT', '}', ''].join('\n');
    expect(await findingLines({ 'main.tf': tf })).toEqual(['main.tf:5:22 policy.Statement.Action']);
  });

  it('a heredoc with an interpolation is not verbatim: the finding stays at the string', async () => {
    const tf = [
      'locals { everything = "*" }',
      'resource "aws_iam_policy" "p" {',
      '  policy = <<-EOT', // 3
      '    { "Statement": [ { "Effect": "Allow", "Action": "${local.everything}", "Resource": "*" } ] }',
      '  EOT',
      '}',
      '',
    ].join('\n');
    expect(await findingLines({ 'main.tf': tf })).toEqual(['main.tf:3:12 policy.Statement[0].Action']);
  });

  it("CloudFormation literal block (|): the finding is at the statement's Action", async () => {
    const yaml = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Resources:',
      '  Admin:',
      '    Type: AWS::IAM::ManagedPolicy',
      '    Properties:',
      '      PolicyDocument: |',
      '        {',
      '          "Version": "2012-10-17",',
      '          "Statement": [',
      '            { "Effect": "Allow", "Action": "*", "Resource": "*" }', // 10
      '          ]',
      '        }',
      '',
    ].join('\n');
    expect(await findingLines({ 'admin.yaml': yaml })).toEqual(['admin.yaml:10:34 PolicyDocument.Statement[0].Action']);
  });
});
