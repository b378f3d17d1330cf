import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseText, plain } from './helpers';

/** A property key that is not a function name (`Ref`, `Fn::…`, `Condition`). */
const key = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/).filter((k) => k !== 'Ref' && k !== 'Condition');

/** A random property value, and the value the parser must give for it. */
type Sample = { written: unknown; expected: unknown };

const leaf: fc.Arbitrary<Sample> = fc.oneof(
  fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null)).map((v) => ({ written: v, expected: v })),
  // A Ref to the parameter resolves to its Default.
  fc.constant({ written: { Ref: 'Env' }, expected: 'from-default' }),
);

const sample: fc.Arbitrary<Sample> = fc.letrec<{ value: Sample }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 3 }).map((items) => ({ written: items.map((i) => i.written), expected: items.map((i) => i.expected) })),
    fc.dictionary(key, tie('value'), { maxKeys: 3 }).map(properties),
  ),
})).value;

function properties(entries: Record<string, Sample>): Sample {
  const pairs = Object.entries(entries);
  return {
    written: Object.fromEntries(pairs.map(([k, v]) => [k, v.written])),
    expected: Object.fromEntries(pairs.map(([k, v]) => [k, v.expected])),
  };
}

describe('JSON and YAML renderings of one template', () => {
  it('give the same resources and values', () => {
    const resources = fc.dictionary(key, fc.dictionary(key, sample, { maxKeys: 4 }).map(properties), { minKeys: 1, maxKeys: 3 });
    fc.assert(
      fc.property(resources, (byId) => {
        const template = {
          Parameters: { Env: { Type: 'String', Default: 'from-default' } },
          Resources: Object.fromEntries(
            Object.entries(byId).map(([id, props]) => [id, { Type: 'AWS::S3::Bucket', Properties: props.written }]),
          ),
        };
        const fromJson = parseText(JSON.stringify(template, null, 2), { rel: 't.json' });
        const fromYaml = parseText(stringify(template), { rel: 't.yaml' });
        expect(fromJson.notices).toEqual([]);
        expect(fromYaml.notices).toEqual([]);
        const values = (result: typeof fromJson) => Object.fromEntries(result.resources.map((r) => [r.address, plain(r.attributes)]));
        const expected = Object.fromEntries(Object.entries(byId).map(([id, props]) => [id, props.expected]));
        expect(values(fromJson)).toEqual(expected);
        expect(values(fromYaml)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
