import { describe, expect, it } from 'vitest';
import { attr, plain, scanTree, span, tf } from './helpers';

const MAIN = tf(
  'variable "level" {',
  '  default = "default"',
  '}',
  'variable "password" {',
  '  sensitive = true',
  '}',
  'variable "token" {',
  '  sensitive = true',
  '  default   = "written-in-code"',
  '}',
  'variable "unset" {}',
  'variable "ports" {',
  '  type = list(number)',
  '}',
  'variable "count_of" {',
  '  type = number',
  '}',
  'variable "keep" {',
  '  default  = "kept"',
  '  nullable = false',
  '}',
  'resource "aws_db_instance" "db" {',
  '  level    = var.level',
  '  password = var.password',
  '  token    = var.token',
  '  unset    = var.unset',
  '  ports    = var.ports',
  '  n        = var.count_of',
  '  keep     = var.keep',
  '}',
);

const level = (files: Record<string, string>, opts = {}) => plain(attr(scanTree({ 'main.tf': MAIN, ...files }, opts).get('aws_db_instance.db'), 'level'));

describe('variables: where values come from', () => {
  it('a default is used where the variable is referenced, remembering the default', () => {
    const result = scanTree({ 'main.tf': MAIN });
    const value = attr(result.get('aws_db_instance.db'), 'level');
    expect(value).toMatchObject({ kind: 'literal', value: 'default' });
    expect(result.textAt(value!.range)).toBe('var.level');
    expect(value?.origin?.map((r) => result.textAt(r))).toEqual(['"default"']);
    expect(span(value?.origin?.[0])).toBe('2:13-2:22');
  });

  it('follows Terraform precedence: TF_VAR_ < terraform.tfvars < terraform.tfvars.json < *.auto.tfvars by name < var files < --var', () => {
    expect(level({}, { environment: { level: 'env' } })).toBe('env');
    expect(level({ 'terraform.tfvars': 'level = "tfvars"\n' }, { environment: { level: 'env' } })).toBe('tfvars');
    expect(level({ 'terraform.tfvars': 'level = "tfvars"\n', 'terraform.tfvars.json': '{"level": "json"}' })).toBe('json');
    expect(
      level({ 'terraform.tfvars.json': '{"level": "json"}', 'b.auto.tfvars': 'level = "b"\n', 'a.auto.tfvars.json': '{"level": "a"}' }),
    ).toBe('b');
    const layers = [
      { kind: 'value' as const, name: 'level', value: 'config', from: 'config' },
      { kind: 'file' as const, rel: 'prod.tfvars', text: 'level = "var-file"\n' },
    ];
    expect(level({ 'z.auto.tfvars': 'level = "auto"\n' }, { layers })).toBe('var-file');
    expect(level({}, { layers: [...layers, { kind: 'value' as const, name: 'level', value: 'flag', from: '--var' }] })).toBe('flag');
  });

  it('a tfvars value keeps its line as origin; a command-line value is supplied and has none', () => {
    const result = scanTree({ 'main.tf': MAIN, 'terraform.tfvars': '# values\nlevel = "from-tfvars"\n' });
    const value = attr(result.get('aws_db_instance.db'), 'level');
    expect(value).toMatchObject({ kind: 'literal', value: 'from-tfvars' });
    expect(value?.kind === 'literal' && value.supplied).toBeFalsy();
    expect(value?.origin?.map(span)).toEqual(['2:9-2:22']);
    expect(value?.origin?.[0].file).toBe('terraform.tfvars');

    const flagged = scanTree({ 'main.tf': MAIN }, { layers: [{ kind: 'value', name: 'level', value: 'flag', from: '--var' }] });
    const supplied = attr(flagged.get('aws_db_instance.db'), 'level');
    expect(supplied).toMatchObject({ kind: 'literal', value: 'flag', supplied: true });
    expect(supplied?.origin).toBeUndefined();
    expect(flagged.textAt(supplied!.range)).toBe('var.level');
  });

  it('values from a var file are supplied and keep their line', () => {
    const result = scanTree({ 'main.tf': MAIN }, { layers: [{ kind: 'file', rel: 'env/prod.tfvars', text: 'level = "prod"\n' }] });
    const value = attr(result.get('aws_db_instance.db'), 'level');
    expect(value).toMatchObject({ kind: 'literal', value: 'prod', supplied: true });
    expect(value?.origin?.map((r) => `${r.file} ${span(r)}`)).toEqual(['env/prod.tfvars 1:9-1:15']);
  });

  it('a variable without a value is unknown, and secret when sensitive', () => {
    const db = scanTree({ 'main.tf': MAIN }).get('aws_db_instance.db');
    expect(attr(db, 'unset')).toMatchObject({ kind: 'unknown', why: 'variable "unset" has no value' });
    expect(attr(db, 'unset')).not.toHaveProperty('secret');
    expect(attr(db, 'password')).toMatchObject({ kind: 'unknown', why: 'variable "password" has no value', secret: true });
  });

  it('a sensitive variable given at scan time is a secret; its default and tfvars beside the code are not', () => {
    const given = scanTree(
      { 'main.tf': MAIN },
      { layers: [{ kind: 'file', rel: 'secrets.tfvars', text: 'password = "hunter2"\n' }, { kind: 'value', name: 'token', value: 'flag', from: '--var' }] },
    ).get('aws_db_instance.db');
    expect(attr(given, 'password')).toMatchObject({ kind: 'unknown', secret: true });
    expect(attr(given, 'token')).toMatchObject({ kind: 'unknown', secret: true });
    const written = scanTree({ 'main.tf': MAIN, 'terraform.tfvars': 'password = "hunter2"\n' });
    const db = written.get('aws_db_instance.db');
    expect(attr(db, 'token')).toMatchObject({ kind: 'literal', value: 'written-in-code' });
    expect(attr(db, 'password')).toMatchObject({ kind: 'literal', value: 'hunter2' });
    expect(attr(db, 'password')?.origin?.[0].file).toBe('terraform.tfvars');
  });

  it('reads command-line text as the variable type wants: an expression for a list, a number for a number', () => {
    const db = scanTree(
      { 'main.tf': MAIN },
      { layers: [{ kind: 'value', name: 'ports', value: '[22, 443]', from: '--var' }], environment: { count_of: '3', level: '[1]' } },
    ).get('aws_db_instance.db');
    expect(plain(attr(db, 'ports'))).toEqual([22, 443]);
    expect(attr(db, 'ports.0')).toMatchObject({ supplied: true });
    expect(plain(attr(db, 'n'))).toBe(3);
    expect(plain(attr(db, 'level'))).toBe('[1]');
  });

  it('a null given for a variable with nullable = false takes its default', () => {
    const db = scanTree({ 'main.tf': MAIN, 'terraform.tfvars': 'keep = null\nlevel = null\n' }).get('aws_db_instance.db');
    expect(plain(attr(db, 'keep'))).toBe('kept');
    expect(plain(attr(db, 'level'))).toBe(null);
  });

  it('a reference to a variable that is not declared is unknown, with a warning at the reference', () => {
    const result = scanTree({ 'main.tf': tf('resource "aws_s3_bucket" "b" {', '  bucket = var.nope', '}') });
    expect(attr(result.get('aws_s3_bucket.b'), 'bucket')).toMatchObject({ kind: 'unknown' });
    expect(result.noticeLines()).toEqual([expect.stringMatching(/^unknown-reference main\.tf:2:12 var\.nope is not declared in the root module/)]);
  });

  it('converts values to the variable type: optional attributes take their defaults, text becomes numbers', () => {
    const module = tf(
      'variable "groups" {',
      '  type = map(object({',
      '    create = optional(bool, true)',
      '    size   = optional(number)',
      '    name   = string',
      '  }))',
      '}',
      'variable "port" {',
      '  type = number',
      '}',
      'resource "aws_autoscaling_group" "g" {',
      '  for_each = { for k, v in var.groups : k => v if v.create }',
      '  name     = each.value.name',
      '  size     = each.value.size',
      '  port     = var.port + 1',
      '}',
    );
    const result = scanTree({
      'main.tf': tf('module "m" {', '  source = "./m"', '  groups = { a = { name = "x" }, b = { name = "y", create = false } }', '  port = "80"', '}'),
      'm/main.tf': module,
    });
    expect(result.addresses()).toEqual(['module.m.aws_autoscaling_group.g["a"]']);
    const group = result.get('module.m.aws_autoscaling_group.g["a"]');
    expect([plain(attr(group, 'name')), plain(attr(group, 'size')), plain(attr(group, 'port'))]).toEqual(['x', null, 81]);
  });
});
