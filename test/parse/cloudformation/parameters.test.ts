import { describe, expect, it } from 'vitest';
import { parseText, plain, prop, span, yaml } from './helpers';

const TEMPLATE = yaml(
  'Parameters:',
  '  Versioning:',
  '    Type: String',
  '    Default: Enabled',
  '  Password:',
  '    Type: String',
  '    NoEcho: true',
  '  Subnets:',
  '    Type: List<AWS::EC2::Subnet::Id>',
  '  Zones:',
  '    Type: CommaDelimitedList',
  '    Default: "a , b"',
  '  Ami:',
  '    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
  '    Default: /aws/service/ami',
  '  Port:',
  '    Type: Number',
  '    Default: 5432',
  'Resources:',
  '  Db:',
  '    Type: AWS::RDS::DBInstance',
  '    Properties:',
  '      Status: !Ref Versioning',
  '      MasterUserPassword: !Ref Password',
  '      SubnetIds: !Ref Subnets',
  '      Zones: !Ref Zones',
  '      ImageId: !Ref Ami',
  '      Port: !Ref Port',
);

describe('parameters', () => {
  it('a Default is used where it is referenced, remembering where it was written', () => {
    const result = parseText(TEMPLATE);
    const status = prop(result, 'Db', 'Status');
    expect(status).toMatchObject({ kind: 'literal', value: 'Enabled' });
    expect(span(status?.range)).toBe('23:15-23:30');
    expect(status?.origin?.map(span)).toEqual(['4:14-4:21']);
    expect(status?.kind === 'literal' && status.supplied).toBeFalsy();
    expect(plain(prop(result, 'Db', 'Port'))).toBe(5432);
  });

  it('a supplied value wins over the Default and is marked supplied', () => {
    const result = parseText(TEMPLATE, { parameters: { Versioning: 'Suspended', Password: 'hunter2', Subnets: 'subnet-1, subnet-2' } });
    expect(prop(result, 'Db', 'Status')).toMatchObject({ kind: 'literal', value: 'Suspended', supplied: true });
    expect(prop(result, 'Db', 'MasterUserPassword')).toMatchObject({ kind: 'literal', value: 'hunter2', supplied: true });
    expect(plain(prop(result, 'Db', 'SubnetIds'))).toEqual(['subnet-1', 'subnet-2']);
  });

  it('a parameter without a value is unknown, and secret when NoEcho', () => {
    const result = parseText(TEMPLATE);
    expect(prop(result, 'Db', 'MasterUserPassword')).toMatchObject({
      kind: 'unknown',
      why: 'parameter Password has no value',
      secret: true,
    });
    const subnets = prop(result, 'Db', 'SubnetIds');
    expect(subnets).toMatchObject({ kind: 'unknown', why: 'parameter Subnets has no value' });
    expect(subnets?.kind === 'unknown' && subnets.secret).toBeFalsy();
  });

  it('list types give lists of trimmed members', () => {
    expect(plain(prop(parseText(TEMPLATE), 'Db', 'Zones'))).toEqual(['a', 'b']);
  });

  it('SSM parameter types are unknown even with a Default or a supplied value', () => {
    expect(prop(parseText(TEMPLATE), 'Db', 'ImageId')?.kind).toBe('unknown');
    expect(prop(parseText(TEMPLATE, { parameters: { Ami: '/my/ami' } }), 'Db', 'ImageId')?.kind).toBe('unknown');
  });

  it('a supplied value can decide a condition', () => {
    const text = yaml(
      'Parameters:',
      '  Env: {Type: String}',
      'Conditions:',
      '  Prod: !Equals [!Ref Env, prod]',
      'Resources:',
      '  Alarm: {Type: AWS::CloudWatch::Alarm, Condition: Prod}',
    );
    expect(parseText(text, { parameters: { Env: 'prod' } }).resources).toHaveLength(1);
    expect(parseText(text, { parameters: { Env: 'dev' } }).resources).toHaveLength(0);
    expect(parseText(text).resources).toHaveLength(1);
  });
});
