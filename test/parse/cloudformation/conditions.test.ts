import { describe, expect, it } from 'vitest';
import { parseText, plain, prop, yaml } from './helpers';

describe('conditions', () => {
  const TEMPLATE = yaml(
    'Parameters:',
    '  Env: {Type: String, Default: dev}',
    '  Region: {Type: String}',
    'Conditions:',
    '  IsProd: !Equals [!Ref Env, prod]',
    '  NotProd: !Not [!Condition IsProd]',
    '  InEu: !Equals [!Ref Region, eu-west-1]',
    '  ProdOrEu: !Or [!Condition IsProd, !Condition InEu]',
    '  DevAndEu: !And [!Condition NotProd, !Condition InEu]',
    '  DevOrEu: !Or [!Condition NotProd, !Condition InEu]',
    'Resources:',
    '  Always: {Type: AWS::S3::Bucket}',
    '  OnlyProd: {Type: AWS::S3::Bucket, Condition: IsProd}',
    '  OnlyDev: {Type: AWS::S3::Bucket, Condition: NotProd}',
    '  Maybe: {Type: AWS::S3::Bucket, Condition: ProdOrEu}',
    '  AlsoMaybe: {Type: AWS::S3::Bucket, Condition: DevAndEu}',
    '  Sure: {Type: AWS::S3::Bucket, Condition: DevOrEu}',
  );

  it('a resource whose condition is false is left out; unknown conditions keep it', () => {
    const ids = parseText(TEMPLATE).resources.map((r) => r.address);
    expect(ids).toEqual(['Always', 'OnlyDev', 'Maybe', 'AlsoMaybe', 'Sure']);
  });

  it('follows the parameters: prod flips which resources exist', () => {
    const ids = parseText(TEMPLATE, { parameters: { Env: 'prod' } }).resources.map((r) => r.address);
    expect(ids).toEqual(['Always', 'OnlyProd', 'Maybe', 'Sure']);
  });

  it('conditions that refer to each other are unknown, with a warning, and end', () => {
    const result = parseText(yaml(
      'Conditions:',
      '  A: !Condition B',
      '  B: !Not [!Condition A]',
      'Resources:',
      '  X: {Type: AWS::S3::Bucket, Condition: A}',
      '  Y:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      Name: !If [B, one, two]',
    ));
    expect(result.resources.map((r) => r.address)).toEqual(['X', 'Y']);
    expect(plain(prop(result, 'Y', 'Name'))).toEqual({ unknown: [] });
    expect(result.notices.map((n) => n.code)).toContain('condition-cycle');
  });

  it('a long chain of conditions is bounded by maxDepth', () => {
    const lines = ['Conditions:', '  C0: !Equals [a, a]'];
    for (let i = 1; i <= 300; i++) lines.push(`  C${i}: !Condition C${i - 1}`);
    lines.push('Resources:', '  X: {Type: AWS::S3::Bucket, Condition: C300}');
    const result = parseText(yaml(...lines), { limits: { maxDepth: 50 } });
    expect(result.resources).toHaveLength(1);
    expect(result.notices.some((n) => n.code === 'condition-cycle')).toBe(true);
  });

  it('an undefined condition is unknown and warned about', () => {
    const result = parseText(yaml('Resources:', '  X: {Type: AWS::S3::Bucket, Condition: Missing}'));
    expect(result.resources).toHaveLength(1);
    expect(result.notices.map((n) => n.code)).toEqual(['unknown-condition']);
  });
});

describe('Properties chosen by a condition', () => {
  const text = yaml(
    'Parameters:',
    '  Env: {Type: String}',
    'Conditions:',
    '  Prod: !Equals [!Ref Env, prod]',
    'Resources:',
    '  B:',
    '    Type: AWS::S3::Bucket',
    '    Properties: !If [Prod, {Name: p, Encrypted: true, Tags: {team: core}, Replica: r}, {Name: d, Encrypted: true, Tags: {team: core}}]',
    '  Gone:',
    '    Type: AWS::S3::Bucket',
    '    Properties: !If [Prod, {Name: p}, !Ref AWS::NoValue]',
  );

  it('are resolved when the condition is known', () => {
    const result = parseText(text, { parameters: { Env: 'prod' } });
    expect(plain(prop(result, 'B', 'Name'))).toBe('p');
    expect(plain(prop(result, 'Gone', 'Name'))).toBe('p');
  });

  it('keep what both branches agree on when the condition is unknown; what they do not is unknown', () => {
    const result = parseText(text);
    expect(plain(prop(result, 'B', 'Encrypted'))).toBe(true);
    expect(plain(prop(result, 'B', 'Tags'))).toEqual({ team: 'core' });
    expect(prop(result, 'B', 'Name')?.kind).toBe('unknown');
    expect(prop(result, 'B', 'Replica')).toMatchObject({ kind: 'unknown', why: 'condition Prod cannot be known before deployment, and only one branch sets Replica' });
  });

  it('leave the resource out with a warning when one branch has no properties at all', () => {
    const result = parseText(text);
    expect(result.resources.map((r) => r.address)).toEqual(['B']);
    expect(result.notices.map((n) => [n.level, n.code, n.range?.start.line])).toEqual([['warning', 'unknown-properties', 11]]);
  });
});
