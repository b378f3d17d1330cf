import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../../src/graph/graph';
import { LineTable } from '../../../src/model';
import { parseHcl } from '../../../src/parse/terraform/hcl';
import type { Block } from '../../../src/parse/terraform/hcl/ast';
import { NoticeSink } from '../../../src/parse/terraform/notices';
import { isOverrideFile, mergeOverrideFiles } from '../../../src/parse/terraform/overrides';
import { evaluateRules } from '../../../src/rules/engine';
import { loadRules } from '../../../src/rules/load';
import { attr, plain, scanTree, span, tf } from './helpers';

const BUCKET = tf(
  'resource "aws_s3_bucket" "logs" {', // 1
  '  bucket = "example-logs"', // 2
  '}', // 3
  '', // 4
  'resource "aws_s3_bucket_versioning" "logs" {', // 5
  '  bucket = aws_s3_bucket.logs.id', // 6
  '', // 7
  '  versioning_configuration {', // 8
  '    status = "Enabled"', // 9
  '  }', // 10
  '}', // 11
);

const SUSPEND = tf(
  '# Versioning is switched off here, not in main.tf.', // 1
  'resource "aws_s3_bucket_versioning" "logs" {', // 2
  '  versioning_configuration {', // 3
  '    status = "Suspended"', // 4
  '  }', // 5
  '}', // 6
);

