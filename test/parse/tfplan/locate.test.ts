import { describe, expect, it } from 'vitest';
import type { Range } from '../../../src/model';
import type { BlockPlace, BodyPlace, ConfigPlaces } from '../../../src/parse/tfplan/places';
import { creates, parsePlans, plain, planJson, planned, prop, resource, span, spanOf } from './helpers';

/** A range on one line of a `.tf` file, for hand-made places. */
const at = (file: string, line: number, from: number, to: number): Range => ({ file, start: { line, column: from }, end: { line, column: to } });

function body(parts: Partial<BodyPlace> = {}): BodyPlace {
  return { attributes: new Map(), blocks: new Map(), dynamic: new Map(), ...parts };
}

/** Places found by folder and name, recording which folders were asked about. */
function places(resources: Record<string, BlockPlace>, calls: Record<string, Range> = {}): ConfigPlaces & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    resource(dir, type, name) {
      asked.push(dir);
      return resources[`${dir}|${type}.${name}`];
    },
    moduleCall: (dir, name) => calls[`${dir}|${name}`],
  };
}

const BUCKET: BlockPlace = {
  header: at('infra/main.tf', 3, 1, 33),
  body: body({
    attributes: new Map([['bucket', { name: at('infra/main.tf', 4, 3, 9), value: at('infra/main.tf', 4, 12, 18) }], ['tags', { name: at('infra/main.tf', 5, 3, 7), value: at('infra/main.tf', 5, 10, 30) }]]),
    blocks: new Map([['versioning', [{ header: at('infra/main.tf', 6, 3, 13), body: body({ attributes: new Map([['enabled', { name: at('infra/main.tf', 7, 5, 12), value: at('infra/main.tf', 7, 15, 20) }]]) }) }]]]),
    dynamic: new Map([['grant', at('infra/main.tf', 9, 3, 18)]]),
  }),
};

const PLAN = planJson({
  root: {
    resources: [planned('aws_s3_bucket.b', { bucket: 'data', force_destroy: false, tags: { Team: 'x' }, versioning: [{ enabled: false }], grant: [{ type: 'Group' }] })],
  },
  changes: [creates('aws_s3_bucket.b')],
});

describe('mapping plan resources to their .tf files', () => {
  it('moves a resource to its block, and written attributes to their lines', () => {
    const result = parseInfra(PLAN, places({ '/scan/infra|aws_s3_bucket.b': BUCKET }));
    const bucket = resource(result, 'aws_s3_bucket.b');
    expect(bucket.file).toBe('infra/main.tf');
    expect(bucket.unit).toBe('infra/plan.json');
    expect(bucket.range).toEqual(BUCKET.header);
    expect(prop(result, 'aws_s3_bucket.b', 'bucket')?.range).toEqual(at('infra/main.tf', 4, 12, 18));
    expect(bucket.attributes.keyRanges.get('bucket')).toEqual(at('infra/main.tf', 4, 3, 9));
    // A map written as one expression: its parts point at that expression.
    expect(prop(result, 'aws_s3_bucket.b', 'tags.Team')?.range).toEqual(at('infra/main.tf', 5, 10, 30));
    expect(plain(bucket.attributes)).toEqual({ bucket: 'data', force_destroy: false, tags: { Team: 'x' }, versioning: [{ enabled: false }], grant: [{ type: 'Group' }] });
  });

  it('maps nested blocks one to one, and keeps the plan position for what is not written', () => {
    const result = parseInfra(PLAN, places({ '/scan/infra|aws_s3_bucket.b': BUCKET }));
    expect(prop(result, 'aws_s3_bucket.b', 'versioning.0')?.range).toEqual(at('infra/main.tf', 6, 3, 13));
    expect(prop(result, 'aws_s3_bucket.b', 'versioning.0.enabled')?.range).toEqual(at('infra/main.tf', 7, 15, 20));
    expect(span(prop(result, 'aws_s3_bucket.b', 'force_destroy')?.range)).toBe(spanOf(PLAN, 'false'));
    // Blocks made by `dynamic` cannot be told apart: the key points at the dynamic block, the values stay in the plan.
    expect(resource(result, 'aws_s3_bucket.b').attributes.keyRanges.get('grant')).toEqual(at('infra/main.tf', 9, 3, 18));
    expect(span(prop(result, 'aws_s3_bucket.b', 'grant.0.type')?.range)).toBe(spanOf(PLAN, '"Group"'));
  });

  it('leaves nested blocks in the plan when the plan has another number of them than is written', () => {
    const two = PLAN.replace('"versioning": [\n', '"versioning": [\n          { "enabled": true },\n');
    const result = parseInfra(two, places({ '/scan/infra|aws_s3_bucket.b': BUCKET }));
    expect(span(prop(result, 'aws_s3_bucket.b', 'versioning.1.enabled')?.range)).toBe(spanOf(two, 'false', '"versioning"'));
    expect(resource(result, 'aws_s3_bucket.b').attributes.keyRanges.get('versioning')).toEqual(at('infra/main.tf', 6, 3, 13));
  });

  it('keeps a resource whose block is not found in the plan', () => {
    const result = parseInfra(PLAN, places({}));
    const bucket = resource(result, 'aws_s3_bucket.b');
    expect(bucket.file).toBe('infra/plan.json');
    expect(span(bucket.range)).toBe(spanOf(PLAN, '"address": "aws_s3_bucket.b"'));
    expect(bucket.origin).toBeUndefined();
  });

  it('looks in a local module source relative to the calling module, with the module calls as origin', () => {
    const text = planJson({
      root: { child_modules: [{ address: 'module.site', child_modules: [{ address: 'module.site.module.store', resources: [planned('module.site.module.store.aws_s3_bucket.b', {})] }] }] },
      changes: [creates('module.site.module.store.aws_s3_bucket.b')],
      configuration: { module_calls: { site: { source: './modules/site', module: { module_calls: { store: { source: '../store', module: {} } } } } } },
    });
    const siteCall = at('infra/main.tf', 1, 1, 14);
    const storeCall = at('infra/modules/site/main.tf', 1, 1, 15);
    const found = places({ '/scan/infra/modules/store|aws_s3_bucket.b': BUCKET }, { '/scan/infra|site': siteCall, '/scan/infra/modules/site|store': storeCall });
    const bucket = resource(parseInfra(text, found), 'module.site.module.store.aws_s3_bucket.b');
    expect(bucket.range).toEqual(BUCKET.header);
    expect(bucket.origin).toEqual([siteCall, storeCall]);
  });

  it('does not look for modules from a registry or git, which are not in the scan', () => {
    const text = planJson({
      root: { child_modules: [{ address: 'module.s3', resources: [planned('module.s3.aws_s3_bucket.this[0]', {}, { index: 0 })] }] },
      changes: [creates('module.s3.aws_s3_bucket.this[0]')],
      configuration: { module_calls: { s3: { source: 'terraform-aws-modules/s3-bucket/aws', module: {} } } },
    });
    const found = places({});
    expect(resource(parseInfra(text, found), 'module.s3.aws_s3_bucket.this[0]').file).toBe('infra/plan.json');
    expect(found.asked).toEqual([]);
  });
});

/** The plan as `infra/plan.json` of scan root `/scan`, mapped with `found`. */
function parseInfra(text: string, found: ConfigPlaces) {
  return parsePlans({ 'infra/plan.json': text }, { places: found });
}
