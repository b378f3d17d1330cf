import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../../src/graph/graph';
import type { ParseResult } from '../../../src/parse/format';
import { configured, creates, parsePlan, plain, planJson, planned, prop, refs, resource } from './helpers';

/** Every edge of the graph built from a parse, as `from -path-> to.attr`. */
function edges(result: ParseResult): string[] {
  const graph = new ResourceGraph(result.resources);
  return result.resources.flatMap((r) => graph.references(r).map((e) => `${e.from.address} -${e.path}-> ${e.to.address}${e.attr ? `.${e.attr}` : ''}`));
}

describe('edges from the configuration', () => {
  it('link a value known after apply to the resource it references', () => {
    const text = planJson({
      root: { resources: [planned('aws_s3_bucket.b', { bucket: 'data' }), planned('aws_s3_bucket_versioning.v', { versioning_configuration: [{ status: 'Enabled' }] })] },
      changes: [creates('aws_s3_bucket.b', { after_unknown: { id: true } }), creates('aws_s3_bucket_versioning.v', { after_unknown: { bucket: true } })],
      configuration: {
        resources: [
          configured('aws_s3_bucket.b', { bucket: { constant_value: 'data' } }),
          configured('aws_s3_bucket_versioning.v', { bucket: refs('aws_s3_bucket.b.id', 'aws_s3_bucket.b'), versioning_configuration: [{ status: { constant_value: 'Enabled' } }] }),
        ],
      },
    });
    const result = parsePlan(text);
    expect(prop(result, 'aws_s3_bucket_versioning.v', 'bucket')).toMatchObject({ kind: 'unknown', why: 'known after apply', refs: [{ key: 'plan.json#aws_s3_bucket.b', attr: 'id' }] });
    expect(edges(result)).toEqual(['aws_s3_bucket_versioning.v -bucket-> aws_s3_bucket.b.id']);
  });

  it('link a value the plan already knows too, keeping what it refers to in why', () => {
    const text = planJson({
      root: { resources: [planned('aws_s3_bucket.b', { bucket: 'data', id: 'data' }), planned('aws_s3_bucket_policy.p', { bucket: 'data', policy: '{}' })] },
      changes: [creates('aws_s3_bucket.b'), creates('aws_s3_bucket_policy.p')],
      configuration: { resources: [configured('aws_s3_bucket_policy.p', { bucket: refs('aws_s3_bucket.b.id', 'aws_s3_bucket.b'), policy: refs('data.aws_iam_policy_document.d.json', 'data.aws_iam_policy_document.d') })] },
    });
    const result = parsePlan(text);
    expect(prop(result, 'aws_s3_bucket_policy.p', 'bucket')).toMatchObject({ kind: 'unknown', why: 'refers to aws_s3_bucket.b.id' });
    // A data source is no resource of the scan: its known value stays a literal, with no edge.
    expect(plain(prop(result, 'aws_s3_bucket_policy.p', 'policy'))).toBe('{}');
    expect(edges(result)).toEqual(['aws_s3_bucket_policy.p -bucket-> aws_s3_bucket.b.id']);
  });

  it('link references inside nested blocks at their own path', () => {
    const text = planJson({
      root: { resources: [planned('aws_s3_bucket.logs', {}), planned('aws_s3_bucket.b', { logging: [{ target_prefix: 'b/' }] })] },
      changes: [creates('aws_s3_bucket.logs', { after_unknown: { id: true } }), creates('aws_s3_bucket.b', { after_unknown: { logging: [{ target_bucket: true }] } })],
      configuration: { resources: [configured('aws_s3_bucket.b', { logging: [{ target_bucket: refs('aws_s3_bucket.logs.id', 'aws_s3_bucket.logs'), target_prefix: { constant_value: 'b/' } }] })] },
    });
    expect(edges(parsePlan(text))).toEqual(['aws_s3_bucket.b -logging[0].target_bucket-> aws_s3_bucket.logs.id']);
  });

  it('leave values fed by variables, locals and data sources without references', () => {
    const text = planJson({
      root: { resources: [planned('aws_s3_bucket_versioning.v', {})] },
      changes: [creates('aws_s3_bucket_versioning.v', { after_unknown: { bucket: true, expected_bucket_owner: true } })],
      configuration: { resources: [configured('aws_s3_bucket_versioning.v', { bucket: refs('local.name'), expected_bucket_owner: refs('data.aws_caller_identity.me.account_id', 'data.aws_caller_identity.me') })] },
    });
    const result = parsePlan(text);
    expect(plain(resource(result, 'aws_s3_bucket_versioning.v').attributes)).toEqual({ bucket: { unknown: [] }, expected_bucket_owner: { unknown: [] } });
  });
});

