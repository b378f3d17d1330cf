import { describe, expect, it } from 'vitest';
import { discover } from '../../../src/discover';
import { DEFAULT_LIMITS } from '../../../src/parse/format';
import { terraformPlanParser } from '../../../src/parse/tfplan';
import { Workspace } from '../../../src/parse/workspace';
import { makeTree } from '../../discover/tree';
import { creates, NO_PLACES, plain, planJson, planned, prop, span, spanOf } from './helpers';

const parser = terraformPlanParser(() => NO_PLACES);

// Windows PowerShell writes `terraform show -json > plan.json` as UTF-16 with CRLF line ends.
const TEXT = planJson({ root: { resources: [planned('aws_s3_bucket.b', { tags: { Name: 'seau 🪣', Team: 'données' } })] }, changes: [creates('aws_s3_bucket.b')] }).replace(/\n/g, '\r\n');

function utf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
}

function utf16be(text: string): Uint8Array {
  const bytes = utf16le(text);
  for (let i = 0; i + 1 < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1], bytes[i]];
  return bytes;
}

async function scanTree(files: Record<string, string | Uint8Array>) {
  const root = makeTree(files);
  const found = await discover(['.'], { root, include: [], exclude: [], parsers: [parser], maxFileBytes: 1 << 20 });
  const result = parser.parse(found.files, { root, parameters: new Map(), limits: DEFAULT_LIMITS, workspace: new Workspace(root, 1 << 20) });
  return { found, result };
}

describe('plan encodings', () => {
  it('finds and reads plans written as UTF-16 with a byte-order mark, little- and big-endian', async () => {
    const { found, result } = await scanTree({ 'le/plan.json': utf16le(TEXT), 'be/plan.json': utf16be(TEXT), 'utf8/plan.json': TEXT });
    expect(found.notices).toEqual([]);
    expect(found.files.map((f) => [f.rel, f.format])).toEqual([
      ['be/plan.json', 'terraform-plan'],
      ['le/plan.json', 'terraform-plan'],
      ['utf8/plan.json', 'terraform-plan'],
    ]);
    expect(result.resources.map((r) => plain(r.attributes))).toEqual(Array(3).fill({ tags: { Name: 'seau 🪣', Team: 'données' } }));
  });

  it('gives positions in the decoded text, columns in UTF-16 code units as editors count them', async () => {
    const line = '{ "a": "🪣", "b": "after" }';
    const text = planJson({ root: { resources: [planned('aws_s3_bucket.b', { x: 'PLACEHOLDER' })] }, changes: [creates('aws_s3_bucket.b')] }).replace('"PLACEHOLDER"', line);
    const { result } = await scanTree({ 'plan.json': utf16le(text) });
    const after = prop(result, 'aws_s3_bucket.b', 'x.b');
    // The bucket emoji is one character on screen but two code units, which `indexOf` counts too.
    expect(span(after?.range)).toBe(spanOf(text, '"after"'));
  });
});
