import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../src/model';
import { creates, parsePlan, parsePlans, planJson, planned, span, spanOf } from './helpers';

const GOOD = planJson({ root: { resources: [planned('aws_s3_bucket.b', { bucket: 'b' })] }, changes: [creates('aws_s3_bucket.b')] });

const where = (notices: Notice[]) => notices.map((n) => [n.level, n.code, n.file, n.range?.start.line]);

describe('a malformed plan', () => {
  it('that is invalid JSON gets an error at its line, and the other plans still scan', () => {
    const broken = '{\n  "format_version": "1.2",\n  "planned_values": {\n    "root_module": {},\n  }\n}\n';
    const result = parsePlans({ 'a/plan.json': broken, 'b/plan.json': GOOD });
    expect(where(result.notices)).toEqual([['error', 'parse-error', 'a/plan.json', 5]]);
    expect(result.notices[0].message).toMatch(/^Invalid JSON: expected .*trailing comma.*not scanned/);
    expect(result.resources.map((r) => r.key)).toEqual(['b/plan.json#aws_s3_bucket.b']);
  });

  it('of a format version this reader does not know is not scanned, and says what it reads', () => {
    const result = parsePlan(GOOD.replace('"format_version": "1.2"', '"format_version": "2.0"'));
    expect(result.resources).toEqual([]);
    expect(where(result.notices)).toEqual([['error', 'plan-format-version', 'plan.json', 2]]);
    expect(result.notices[0].message).toContain('format_version "2.0"');
    expect(result.notices[0].message).toContain('0.x and 1.x');
  });

  it('without a format version is read as 1.x, with a warning', () => {
    const result = parsePlan(GOOD.replace('"format_version": "1.2",', ''));
    expect(where(result.notices)).toEqual([['warning', 'plan-format-version', 'plan.json', 1]]);
    expect(result.resources.map((r) => r.address)).toEqual(['aws_s3_bucket.b']);
  });

  it('that is a state, not a plan, is named so, with what to run instead', () => {
    const state = '{\n  "format_version": "1.0",\n  "terraform_version": "1.5.0",\n  "values": {\n    "root_module": {}\n  }\n}\n';
    const result = parsePlan(state);
    expect(where(result.notices)).toEqual([['error', 'not-a-plan', 'plan.json', 4]]);
    expect(result.notices[0].message).toContain('state');
    expect(result.notices[0].message).toContain('terraform show -json plan.out');
  });

  it('whose planned_values is not an object is not scanned', () => {
    const result = parsePlan('{\n  "format_version": "1.2",\n  "planned_values": []\n}\n');
    expect(where(result.notices)).toEqual([['error', 'not-a-plan', 'plan.json', 3]]);
  });

  it('with a resource without an address keeps the others, with a warning at that resource', () => {
    const text = planJson({ root: { resources: [{ mode: 'managed', type: 'aws_s3_bucket', values: {} }, planned('aws_s3_bucket.b', {})] }, changes: [creates('aws_s3_bucket.b')] });
    const result = parsePlan(text);
    expect(where(result.notices)).toEqual([['warning', 'invalid-resource', 'plan.json', 7]]);
    expect(result.resources.map((r) => r.address)).toEqual(['aws_s3_bucket.b']);
  });

  it('cut short by hand says that the changes it lacks planned values for were not checked', () => {
    const text = planJson({ root: { resources: [planned('aws_s3_bucket.b', {})] }, changes: [creates('aws_s3_bucket.b'), creates('aws_s3_bucket.gone'), { address: 'aws_s3_bucket.old', mode: 'managed', change: { actions: ['delete'] } }] });
    const result = parsePlan(text);
    expect(result.notices.map((n) => [n.code, n.message.split(' ')[0]])).toEqual([['plan-incomplete', '1']]);
  });

  it('without resource_changes is read, with a warning that unknowns cannot be told from absent values', () => {
    const result = parsePlan('{"format_version": "1.2", "planned_values": {"root_module": {"resources": [{"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "values": {}}]}}}');
    expect(where(result.notices)).toEqual([['warning', 'plan-incomplete', 'plan.json', 1]]);
    expect(result.resources).toHaveLength(1);
  });

  it('that plans one address twice checks the first', () => {
    const text = planJson({ root: { resources: [planned('aws_s3_bucket.b', { bucket: 'first' }), planned('aws_s3_bucket.b', { bucket: 'second' })] }, changes: [creates('aws_s3_bucket.b')] });
    const result = parsePlan(text);
    expect(result.notices.map((n) => n.code)).toEqual(['duplicate-resource']);
    expect(result.resources).toHaveLength(1);
  });

  it('nested deeper than the limit is stopped with an error at the first level too deep, cheaply', () => {
    const deep = GOOD.replace('"bucket": "b"', `"bucket": ${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const started = performance.now();
    const result = parsePlan(deep, { limits: { maxDepth: 50 } });
    expect(performance.now() - started).toBeLessThan(1000);
    // The bucket's value sits 6 levels down (plan, planned_values, root_module, resources, the
    // resource, values), so its 45th bracket is level 51.
    const [line, column] = spanOf(deep, '[', '"bucket": ').split('-')[0].split(':').map(Number);
    expect(result.notices.map((n) => [n.level, n.code, span(n.range).split('-')[0]])).toEqual([['error', 'depth-limit', `${line}:${column + 44}`]]);
    expect(result.resources).toEqual([]);
  });
});