describe('references across modules', () => {
  it('follow a variable to the argument of the module call, resolved in the calling module', () => {
    const text = planJson({
      root: {
        resources: [planned('aws_s3_bucket.b', {})],
        child_modules: [{ address: 'module.store', resources: [planned('module.store.aws_s3_bucket_policy.p', {})] }],
      },
      changes: [creates('aws_s3_bucket.b', { after_unknown: { id: true } }), creates('module.store.aws_s3_bucket_policy.p', { after_unknown: { bucket: true } })],
      configuration: {
        module_calls: {
          store: {
            source: './store',
            expressions: { bucket_id: refs('aws_s3_bucket.b.id', 'aws_s3_bucket.b') },
            module: { resources: [configured('aws_s3_bucket_policy.p', { bucket: refs('var.bucket_id') })] },
          },
        },
      },
    });
    expect(edges(parsePlan(text))).toEqual(['module.store.aws_s3_bucket_policy.p -bucket-> aws_s3_bucket.b.id']);
  });

  it('follow a module output to the resource inside the module', () => {
    const text = planJson({
      root: {
        resources: [planned('aws_s3_bucket_versioning.v', {})],
        child_modules: [{ address: 'module.store', resources: [planned('module.store.aws_s3_bucket.this', {})] }],
      },
      changes: [creates('aws_s3_bucket_versioning.v', { after_unknown: { bucket: true } }), creates('module.store.aws_s3_bucket.this', { after_unknown: { id: true } })],
      configuration: {
        resources: [configured('aws_s3_bucket_versioning.v', { bucket: refs('module.store.bucket_id', 'module.store') })],
        module_calls: {
          store: { source: './store', module: { resources: [configured('aws_s3_bucket.this', {})], outputs: { bucket_id: { expression: refs('aws_s3_bucket.this.id', 'aws_s3_bucket.this') } } } },
        },
      },
    });
    expect(edges(parsePlan(text))).toEqual(['aws_s3_bucket_versioning.v -bucket-> module.store.aws_s3_bucket.this.id']);
  });

  it('resolve names inside a module instance to that instance', () => {
    const text = planJson({
      root: {
        child_modules: ['a', 'b'].map((k) => ({
          address: `module.site["${k}"]`,
          resources: [planned(`module.site["${k}"].aws_s3_bucket.b`, {}), planned(`module.site["${k}"].aws_s3_bucket_versioning.v`, {})],
        })),
      },
      changes: ['a', 'b'].flatMap((k) => [creates(`module.site["${k}"].aws_s3_bucket.b`), creates(`module.site["${k}"].aws_s3_bucket_versioning.v`, { after_unknown: { bucket: true } })]),
      configuration: {
        module_calls: { site: { source: './site', module: { resources: [configured('aws_s3_bucket_versioning.v', { bucket: refs('aws_s3_bucket.b.id', 'aws_s3_bucket.b') })] } } },
      },
    });
    expect(edges(parsePlan(text))).toEqual([
      'module.site["a"].aws_s3_bucket_versioning.v -bucket-> module.site["a"].aws_s3_bucket.b.id',
      'module.site["b"].aws_s3_bucket_versioning.v -bucket-> module.site["b"].aws_s3_bucket.b.id',
    ]);
  });

  it('stop on a configuration whose references go round in a circle', () => {
    const text = planJson({
      root: { child_modules: [{ address: 'module.m', resources: [planned('module.m.aws_s3_bucket_policy.p', {})] }] },
      changes: [creates('module.m.aws_s3_bucket_policy.p', { after_unknown: { bucket: true } })],
      configuration: {
        module_calls: {
          m: {
            expressions: { x: refs('module.m.y') },
            module: { resources: [configured('aws_s3_bucket_policy.p', { bucket: refs('var.x') })], outputs: { y: { expression: refs('var.x') } } },
          },
        },
      },
    });
    expect(plain(prop(parsePlan(text), 'module.m.aws_s3_bucket_policy.p', 'bucket'))).toEqual({ unknown: [] });
  });
});

