import { describe, expect, it } from 'vitest';
import { attr, plain, scanTree, span, tf } from './helpers';

const SG_MODULE = tf(
  'variable "cidr" {}',
  'variable "name" {',
  '  default = "sg"',
  '}',
  'resource "aws_security_group_rule" "ssh" {',
  '  type        = "ingress"',
  '  from_port   = 22',
  '  to_port     = 22',
  '  cidr_blocks = [var.cidr]',
  '  description = var.name',
  '}',
  'output "rule_id" {',
  '  value = aws_security_group_rule.ssh.id',
  '}',
);

const ENV = tf(
  'module "public" {',
  '  source = "../../modules/sg"',
  '  cidr   = "0.0.0.0/0"',
  '}',
  '',
  'module "private" {',
  '  source = "../../modules/sg"',
  '  cidr   = "10.0.0.0/8"',
  '  name   = "internal"',
  '}',
  '',
  'resource "aws_cloudwatch_log_group" "audit" {',
  '  name = module.public.rule_id',
  '}',
);

describe('modules', () => {
  it('a module called twice is evaluated once per call, each with its own inputs', () => {
    const result = scanTree({ 'envs/prod/main.tf': ENV, 'modules/sg/main.tf': SG_MODULE });
    const open = result.get('module.public.aws_security_group_rule.ssh');
    const closed = result.get('module.private.aws_security_group_rule.ssh');
    expect(plain(attr(open, 'cidr_blocks'))).toEqual(['0.0.0.0/0']);
    expect(plain(attr(closed, 'cidr_blocks'))).toEqual(['10.0.0.0/8']);
    expect([plain(attr(open, 'description')), plain(attr(closed, 'description'))]).toEqual(['sg', 'internal']);
    expect(result.addresses().sort()).toEqual([
      'aws_cloudwatch_log_group.audit',
      'module.private.aws_security_group_rule.ssh',
      'module.public.aws_security_group_rule.ssh',
    ]);
  });

  it('a module resource sits at its own block, with the module call as origin and context', () => {
    const result = scanTree({ 'envs/prod/main.tf': ENV, 'modules/sg/main.tf': SG_MODULE });
    const open = result.get('module.public.aws_security_group_rule.ssh');
    expect(open.file).toBe('modules/sg/main.tf');
    expect(result.textAt(open.range)).toBe('resource "aws_security_group_rule" "ssh"');
    expect(open.origin?.map((r) => `${r.file} ${span(r)}`)).toEqual(['envs/prod/main.tf 1:1-1:16']);
    expect(open.context).toEqual({ module: 'module.public' });
    expect(open.unit).toBe('envs/prod');
    expect(open.key).toBe('envs/prod#module.public.aws_security_group_rule.ssh');
    // The open CIDR is shown in the module and remembers the argument that gave it.
    const cidr = attr(open, 'cidr_blocks.0');
    expect(cidr?.range.file).toBe('modules/sg/main.tf');
    expect(cidr?.origin?.map((r) => `${r.file} ${result.textAt(r)}`)).toEqual(['envs/prod/main.tf "0.0.0.0/0"']);
  });

  it('a folder another scanned folder calls is not also a root module', () => {
    const result = scanTree({ 'envs/prod/main.tf': ENV, 'modules/sg/main.tf': SG_MODULE });
    expect(result.resources.map((r) => r.unit)).toEqual(['envs/prod', 'envs/prod', 'envs/prod']);
    expect(result.addresses()).not.toContain('aws_security_group_rule.ssh');
  });

  it('a module scanned on its own is a root, its inputs unknown', () => {
    const result = scanTree({ 'modules/sg/main.tf': SG_MODULE });
    expect(result.addresses()).toEqual(['aws_security_group_rule.ssh']);
    expect(plain(attr(result.get('aws_security_group_rule.ssh'), 'cidr_blocks'))).toEqual([{ unknown: [] }]);
  });

  it('outputs evaluate through the module and keep the references they hold', () => {
    const result = scanTree({ 'envs/prod/main.tf': ENV, 'modules/sg/main.tf': SG_MODULE });
    expect(plain(attr(result.get('aws_cloudwatch_log_group.audit'), 'name'))).toEqual({
      unknown: ['envs/prod#module.public.aws_security_group_rule.ssh.id'],
    });
  });

  it('count and for_each on a module expand its instances', () => {
    const main = tf(
      'module "sg" {',
      '  for_each = { a = "10.0.0.0/8", b = "0.0.0.0/0" }',
      '  source   = "./sg"',
      '  cidr     = each.value',
      '}',
      'module "none" {',
      '  count  = 0',
      '  source = "./sg"',
      '  cidr   = "x"',
      '}',
    );
    const result = scanTree({ 'main.tf': main, 'sg/main.tf': SG_MODULE });
    expect(result.addresses()).toEqual(['module.sg["a"].aws_security_group_rule.ssh', 'module.sg["b"].aws_security_group_rule.ssh']);
    expect(plain(attr(result.get('module.sg["b"].aws_security_group_rule.ssh'), 'cidr_blocks'))).toEqual(['0.0.0.0/0']);
  });

  it('modules nest, with every call in the origin, outermost first', () => {
    const result = scanTree({
      'main.tf': tf('module "outer" {', '  source = "./outer"', '}'),
      'outer/main.tf': tf('module "inner" {', '  source = "../sg"', '  cidr   = "1.2.3.4/32"', '}'),
      'sg/main.tf': SG_MODULE,
    });
    const rule = result.get('module.outer.module.inner.aws_security_group_rule.ssh');
    expect(rule.origin?.map((r) => r.file)).toEqual(['main.tf', 'outer/main.tf']);
    expect(rule.context).toEqual({ module: 'module.outer.module.inner' });
  });

  it('a source outside the scan root is refused with a warning at the call', () => {
    const result = scanTree({ 'main.tf': tf('module "far" {', '  source = "../../elsewhere"', '}') });
    expect(result.resources).toEqual([]);
    expect(result.noticeLines()).toEqual([expect.stringMatching(/^module-outside-root main\.tf:1:1 module "far" \(source "\.\.\/\.\.\/elsewhere"\) lies outside the scan root/)]);
  });

  it('a registry module is read where terraform init installed it (.terraform/modules/modules.json)', () => {
    const manifest = JSON.stringify({
      Modules: [
        { Key: '', Source: '', Dir: '.' },
        { Key: 'sg', Source: 'registry.terraform.io/acme/sg/aws', Version: '1.0.0', Dir: '.terraform/modules/sg' },
      ],
    });
    const result = scanTree({
      'main.tf': tf('module "sg" {', '  source  = "acme/sg/aws"', '  version = "1.0.0"', '  cidr    = "0.0.0.0/0"', '}'),
      '.terraform/modules/modules.json': manifest,
      '.terraform/modules/sg/main.tf': SG_MODULE,
    });
    expect(result.addresses()).toEqual(['module.sg.aws_security_group_rule.ssh']);
    expect(result.get('module.sg.aws_security_group_rule.ssh').file).toBe('.terraform/modules/sg/main.tf');
  });

  it('a registry module that is not installed is one notice per call; nothing is fetched', () => {
    const result = scanTree({ 'main.tf': tf('module "vpc" {', '  source = "terraform-aws-modules/vpc/aws"', '}') });
    expect(result.noticeLines()).toEqual([
      'module-not-installed main.tf:1:1 module "vpc" (source terraform-aws-modules/vpc/aws) was not scanned: run terraform init so .terraform/modules holds it',
    ]);
  });

  it('a module that calls itself stops with a warning', () => {
    const result = scanTree({
      'main.tf': tf('module "loop" {', '  source = "./loop"', '}'),
      'loop/main.tf': tf('module "again" {', '  source = "../loop"', '}', 'resource "aws_s3_bucket" "b" {}'),
    });
    expect(result.addresses()).toEqual(['module.loop.aws_s3_bucket.b']);
    expect(result.noticeLines()).toEqual([expect.stringMatching(/^module-cycle loop\/main\.tf:1:1 module\.loop\.module\.again calls a module/)]);
  });

  it('a module is its whole folder: files not handed over are evaluated, their resources not reported', () => {
    const result = scanTree(
      {
        'infra/main.tf': tf('resource "aws_s3_bucket_versioning" "v" {', '  bucket = aws_s3_bucket.b.id', '  status = var.status', '}'),
        'infra/variables.tf': tf('variable "status" {', '  default = "Enabled"', '}'),
        'infra/bucket.tf': tf('resource "aws_s3_bucket" "b" {}'),
      },
      { only: ['infra/main.tf'] },
    );
    expect(result.addresses()).toEqual(['aws_s3_bucket_versioning.v']);
    expect(plain(attr(result.get('aws_s3_bucket_versioning.v'), 'status'))).toBe('Enabled');
    expect(plain(attr(result.get('aws_s3_bucket_versioning.v'), 'bucket'))).toEqual({ unknown: ['infra#aws_s3_bucket.b.id'] });
    expect(result.notices).toEqual([]);
  });

  it('path.module is the module folder relative to the root module, and file() reads from there', () => {
    const result = scanTree({
      'envs/prod/main.tf': tf('module "m" {', '  source = "../../modules/m"', '}'),
      'modules/m/main.tf': tf(
        'resource "aws_iam_policy" "p" {',
        '  path_seen = path.module',
        '  policy    = file("${path.module}/policy.json")',
        '  greeting  = templatefile("${path.module}/hello.tpl", { name = "prod" })',
        '}',
      ),
      'modules/m/policy.json': '{"Statement": []}',
      'modules/m/hello.tpl': 'hello ${name}',
    });
    const policy = result.get('module.m.aws_iam_policy.p');
    expect(plain(attr(policy, 'path_seen'))).toBe('../../modules/m');
    expect(plain(attr(policy, 'policy'))).toBe('{"Statement": []}');
    expect(plain(attr(policy, 'greeting'))).toBe('hello prod');
  });
});
