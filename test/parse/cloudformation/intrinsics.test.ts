import { describe, expect, it } from 'vitest';
import { parseText, plain, prop, resource, yaml } from './helpers';

const HEAD = yaml(
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Parameters:',
  '  Env:',
  '    Type: String',
  '    Default: prod',
  '  Names:',
  '    Type: CommaDelimitedList',
  '    Default: "a, b,c"',
  'Mappings:',
  '  Sizes:',
  '    prod:',
  '      Instance: m5.large',
  'Conditions:',
  '  IsProd: !Equals [!Ref Env, prod]',
  '  IsDev: {"Fn::Equals": [{"Ref": "Env"}, "dev"]}',
  'Resources:',
  '  Vpc:',
  '    Type: AWS::EC2::VPC',
  '  Thing:',
  '    Type: Custom::Thing',
  '    Properties:',
);

const VPC = 'stack/template.yaml#Vpc';
const CIDR = `${VPC}.CidrBlock`;

/** [what, short form, long form, expected value] */
const CASES: [string, string, string, unknown][] = [
  ['Ref to a parameter', '!Ref Env', '{Ref: Env}', 'prod'],
  ['Ref to a resource', '!Ref Vpc', '{Ref: Vpc}', { unknown: [VPC] }],
  ['Ref to AWS::Partition', '!Ref AWS::Partition', '{Ref: "AWS::Partition"}', 'aws'],
  ['Ref to AWS::URLSuffix', '!Ref AWS::URLSuffix', '{Ref: "AWS::URLSuffix"}', 'amazonaws.com'],
  ['Ref to AWS::Region', '!Ref AWS::Region', '{Ref: "AWS::Region"}', { unknown: [] }],
  ['GetAtt, dotted', '!GetAtt Vpc.CidrBlock', '{"Fn::GetAtt": "Vpc.CidrBlock"}', { unknown: [CIDR] }],
  ['GetAtt, list', '!GetAtt [Vpc, CidrBlock]', '{"Fn::GetAtt": [Vpc, CidrBlock]}', { unknown: [CIDR] }],
  ['GetAtt, attribute with dots', '!GetAtt Vpc.Endpoint.Address', '{"Fn::GetAtt": [Vpc, Endpoint.Address]}', { unknown: [`${VPC}.Endpoint.Address`] }],
  ['Sub, known', '!Sub "${Env}-${AWS::Partition}-${!Literal}"', '{"Fn::Sub": "${Env}-${AWS::Partition}-${!Literal}"}', 'prod-aws-${Literal}'],
  ['Sub with variables', '!Sub ["${X}.${Env}", {X: x1}]', '{"Fn::Sub": ["${X}.${Env}", {X: x1}]}', 'x1.prod'],
  ['Sub with resources', '!Sub "arn:${Vpc}/${Vpc.CidrBlock}"', '{"Fn::Sub": "arn:${Vpc}/${Vpc.CidrBlock}"}', { unknown: [VPC, CIDR] }],
  ['Join', '!Join ["-", [a, !Ref Env, 3]]', '{"Fn::Join": ["-", [a, {Ref: Env}, 3]]}', 'a-prod-3'],
  ['Join with a resource', '!Join [":", [x, !GetAtt Vpc.CidrBlock]]', '{"Fn::Join": [":", [x, {"Fn::GetAtt": [Vpc, CidrBlock]}]]}', { unknown: [CIDR] }],
  ['Select', '!Select [1, [x, y, z]]', '{"Fn::Select": ["1", [x, y, z]]}', 'y'],
  ['Select from a list parameter', '!Select [1, !Ref Names]', '{"Fn::Select": [1, {Ref: Names}]}', 'b'],
  ['Split', '!Split [",", "a,b,,c"]', '{"Fn::Split": [",", "a,b,,c"]}', ['a', 'b', '', 'c']],
  ['FindInMap', '!FindInMap [Sizes, !Ref Env, Instance]', '{"Fn::FindInMap": [Sizes, {Ref: Env}, Instance]}', 'm5.large'],
  ['FindInMap with a default', '!FindInMap [Sizes, dev, Instance, {DefaultValue: t3.micro}]', '{"Fn::FindInMap": [Sizes, dev, Instance, {DefaultValue: t3.micro}]}', 't3.micro'],
  ['Base64', '!Base64 hello', '{"Fn::Base64": hello}', 'aGVsbG8='],
  ['Base64 of a reference', '!Base64 {"Fn::Sub": "${Vpc}"}', '{"Fn::Base64": !Ref Vpc}', { unknown: [VPC] }],
  ['If, true', '!If [IsProd, on, off]', '{"Fn::If": [IsProd, on, off]}', 'on'],
  ['If, false', '!If [IsDev, on, off]', '{"Fn::If": [IsDev, on, off]}', 'off'],
  ['Equals', '!Equals [7, "7"]', '{"Fn::Equals": [7, "7"]}', true],
  ['And, Not, Condition', '!And [!Condition IsProd, !Not [!Condition IsDev]]', '{"Fn::And": [{Condition: IsProd}, {"Fn::Not": [{Condition: IsDev}]}]}', true],
  ['Or', '!Or [!Condition IsDev, !Equals [x, y]]', '{"Fn::Or": [{Condition: IsDev}, {"Fn::Equals": [x, y]}]}', false],
  ['Cidr', '!Cidr [!GetAtt Vpc.CidrBlock, 6, 5]', '{"Fn::Cidr": [{"Fn::GetAtt": [Vpc, CidrBlock]}, 6, 5]}', { unknown: [CIDR] }],
  ['GetAZs', '!GetAZs ""', '{"Fn::GetAZs": ""}', { unknown: [] }],
  ['ImportValue', '!ImportValue shared-vpc', '{"Fn::ImportValue": shared-vpc}', { unknown: [] }],
  ['Transform', '!Transform {Name: "AWS::Include", Parameters: {Location: "s3://b/k"}}', '{"Fn::Transform": {Name: "AWS::Include", Parameters: {Location: "s3://b/k"}}}', { unknown: [] }],
];