describe('override files', () => {
  it('knows override files by name, in both syntaxes', () => {
    expect(['override.tf', 'override.tf.json', 'a/prod_override.tf', 'x_override.tf.json'].map(isOverrideFile)).toEqual([true, true, true, true]);
    expect(['overrides.tf', 'my-override.tf', 'override.tfvars', 'main.tf'].map(isOverrideFile)).toEqual([false, false, false, false]);
  });

  it('an argument in an override replaces the original and is placed in the override file; untouched ones stay where they were', () => {
    const result = scanTree({
      'main.tf': tf('resource "aws_db_instance" "db" {', '  engine              = "postgres"', '  publicly_accessible = false', '}'),
      'override.tf': tf('resource "aws_db_instance" "db" {', '  publicly_accessible = true', '}'),
    });
    const db = result.get('aws_db_instance.db');
    expect(plain(db.attributes)).toEqual({ engine: 'postgres', publicly_accessible: true });
    expect(db.file).toBe('main.tf');
    expect(`${db.range.file} ${span(db.range)}`).toBe('main.tf 1:1-1:32');
    const open = attr(db, 'publicly_accessible');
    expect(`${open?.range.file} ${span(open?.range)}`).toBe('override.tf 2:25-2:29');
    expect(span(db.attributes.keyRanges.get('publicly_accessible'))).toBe('2:3-2:22');
    expect(`${attr(db, 'engine')?.range.file} ${span(attr(db, 'engine')?.range)}`).toBe('main.tf 2:25-2:35');
    expect(result.notices).toEqual([]);
  });

  it("a rule's finding points at the overriding line", () => {
    const result = scanTree({ 'main.tf': BUCKET, 'versioning_override.tf': SUSPEND });
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const rule = loadRules([{ dir: path.join(root, 'rules'), pack: 'builtin' }]).rules.find((r) => r.id === 'aws-s3-versioning');
    const findings = evaluateRules([rule!], new ResourceGraph(result.resources), { strict: false });
    expect(findings.map((f) => `${f.at.file}:${f.at.start.line}`)).toEqual(['versioning_override.tf:4']);
    // Without the override the bucket is versioned.
    const plainScan = scanTree({ 'main.tf': BUCKET });
    expect(evaluateRules([rule!], new ResourceGraph(plainScan.resources), { strict: false })).toEqual([]);
  });

  it('a nested block type in an override replaces every block of that type, static or dynamic; other types stay', () => {
    const result = scanTree({
      'main.tf': tf(
        'locals {',
        '  ports = [80, 443]',
        '}',
        'resource "aws_security_group" "web" {',
        '  name = "web"',
        '  ingress {',
        '    from_port = 22',
        '  }',
        '  dynamic "ingress" {',
        '    for_each = local.ports',
        '    content {',
        '      from_port = ingress.value',
        '    }',
        '  }',
        '  egress {',
        '    from_port = 0',
        '  }',
        '}',
      ),
      'override.tf': tf('resource "aws_security_group" "web" {', '  ingress {', '    from_port = 8443', '  }', '}'),
      'z_override.tf': tf(
        'resource "aws_security_group" "web" {',
        '  dynamic "egress" {',
        '    for_each = [1, 2]',
        '    content {',
        '      to_port = egress.value',
        '    }',
        '  }',
        '}',
      ),
    });
    const sg = result.get('aws_security_group.web');
    expect(plain(sg.attributes)).toEqual({ name: 'web', ingress: [{ from_port: 8443 }], egress: [{ to_port: 1 }, { to_port: 2 }] });
    const port = attr(sg, 'ingress.0.from_port');
    expect(`${port?.range.file} ${span(port?.range)}`).toBe('override.tf 3:17-3:21');
    expect(attr(sg, 'egress.1.to_port')?.range.file).toBe('z_override.tf');
    expect(result.notices).toEqual([]);
  });

  it('locals merge value by value, whichever locals block holds them', () => {
    const result = scanTree({
      'main.tf': tf(
        'locals {',
        '  env  = "dev"',
        '  team = "core"',
        '}',
        'locals {',
        '  name = "${local.team}-${local.env}"',
        '}',
        'resource "aws_s3_bucket" "b" {',
        '  bucket = local.name',
        '  tags   = { Env = local.env }',
        '}',
      ),
      'override.tf': tf('locals {', '  env  = "prod"', '  team = upper("platform")', '}'),
    });
    const bucket = result.get('aws_s3_bucket.b');
    expect(plain(attr(bucket, 'bucket'))).toBe('PLATFORM-prod');
    // The value is shown where it is used, and remembers the override that wrote it.
    const env = attr(bucket, 'tags.Env');
    expect(`${env?.range.file} ${span(env?.range)}`).toBe('main.tf 10:20-10:29');
    expect(env?.origin?.map((r) => `${r.file} ${span(r)}`)).toEqual(['override.tf 2:10-2:16']);
    expect(result.notices).toEqual([]);
  });

  it('an override of a block or local no other file declares is a warning at the override; the rest still merges', () => {
    const result = scanTree({
      'main.tf': tf('resource "aws_s3_bucket" "b" {', '  bucket = "one"', '}'),
      'override.tf': tf(
        'resource "aws_s3_bucket" "missing" {', // 1
        '  bucket = "x"', // 2
        '}', // 3
        'locals {', // 4
        '  nowhere = 1', // 5
        '}', // 6
        'resource "aws_s3_bucket" "b" {', // 7
        '  bucket = "two"', // 8
        '}', // 9
      ),
    });
    expect(result.addresses()).toEqual(['aws_s3_bucket.b']);
    expect(plain(attr(result.get('aws_s3_bucket.b'), 'bucket'))).toBe('two');
    expect(result.noticeLines()).toEqual([
      'override-without-base override.tf:1:1 resource "aws_s3_bucket" "missing" in the override file override.tf overrides nothing: no other file of this module declares it. Terraform would stop here; the override was skipped.',
      'override-without-base override.tf:5:3 local.nowhere in the override file override.tf overrides nothing: no other file of this module declares it. Terraform would stop here; the override was skipped.',
    ]);
    expect(result.notices.every((n) => n.level === 'warning')).toBe(true);
  });

  it('a .tf.json override merges into native syntax, placed at its JSON strings', () => {
    const json = `{
  "resource": {
    "aws_s3_bucket_versioning": {
      "logs": {
        "versioning_configuration": { "status": "Suspended" }
      }
    }
  }
}
`;
    const result = scanTree({ 'main.tf': BUCKET, 'override.tf.json': json });
    const versioning = result.get('aws_s3_bucket_versioning.logs');
    expect(plain(attr(versioning, 'versioning_configuration'))).toEqual([{ status: 'Suspended' }]);
    const status = attr(versioning, 'versioning_configuration.0.status');
    expect(`${status?.range.file} ${span(status?.range)}`).toBe('override.tf.json 5:49-5:60');
    expect(plain(attr(versioning, 'bucket'))).toEqual({ unknown: ['.#aws_s3_bucket.logs.id'] });
    expect(result.notices).toEqual([]);
  });

  it('a native override merges into a .tf.json file', () => {
    const json = '{ "resource": { "aws_s3_bucket": { "b": { "bucket": "json", "acl": "private" } } } }\n';
    const result = scanTree({ 'main.tf.json': json, 'override.tf': tf('resource "aws_s3_bucket" "b" {', '  acl = "public-read"', '}') });
    const bucket = result.get('aws_s3_bucket.b');
    expect(plain(bucket.attributes)).toEqual({ bucket: 'json', acl: 'public-read' });
    expect(attr(bucket, 'bucket')?.range.file).toBe('main.tf.json');
    expect(attr(bucket, 'acl')?.range.file).toBe('override.tf');
  });

  it('override files apply in name order after all normal files, later ones winning, each on top of the last', () => {
    const block = (...lines: string[]) => tf('resource "aws_instance" "web" {', ...lines, '}');
    const result = scanTree({
      // Normal files named after the override files are still read first.
      'zzz.tf': block('  ami           = "base"', '  instance_type = "t3.micro"', '  monitoring    = false'),
      'b_override.tf': block('  ami = "from-b"', '  monitoring = true'),
      'a_override.tf': block('  ami = "from-a"', '  instance_type = "from-a"'),
      'override.tf': block('  ami = "from-override.tf"'),
      'override.tf.json': '{ "resource": { "aws_instance": { "web": { "ami": "from-override.tf.json" } } } }\n',
    });
    const web = result.get('aws_instance.web');
    // a_override.tf, b_override.tf, override.tf, override.tf.json
    expect(plain(web.attributes)).toEqual({ ami: 'from-override.tf.json', instance_type: 'from-a', monitoring: true });
    expect(attr(web, 'ami')?.range.file).toBe('override.tf.json');
    expect(attr(web, 'instance_type')?.range.file).toBe('a_override.tf');
    expect(attr(web, 'monitoring')?.range.file).toBe('b_override.tf');
    expect(web.file).toBe('zzz.tf');
  });

  it("a variable's merged type converts the original default; module call arguments and outputs merge too", () => {
    const result = scanTree({
      'main.tf': tf(
        'variable "port" {',
        '  type    = string',
        '  default = "8080"',
        '}',
        'module "sg" {',
        '  source = "./sg"',
        '  cidr   = "10.0.0.0/8"',
        '}',
        'resource "aws_ssm_parameter" "p" {',
        '  name  = "p"',
        '  value = module.sg.where',
        '  tags  = { Port = var.port }',
        '}',
      ),
      'override.tf': tf('variable "port" {', '  type = number', '}', 'module "sg" {', '  cidr = "0.0.0.0/0"', '}'),
      'sg/main.tf': tf('variable "cidr" {}', 'output "where" {', '  value = var.cidr', '}'),
      'sg/outputs_override.tf': tf('output "where" {', '  value = "cidr ${var.cidr}"', '}'),
    });
    const p = result.get('aws_ssm_parameter.p');
    expect(plain(attr(p, 'tags.Port'))).toBe(8080);
    expect(plain(attr(p, 'value'))).toBe('cidr 0.0.0.0/0');
  });

  it('depends_on in an override is a warning and is ignored', () => {
    const result = scanTree({
      'main.tf': tf('resource "aws_s3_bucket" "b" {', '  bucket = "b"', '}'),
      'override.tf': tf('resource "aws_s3_bucket" "b" {', '  bucket     = "c"', '  depends_on = [aws_s3_bucket.b]', '}'),
    });
    expect(plain(attr(result.get('aws_s3_bucket.b'), 'bucket'))).toBe('c');
    expect(result.noticeLines()).toEqual([
      'override-depends-on override.tf:3:3 depends_on cannot be set in an override block (resource "aws_s3_bucket" "b" in override.tf); Terraform would stop here. It was ignored.',
    ]);
  });

  it('a resource changed by an override file handed over is reported even when its own file is not', () => {
    const files = { 'main.tf': BUCKET, 'override.tf': SUSPEND };
    expect(scanTree(files, { only: ['override.tf'] }).addresses()).toEqual(['aws_s3_bucket_versioning.logs']);
    expect(scanTree(files, { only: ['main.tf'] }).addresses().sort()).toEqual(['aws_s3_bucket.logs', 'aws_s3_bucket_versioning.logs']);
  });

  it("merges a resource's lifecycle argument by argument, and leaves provider and terraform blocks alone", () => {
    const file = (rel: string, ...lines: string[]) => {
      const text = tf(...lines);
      return { rel, lines: new LineTable(rel, text), body: parseHcl(text).body };
    };
    const notices = new NoticeSink();
    const merged = mergeOverrideFiles(
      [
        file('main.tf', 'resource "aws_s3_bucket" "b" {', '  lifecycle {', '    prevent_destroy = true', '    ignore_changes  = [tags]', '  }', '}', 'provider "aws" {}'),
        file('override.tf', 'resource "aws_s3_bucket" "b" {', '  lifecycle {', '    prevent_destroy = false', '  }', '}', 'terraform {', '  backend "s3" {}', '}', 'provider "aws" {', '  region = "x"', '}'),
      ],
      notices,
    );
    expect(merged.files.map((f) => f.rel)).toEqual(['main.tf']);
    const [bucket] = merged.files[0].body.items as Block[];
    const lifecycle = bucket.body.items[0] as Block;
    const args = lifecycle.body.items.map((item) => item.type === 'Attribute' && `${item.name} ${merged.files[0].lines.range(item.start, item.end).file}`);
    expect(args).toEqual(['prevent_destroy override.tf', 'ignore_changes main.tf']);
    expect(merged.overriddenBy.get(bucket)).toEqual(['override.tf']);
    expect((merged.files[0].body.items[1] as Block).body.items).toEqual([]);
    expect(notices.notices).toEqual([]);
  });
});
