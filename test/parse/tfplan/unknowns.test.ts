import { describe, expect, it } from 'vitest';
import { configured, creates, parsePlan, plain, planJson, planned, prop, refs, resource, span, spanOf } from './helpers';

describe('values known only after apply', () => {
  const text = planJson({
    root: {
      resources: [planned('aws_cloudfront_distribution.cdn', { enabled: true, logging_config: [{ prefix: 'cdn/', include_cookies: false }], origin: [{ domain_name: 'a.example' }, null] })],
    },
    changes: [
      creates('aws_cloudfront_distribution.cdn', {
        after_unknown: { id: true, arn: true, enabled: false, logging_config: [{ bucket: true, prefix: false }], origin: [{ origin_id: true }, true], tags_all: {} },
      }),
    ],
  });

  it('are Unknowns where the plan has no value, at the top and inside nested blocks', () => {
    const result = parsePlan(text);
    const cdn = resource(result, 'aws_cloudfront_distribution.cdn');
    expect(plain(cdn.attributes)).toEqual({
      enabled: true,
      logging_config: [{ prefix: 'cdn/', include_cookies: false, bucket: { unknown: [] } }],
      origin: [{ domain_name: 'a.example', origin_id: { unknown: [] } }, { unknown: [] }],
      id: { unknown: [] },
      arn: { unknown: [] },
    });
    expect(prop(result, 'aws_cloudfront_distribution.cdn', 'id')).toMatchObject({ kind: 'unknown', why: 'known after apply' });
  });

  it('point at their mark in resource_changes, having no planned value', () => {
    const result = parsePlan(text);
    expect(span(prop(result, 'aws_cloudfront_distribution.cdn', 'logging_config.0.bucket')?.range)).toBe(spanOf(text, 'true', '"bucket":'));
    const keys = resource(result, 'aws_cloudfront_distribution.cdn').attributes.keyRanges;
    expect(span(keys.get('arn'))).toBe(spanOf(text, '"arn"'));
  });

  describe('that the configuration leaves out', () => {
    // A bucket whose versioning and logging the provider computes, with an inline block that writes
    // only one of its keys, and a known list made by a `dynamic` block (not in the configuration).
    const text = planJson({
      root: {
        resources: [
          planned('aws_s3_bucket.b', { bucket: 'data', lifecycle_rule: [{ enabled: true }], grant: [{ type: 'Group' }] }),
          planned('aws_s3_bucket_logging.l', {}),
        ],
      },
      changes: [
        creates('aws_s3_bucket.b', {
          after_unknown: { id: true, versioning: true, logging: true, lifecycle_rule: [{ id: true }], grant: [{ uri: true }] },
        }),
        creates('aws_s3_bucket_logging.l', { after_unknown: { bucket: true, target_bucket: true } }),
      ],
      configuration: {
        resources: [
          configured('aws_s3_bucket.b', { bucket: { constant_value: 'data' }, lifecycle_rule: [{ enabled: { constant_value: true } }] }),
          configured('aws_s3_bucket_logging.l', { bucket: refs('aws_s3_bucket.b.id', 'aws_s3_bucket.b'), target_bucket: refs('var.log_bucket') }),
        ],
      },
    });

    it('are unset, as in the .tf file, at the top and in a written block, so rules apply the default', () => {
      const result = parsePlan(text);
      expect(plain(resource(result, 'aws_s3_bucket.b').attributes)).toEqual({
        bucket: 'data',
        lifecycle_rule: [{ enabled: true }],
        grant: [{ type: 'Group', uri: { unknown: [] } }],
      });
    });

    it('are unset when the plan shows them as an empty list or map, but a default the plan knows stays', () => {
      const empties = planJson({
        root: {
          resources: [
            planned('aws_db_instance.db', { identifier: 'db', publicly_accessible: false, restore_to_point_in_time: [], tags_all: {}, vpc_security_group_ids: [] }),
          ],
        },
        changes: [creates('aws_db_instance.db')],
        configuration: { resources: [configured('aws_db_instance.db', { identifier: { constant_value: 'db' }, vpc_security_group_ids: { constant_value: [] } })] },
      });
      // restore_to_point_in_time is a block not written: in a .tf file it is absent, and `exists: false` holds.
      expect(plain(resource(parsePlan(empties), 'aws_db_instance.db').attributes)).toEqual({ identifier: 'db', publicly_accessible: false, vpc_security_group_ids: [] });
    });

    it('stay unknown where they are written, with references or without', () => {
      const result = parsePlan(text);
      expect(plain(resource(result, 'aws_s3_bucket_logging.l').attributes)).toEqual({ bucket: { unknown: ['plan.json#aws_s3_bucket.b.id'] }, target_bucket: { unknown: [] } });
    });

    it('stay unknown in a plan without a configuration section', () => {
      const bare = planJson({ root: { resources: [planned('aws_s3_bucket.b', { bucket: 'data' })] }, changes: [creates('aws_s3_bucket.b', { after_unknown: { versioning: true } })] });
      expect(plain(resource(parsePlan(bare), 'aws_s3_bucket.b').attributes)).toEqual({ bucket: 'data', versioning: { unknown: [] } });
    });
  });

  it('leave an unknown mark over a null planned value unknown, not unset', () => {
    const nullId = planJson({
      root: { resources: [planned('aws_s3_bucket.b', { bucket: 'b', id: null })] },
      changes: [creates('aws_s3_bucket.b', { after_unknown: { id: true } })],
    });
    expect(plain(resource(parsePlan(nullId), 'aws_s3_bucket.b').attributes)).toEqual({ bucket: 'b', id: { unknown: [] } });
  });
});