describe('intrinsic functions', () => {
  for (const [what, short, long, expected] of CASES) {
    it(`${what}: short and long forms give the same value`, () => {
      const result = parseText(HEAD + yaml(`      Short: ${short}`, `      Long: ${long}`));
      expect(result.notices.filter((n) => n.level === 'error')).toEqual([]);
      expect(plain(prop(result, 'Thing', 'Short'))).toEqual(expected);
      expect(plain(prop(result, 'Thing', 'Long'))).toEqual(expected);
    });
  }

  it('Ref to AWS::NoValue removes the key and the list item', () => {
    const result = parseText(HEAD + yaml(
      '      Gone: !Ref AWS::NoValue',
      '      Kept: !If [IsDev, x, {Ref: "AWS::NoValue"}]',
      '      List: [a, !Ref AWS::NoValue, b]',
      '      Stays: 1',
    ));
    expect([...resource(result, 'Thing').attributes.entries.keys()]).toEqual(['List', 'Stays']);
    expect(plain(prop(result, 'Thing', 'List'))).toEqual(['a', 'b']);
  });

  it('an unknown condition gives an unknown carrying the refs of both branches', () => {
    const result = parseText(yaml(
      'Parameters:',
      '  Mode: {Type: String}',
      'Conditions:',
      '  On: !Equals [!Ref Mode, on]',
      'Resources:',
      '  A: {Type: AWS::S3::Bucket}',
      '  B: {Type: AWS::S3::Bucket}',
      '  C:',
      '    Type: AWS::SNS::Topic',
      '    Properties:',
      '      Target: !If [On, !Ref A, !GetAtt B.Arn]',
    ));
    const target = prop(result, 'C', 'Target');
    expect(target?.kind).toBe('unknown');
    expect(target?.kind === 'unknown' && target.why).toContain('On');
    expect(plain(target)).toEqual({ unknown: ['stack/template.yaml#A', 'stack/template.yaml#B.Arn'] });
  });

  it('a Ref to an undefined name is unknown and warned about at its place', () => {
    const result = parseText(HEAD + yaml('      Bad: !Ref Nope'));
    expect(plain(prop(result, 'Thing', 'Bad'))).toEqual({ unknown: [] });
    const warning = result.notices.find((n) => n.code === 'unknown-reference');
    expect(warning?.level).toBe('warning');
    expect(warning?.message).toContain('Nope');
    expect(warning?.range?.start.line).toBe(22);
  });

  it('a mapping lookup with no such key and no default is unknown and warned about', () => {
    const result = parseText(HEAD + yaml('      Size: !FindInMap [Sizes, test, Instance]'));
    expect(plain(prop(result, 'Thing', 'Size'))).toEqual({ unknown: [] });
    expect(result.notices.map((n) => n.code)).toContain('missing-mapping-key');
  });

  it('Select out of range is unknown, not a guess', () => {
    const result = parseText(HEAD + yaml('      Pick: !Select [5, [a, b]]'));
    expect(plain(prop(result, 'Thing', 'Pick'))).toEqual({ unknown: [] });
  });
});

describe('dynamic references', () => {
  it('are unknown secrets anywhere in a string, also after substitution', () => {
    const result = parseText(HEAD + yaml(
      '      Ssm: "{{resolve:ssm:/app/name}}"',
      '      Secure: "prefix-{{resolve:ssm-secure:/app/pw:1}}"',
      '      Secret: !Sub "{{resolve:secretsmanager:${Env}-db:SecretString:password}}"',
      '      Plain: "{{not-a-reference}}"',
    ));
    for (const key of ['Ssm', 'Secure', 'Secret']) expect(plain(prop(result, 'Thing', key))).toEqual({ unknown: 'secret' });
    expect(plain(prop(result, 'Thing', 'Plain'))).toBe('{{not-a-reference}}');
  });
});

describe('string functions on hostile input', () => {
  it('stop building text past a budget tied to the file size, and say so', () => {
    const uses = Array.from({ length: 300 }, (_, i) => `      P${i}: !Join ["", [!Ref Big, !Ref Big, !Ref Big, !Ref Big]]`);
    const result = parseText(yaml(
      'Parameters:',
      `  Big: {Type: String, Default: ${'x'.repeat(20000)}}`,
      'Resources:',
      '  T:',
      '    Type: Custom::T',
      '    Properties:',
      ...uses,
    ));
    expect(prop(result, 'T', 'P0')).toMatchObject({ kind: 'literal', value: 'x'.repeat(80000) });
    expect(prop(result, 'T', 'P299')?.kind).toBe('unknown');
    expect(result.notices.map((n) => n.code)).toEqual(['text-limit']);
  });
});
