import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHcl, type ParsedHcl } from '../../../src/parse/terraform/hcl';
import { HclPlaces } from '../../../src/parse/tfplan/hcl-places';
import { Workspace } from '../../../src/parse/workspace';
import { makeTree } from '../../discover/tree';
import { span, spanOf } from './helpers';

const MAIN = `# storage
resource "aws_s3_bucket" "b" {
  bucket = "data"
  versioning {
    enabled = true
  }
  dynamic "grant" {
    for_each = var.grants
  }
}

module "store" {
  source = "./store"
}
`;

/** The HCL parser, recording what it was given; a text with CRASH makes it throw, as a parser bug would. */
function recordingParser(): ((text: string) => ParsedHcl) & { texts: string[] } {
  const texts: string[] = [];
  const parse = (text: string): ParsedHcl => {
    texts.push(text);
    if (text.includes('CRASH')) throw new Error('parser bug');
    return parseHcl(text);
  };
  return Object.assign(parse, { texts });
}

describe('places in .tf files', () => {
  it('finds a resource block, its attributes, nested and dynamic blocks, and module calls', () => {
    const root = makeTree({ 'infra/main.tf': MAIN, 'infra/variables.tf': 'variable "grants" {}\n' });
    const places = new HclPlaces(new Workspace(root, 1 << 20), recordingParser(), 200);
    const block = places.resource(path.join(root, 'infra'), 'aws_s3_bucket', 'b');
    expect(block?.header.file).toBe('infra/main.tf');
    expect(span(block?.header)).toBe(spanOf(MAIN, 'resource "aws_s3_bucket" "b"'));
    expect(span(block?.body.attributes.get('bucket')?.name)).toBe(spanOf(MAIN, 'bucket', '"b" {'));
    expect(span(block?.body.attributes.get('bucket')?.value)).toBe(spanOf(MAIN, '"data"'));
    expect(span(block?.body.blocks.get('versioning')?.[0].body.attributes.get('enabled')?.value)).toBe(spanOf(MAIN, 'true'));
    expect(span(block?.body.dynamic.get('grant'))).toBe(spanOf(MAIN, 'dynamic "grant"'));
    expect(block?.body.blocks.has('dynamic')).toBe(false);
    expect(span(places.moduleCall(path.join(root, 'infra'), 'store'))).toBe(spanOf(MAIN, 'module "store"'));
    expect(places.resource(path.join(root, 'infra'), 'aws_s3_bucket', 'other')).toBeUndefined();
  });

  it('reads only .tf files, each folder once', () => {
    const root = makeTree({ 'infra/main.tf': MAIN, 'infra/plan.json': '{}', 'infra/main.tf.json': '{}', 'infra/notes.txt': 'x' });
    const parse = recordingParser();
    const places = new HclPlaces(new Workspace(root, 1 << 20), parse, 200);
    places.resource(path.join(root, 'infra'), 'aws_s3_bucket', 'b');
    places.moduleCall(path.join(root, 'infra'), 'store');
    expect(parse.texts).toEqual([MAIN]);
  });

  it('reads nothing outside the scan root, wherever a module source points', () => {
    const outside = makeTree({ 'main.tf': MAIN });
    const root = makeTree({ 'infra/main.tf': 'x' });
    const parse = recordingParser();
    const places = new HclPlaces(new Workspace(root, 1 << 20), parse, 200);
    expect(places.resource(outside, 'aws_s3_bucket', 'b')).toBeUndefined();
    expect(parse.texts).toEqual([]);
  });

  it('survives a file the parser fails on, finding the blocks of the others', () => {
    const root = makeTree({ 'a.tf': 'CRASH', 'main.tf': MAIN });
    const places = new HclPlaces(new Workspace(root, 1 << 20), recordingParser(), 200);
    expect(places.resource(root, 'aws_s3_bucket', 'b')?.header.file).toBe('main.tf');
  });
});
