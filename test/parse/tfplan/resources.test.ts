import { describe, expect, it } from 'vitest';
import { creates, parsePlan, parsePlans, plain, planJson, planned, prop, resource, span, spanOf } from './helpers';

const MODULES = planJson({
  root: {
    resources: [
      planned('aws_s3_bucket.logs', { bucket: 'logs', acl: null, force_destroy: false }),
      { address: 'data.aws_caller_identity.me', mode: 'data', type: 'aws_caller_identity', name: 'me', values: { account_id: '123' } },
    ],
    child_modules: [
      {
        address: 'module.app["blue"]',
        resources: [planned('module.app["blue"].aws_s3_bucket.b[0]', { bucket: 'blue-0' }, { index: 0 }), planned('module.app["blue"].aws_s3_bucket.b[1]', { bucket: 'blue-1' }, { index: 1 })],
        child_modules: [
          {
            address: 'module.app["blue"].module.queue',
            resources: [planned('module.app["blue"].module.queue.aws_sqs_queue.q["jobs"]', { name: 'jobs' }, { index: 'jobs' })],
          },
        ],
      },
    ],
  },
});

describe('plan resources', () => {
  it('come from the root module and every nested child module, data sources left out', () => {
    const result = parsePlan(MODULES);
    expect(result.notices).toEqual([]);
    expect(result.resources.map((r) => r.address)).toEqual([
      'aws_s3_bucket.logs',
      'module.app["blue"].aws_s3_bucket.b[0]',
      'module.app["blue"].aws_s3_bucket.b[1]',
      'module.app["blue"].module.queue.aws_sqs_queue.q["jobs"]',
    ]);
  });

  it('carry type, format, family, a scan-wide key, the plan as file and unit, and their module', () => {
    const result = parsePlans({ 'env/prod/plan.json': MODULES });
    const queue = resource(result, 'module.app["blue"].module.queue.aws_sqs_queue.q["jobs"]');
    expect(queue).toMatchObject({
      key: 'env/prod/plan.json#module.app["blue"].module.queue.aws_sqs_queue.q["jobs"]',
      type: 'aws_sqs_queue',
      format: 'terraform-plan',
      family: 'terraform',
      file: 'env/prod/plan.json',
      unit: 'env/prod/plan.json',
      context: { module: 'module.app["blue"].module.queue' },
    });
    expect(resource(result, 'aws_s3_bucket.logs').context).toBeUndefined();
  });

  it('keep two plans with the same address apart', () => {
    const result = parsePlans({ 'a/plan.json': MODULES, 'b/plan.json': MODULES });
    const keys = result.resources.filter((r) => r.address === 'aws_s3_bucket.logs').map((r) => r.key);
    expect(keys).toEqual(['a/plan.json#aws_s3_bucket.logs', 'b/plan.json#aws_s3_bucket.logs']);
  });

  it('take the planned values as attributes, nulls left out as unset', () => {
    const result = parsePlan(MODULES);
    expect(plain(resource(result, 'aws_s3_bucket.logs').attributes)).toEqual({ bucket: 'logs', force_destroy: false });
  });

  it('keep nested blocks as lists of maps, as the plan writes them', () => {
    const text = planJson({
      root: { resources: [planned('aws_s3_bucket.b', { versioning: [{ enabled: true, mfa_delete: false }], tags: { Team: 'data' }, grant: [] })] },
    });
    const result = parsePlan(text);
    expect(plain(resource(result, 'aws_s3_bucket.b').attributes)).toEqual({ versioning: [{ enabled: true, mfa_delete: false }], tags: { Team: 'data' }, grant: [] });
  });

  it('point every value and key at its place in the plan', () => {
    const text = planJson({ root: { resources: [planned('aws_s3_bucket.b', { bucket: 'data', versioning: [{ enabled: true }] })] } });
    const result = parsePlan(text);
    const bucket = resource(result, 'aws_s3_bucket.b');
    expect(span(bucket.range)).toBe(spanOf(text, '"address": "aws_s3_bucket.b"'));
    expect(span(prop(result, 'aws_s3_bucket.b', 'bucket')?.range)).toBe(spanOf(text, '"data"'));
    expect(span(bucket.attributes.keyRanges.get('bucket'))).toBe(spanOf(text, '"bucket"'));
    expect(span(prop(result, 'aws_s3_bucket.b', 'versioning.0.enabled')?.range)).toBe(spanOf(text, 'true'));
  });

  it('keep only the planned object of a resource being replaced', () => {
    const text = planJson({
      root: { resources: [planned('aws_instance.web', { ami: 'ami-new' })] },
      changes: [
        creates('aws_instance.web', { actions: ['create', 'delete'] }),
        { address: 'aws_instance.web', mode: 'managed', deposed: '00000001', change: { actions: ['delete'], after_unknown: { ami: true } } },
      ],
    });
    expect(plain(resource(parsePlan(text), 'aws_instance.web').attributes)).toEqual({ ami: 'ami-new' });
  });
});
