import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tree } from './run-cli';

/**
 * The hook as users get it: the real pre-commit (Debian's package) installs this repository's
 * hook through `try-repo` and runs it on the files of a commit. `.ci/run` installs pre-commit,
 * so in CI a missing pre-commit is a failure; elsewhere the test is skipped with a reason.
 */
const havePreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const inCi = Boolean(process.env.CI);

const OPEN_RDP = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Desktop:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: remote desktop
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 3389
          ToPort: 3389
          CidrIpv6: ::/0
`;

const QUIET = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/app-events
`;

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

function tryRepo(files: Record<string, string>, staged: string[]) {
  const repo = tree(files);
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  const r = spawnSync('pre-commit', ['try-repo', REPO, 'iac-scan', '--files', ...staged], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', PRE_COMMIT_HOME: path.join(os.tmpdir(), 'iac-scan-pre-commit-home') },
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe.runIf(havePreCommit || inCi)('pre-commit hook (real pre-commit, try-repo)', () => {
  it('is installed by pre-commit', () => {
    expect(havePreCommit, 'pre-commit is not on PATH; .ci/run installs it (apt-get install pre-commit)').toBe(true);
  });

  it('fails the commit on a finding in a file it is given, at the offending line', () => {
    const run = tryRepo({ 'infra/desktop.yaml': OPEN_RDP, 'infra/topic.yaml': QUIET }, ['infra/desktop.yaml', 'infra/topic.yaml']);
    expect(run.status, run.output).toBe(1);
    expect(run.output).toMatch(/iac-scan\.+Failed/);
    expect(run.output).toContain('infra/desktop.yaml:11');
    expect(run.output).toContain('aws-ec2-sg-open-admin-ports');
  });

  it('passes when the files it is given are compliant, and scans only those', () => {
    const run = tryRepo({ 'infra/desktop.yaml': OPEN_RDP, 'infra/topic.yaml': QUIET }, ['infra/topic.yaml']);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/iac-scan\.+Passed/);
  });

  it('checks a changed Terraform file with the tfvars beside it', () => {
    const repo = {
      'tf/main.tf': 'variable "cidr" {}\nresource "aws_security_group_rule" "ssh" {\n  type = "ingress"\n  protocol = "tcp"\n  from_port = 22\n  to_port = 22\n  cidr_blocks = [var.cidr]\n  security_group_id = "sg-1"\n}\n',
      'tf/terraform.tfvars': 'cidr = "0.0.0.0/0"\n',
    };
    const run = tryRepo(repo, ['tf/main.tf']);
    expect(run.status, run.output).toBe(1);
    expect(run.output).toContain('tf/main.tf:7');
    expect(run.output).toContain('aws-ec2-sg-open-admin-ports');
  });

  it('skips files outside its pattern', () => {
    const repo = { 'notes.txt': 'Resources: nothing', 'infra/desktop.yaml': OPEN_RDP };
    const run = tryRepo(repo, ['notes.txt']);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/iac-scan\.+\(no files to check\)Skipped/);
  });
}, 300_000);
