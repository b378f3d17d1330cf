import type { Tags } from 'yaml';

/** CloudFormation's short-form functions: `!Sub x` is `{ "Fn::Sub": x }`, `!Ref x` is `{ Ref: x }`. */
const SHORT_FORMS = [
  'Ref', 'Condition', 'Sub', 'GetAtt', 'If', 'Join', 'Select', 'Split', 'FindInMap', 'Base64', 'Cidr',
  'GetAZs', 'ImportValue', 'Equals', 'And', 'Or', 'Not', 'Transform',
  // Accepted by CloudFormation with the LanguageExtensions transform; resolved to unknown.
  'Length', 'ToJsonString',
];

/** `!Sub` → `Fn::Sub`: the key a short-form tag stands for. */
export const LONG_FORM = new Map<string, string>(
  SHORT_FORMS.map((name) => [`!${name}`, name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`]),
);

const keep = <T>(value: T): T => value;

/**
 * Each short form in all three node shapes, resolving to itself: the tag stays on the node and the
 * reader rewrites it, and yaml does not warn about an unknown tag.
 */
export const INTRINSIC_TAGS: Tags = SHORT_FORMS.flatMap((name) => [
  { tag: `!${name}`, resolve: keep },
  { tag: `!${name}`, collection: 'seq' as const, resolve: keep },
  { tag: `!${name}`, collection: 'map' as const, resolve: keep },
]);