describe('sensitive values', () => {
  it('are secret Unknowns, from sensitive_values and from after_sensitive', () => {
    const text = planJson({
      root: {
        resources: [
          planned('aws_db_instance.db', { username: 'admin', password: 'from-a-variable', tags: { owner: 'x' } }, { sensitive_values: { password: true, tags: {} } }),
          planned('aws_acm_certificate.cert', { domain_name: 'example.com', private_key: '-----BEGIN' }),
        ],
      },
      changes: [creates('aws_db_instance.db'), creates('aws_acm_certificate.cert', { after_sensitive: { private_key: true } })],
    });
    const result = parsePlan(text);
    expect(plain(resource(result, 'aws_db_instance.db').attributes)).toEqual({ username: 'admin', password: { unknown: 'secret' }, tags: { owner: 'x' } });
    expect(prop(result, 'aws_db_instance.db', 'password')).toMatchObject({ kind: 'unknown', secret: true });
    expect(plain(prop(result, 'aws_acm_certificate.cert', 'private_key'))).toEqual({ unknown: 'secret' });
  });

  it('that are null stay unset', () => {
    const text = planJson({
      root: { resources: [planned('aws_acm_certificate.cert', { domain_name: 'example.com', private_key: null })] },
      changes: [creates('aws_acm_certificate.cert', { after_sensitive: { private_key: true } })],
    });
    expect(plain(resource(parsePlan(text), 'aws_acm_certificate.cert').attributes)).toEqual({ domain_name: 'example.com' });
  });

  it('written as a constant in the configuration stay literals, so a hardcoded secret is seen', () => {
    const text = planJson({
      root: { resources: [planned('aws_db_instance.db', { password: 'hunter22', username: 'admin' }, { sensitive_values: { password: true, username: true } })] },
      changes: [creates('aws_db_instance.db')],
      configuration: {
        resources: [{ address: 'aws_db_instance.db', mode: 'managed', type: 'aws_db_instance', name: 'db', expressions: { password: { constant_value: 'hunter22' }, username: { references: ['var.user'] } } }],
      },
    });
    const result = parsePlan(text);
    expect(plain(resource(result, 'aws_db_instance.db').attributes)).toEqual({ password: 'hunter22', username: { unknown: 'secret' } });
  });
});
