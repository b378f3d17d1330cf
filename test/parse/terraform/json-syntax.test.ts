import { describe, expect, it } from 'vitest';
import { attr, plain, scanTree, span } from './helpers';

const CONFIG = `{
  "//": "generated",
  "variable": {
    "cidr": { "default": "0.0.0.0/0", "description": "\${not.a.template}" }
  },
  "locals": { "prefix": "app" },
  "resource": {
    "aws_security_group": {
      "web": {
        "name": "\${local.prefix}-web",
        "count": 2,
        "tags": { "Name": "web", "team": "infra" },
        "ingress": [
          { "from_port": 22, "cidr_blocks": ["\${var.cidr}"] },
          { "from_port": 443, "cidr_blocks": ["10.0.0.0/8"] }
        ],
        "timeouts": { "create": "5m" },
        "lifecycle": { "create_before_destroy": true },
        "dynamic": {
          "egress": {
            "for_each": [80, 8080],
            "iterator": "port",
            "content": { "from_port": "\${port.value}" }
          }
        }
      }
    }
  }
}
`;

describe('Terraform JSON syntax (.tf.json)', () => {
  it('evaluates through the same evaluator: strings are templates, "//" is a comment, blocks are objects', () => {
    const result = scanTree({ 'main.tf.json': CONFIG });
    expect(result.addresses()).toEqual(['aws_security_group.web[0]', 'aws_security_group.web[1]']);
    const sg = result.get('aws_security_group.web[1]');
    expect(plain(sg.attributes)).toEqual({
      name: 'app-web',
      tags: { Name: 'web', team: 'infra' },
      ingress: [
        { from_port: 22, cidr_blocks: ['0.0.0.0/0'] },
        { from_port: 443, cidr_blocks: ['10.0.0.0/8'] },
      ],
      timeouts: [{ create: '5m' }],
      egress: [{ from_port: 80 }, { from_port: 8080 }],
    });
    expect(result.notices).toEqual([]);
  });

  it('places values at their JSON strings and keys', () => {
    const result = scanTree({ 'main.tf.json': CONFIG });
    const sg = result.get('aws_security_group.web[0]');
    expect(result.textAt(sg.range)).toBe('"web"');
    expect(result.textAt(sg.attributes.keyRanges.get('name')!)).toBe('"name"');
    const cidr = attr(sg, 'ingress.0.cidr_blocks.0');
    expect(result.textAt(cidr!.range)).toBe('"${var.cidr}"');
    expect(cidr?.origin?.map((r) => result.textAt(r))).toEqual(['"0.0.0.0/0"']);
  });

  it('reads CDK for Terraform output (cdktf.out/stacks/*/cdk.tf.json) the same way', () => {
    const cdk = JSON.stringify(
      {
        resource: {
          aws_s3_bucket: {
            bucket_ABC123: { '//': { metadata: { path: 'stack/bucket' } }, bucket: 'data', versioning: { enabled: true } },
          },
        },
      },
      null,
      2,
    );
    const result = scanTree({ 'cdktf.out/stacks/stack/cdk.tf.json': cdk });
    const bucket = result.get('aws_s3_bucket.bucket_ABC123');
    expect(plain(bucket.attributes)).toEqual({ bucket: 'data', versioning: [{ enabled: true }] });
    expect(bucket.unit).toBe('cdktf.out/stacks/stack');
    expect(span(bucket.range)).toBe('4:7-4:22');
  });

  it('a JSON syntax error is an error notice at its place; other files still evaluate', () => {
    const result = scanTree({ 'a/bad.tf.json': '{ "resource": { ', 'b/main.tf': 'resource "aws_s3_bucket" "ok" {}\n' });
    expect(result.addresses()).toEqual(['aws_s3_bucket.ok']);
    expect(result.notices).toEqual([expect.objectContaining({ level: 'error', code: 'parse-error', file: 'a/bad.tf.json' })]);
  });

  it('reads variable types written as strings, optional defaults included', () => {
    const config = JSON.stringify({
      variable: { rules: { type: 'list(object({ port = number, cidr = optional(string, "10.0.0.0/8") }))', default: [{ port: '22' }] } },
      resource: { aws_security_group_rule: { r: { from_port: '${var.rules[0].port}', cidr_blocks: ['${var.rules[0].cidr}'] } } },
    });
    const rule = scanTree({ 'main.tf.json': config }).get('aws_security_group_rule.r');
    expect(plain(rule.attributes)).toEqual({ from_port: 22, cidr_blocks: ['10.0.0.0/8'] });
  });
});