describe('references to resources with count or for_each', () => {
  const counted = (expression: object, referrers: string[]) =>
    planJson({
      root: { resources: [planned('aws_s3_bucket.b[0]', {}, { index: 0 }), planned('aws_s3_bucket.b[1]', {}, { index: 1 }), ...referrers.map((a) => planned(a, {}))] },
      changes: [creates('aws_s3_bucket.b[0]'), creates('aws_s3_bucket.b[1]'), ...referrers.map((a) => creates(a, { after_unknown: { bucket: true } }))],
      configuration: { resources: [configured(referrers[0].replace(/\[.*$/, ''), { bucket: expression })] },
    });

  it('pick the instance with the referrer own index', () => {
    const text = counted(refs('aws_s3_bucket.b', 'count.index'), ['aws_s3_bucket_versioning.v[0]', 'aws_s3_bucket_versioning.v[1]']);
    expect(edges(parsePlan(text))).toEqual(['aws_s3_bucket_versioning.v[0] -bucket-> aws_s3_bucket.b[0]', 'aws_s3_bucket_versioning.v[1] -bucket-> aws_s3_bucket.b[1]']);
  });

  it('mean every instance from a referrer without a matching index', () => {
    const text = counted(refs('aws_s3_bucket.b'), ['aws_s3_bucket_policy.all']);
    expect(edges(parsePlan(text))).toEqual(['aws_s3_bucket_policy.all -bucket-> aws_s3_bucket.b[0]', 'aws_s3_bucket_policy.all -bucket-> aws_s3_bucket.b[1]']);
  });

  it('take the instance a reference names, ignoring the prefixes Terraform also lists', () => {
    const text = counted(refs('aws_s3_bucket.b[1].id', 'aws_s3_bucket.b[1]', 'aws_s3_bucket.b'), ['aws_s3_bucket_policy.one']);
    expect(edges(parsePlan(text))).toEqual(['aws_s3_bucket_policy.one -bucket-> aws_s3_bucket.b[1].id']);
  });

  describe('through each.value', () => {
    // Versioning for each bucket of a for_each, as `for_each = aws_s3_bucket.b` with `bucket = each.value.id` plans.
    const eachOf = (forEach: object) =>
      planJson({
        root: {
          resources: ['x', 'y'].flatMap((k) => [planned(`aws_s3_bucket.b["${k}"]`, {}, { index: k }), planned(`aws_s3_bucket_versioning.v["${k}"]`, {}, { index: k })]),
        },
        changes: ['x', 'y'].flatMap((k) => [creates(`aws_s3_bucket.b["${k}"]`, { after_unknown: { id: true } }), creates(`aws_s3_bucket_versioning.v["${k}"]`, { after_unknown: { bucket: true } })]),
        configuration: {
          resources: [{ ...(configured('aws_s3_bucket_versioning.v', { bucket: refs('each.value.id', 'each.value') }) as object), for_each_expression: forEach }],
        },
      });

    it('reach the instance of the for_each resource with the referrer own key', () => {
      expect(edges(parsePlan(eachOf(refs('aws_s3_bucket.b'))))).toEqual([
        'aws_s3_bucket_versioning.v["x"] -bucket-> aws_s3_bucket.b["x"].id',
        'aws_s3_bucket_versioning.v["y"] -bucket-> aws_s3_bucket.b["y"].id',
      ]);
    });

    it('reach nothing when the for_each is not one resource (a variable, a local, several)', () => {
      for (const forEach of [refs('var.buckets'), refs('local.buckets'), refs('aws_s3_bucket.b', 'aws_s3_bucket.c'), refs('aws_s3_bucket.b.tags'), {}]) {
        expect(edges(parsePlan(eachOf(forEach)))).toEqual([]);
      }
    });
  });

  it('match for_each keys however the key is spelled', () => {
    const text = planJson({
      root: { resources: [planned('aws_s3_bucket.b["x"]', {}, { index: 'x' }), planned('aws_s3_bucket.b["y"]', {}, { index: 'y' }), planned('aws_s3_bucket_policy.p', {})] },
      changes: [creates('aws_s3_bucket_policy.p', { after_unknown: { bucket: true } })],
      configuration: { resources: [configured('aws_s3_bucket_policy.p', { bucket: refs('aws_s3_bucket.b["\\u0079"].id') })] },
    });
    expect(edges(parsePlan(text))).toEqual(['aws_s3_bucket_policy.p -bucket-> aws_s3_bucket.b["y"].id']);
  });
});

describe('references on hostile input', () => {
  it('stop growing past a bound when every referrer means every instance, with a warning', () => {
    const buckets = Array.from({ length: 1000 }, (_, i) => planned(`aws_s3_bucket.b["${i}"]`, {}, { index: String(i) }));
    const policies = Array.from({ length: 300 }, (_, i) => planned(`aws_s3_bucket_policy.p[${i}]`, {}, { index: i }));
    const text = planJson({
      root: { resources: [...buckets, ...policies] },
      changes: policies.map((p) => creates((p as { address: string }).address, { after_unknown: { bucket: true } })),
      configuration: { resources: [configured('aws_s3_bucket_policy.p', { bucket: refs('aws_s3_bucket.b') })] },
    });
    const started = performance.now();
    const result = parsePlan(text);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result.notices.map((n) => [n.level, n.code])).toEqual([['warning', 'reference-limit']]);
    expect(prop(result, 'aws_s3_bucket_policy.p[0]', 'bucket')).toMatchObject({ kind: 'unknown', refs: expect.arrayContaining([{ key: 'plan.json#aws_s3_bucket.b["999"]' }]) });
    expect(prop(result, 'aws_s3_bucket_policy.p[299]', 'bucket')).toEqual(expect.objectContaining({ kind: 'unknown', why: 'known after apply' }));
    expect(prop(result, 'aws_s3_bucket_policy.p[299]', 'bucket')).not.toHaveProperty('refs');
  });
});
