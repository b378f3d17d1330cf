import { describe, expect, it } from 'vitest';
import { parseText, plain, prop, resource, span, yaml } from './helpers';

describe('SAM Globals', () => {
  const TEMPLATE = yaml(
    'Transform: AWS::Serverless-2016-10-31',
    'Globals:',
    '  Function:',
    '    Runtime: nodejs16.x',
    '    Tags: {team: core, cost: shared}',
    '    Layers: [arn:aws:lambda:eu-west-1:111122223333:layer:base:1]',
    '    Environment:',
    '      Variables: {TABLE: data}',
    '  Api:',
    '    AccessLogSetting:',
    '      DestinationArn: arn:aws:logs:eu-west-1:111122223333:log-group:api',
    'Resources:',
    '  Inherits:',
    '    Type: AWS::Serverless::Function',
    '    Properties: {Handler: index.handler}',
    '  Overrides:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Runtime: nodejs22.x',
    '      Tags: {cost: team}',
    '      Layers: [arn:aws:lambda:eu-west-1:111122223333:layer:extra:2]',
    '      Environment:',
    '        Variables: {MODE: fast}',
    '  NoProperties: {Type: AWS::Serverless::Api}',
    '  Plain: {Type: AWS::Lambda::Function, Properties: {Handler: index.handler}}',
  );
  const result = parseText(TEMPLATE);

  it('a property only in Globals is taken, at the Globals line', () => {
    expect(plain(prop(result, 'Inherits', 'Runtime'))).toBe('nodejs16.x');
    expect(span(prop(result, 'Inherits', 'Runtime')?.range)).toMatch(/^4:/);
    expect(plain(prop(result, 'Inherits', 'Handler'))).toBe('index.handler');
  });

  it("the resource's own value wins; maps merge key by key; lists add the resource's items after Globals'", () => {
    expect(plain(prop(result, 'Overrides', 'Runtime'))).toBe('nodejs22.x');
    expect(span(prop(result, 'Overrides', 'Runtime')?.range)).toMatch(/^19:/);
    expect(plain(prop(result, 'Overrides', 'Tags'))).toEqual({ team: 'core', cost: 'team' });
    expect(plain(prop(result, 'Overrides', 'Layers'))).toEqual([
      'arn:aws:lambda:eu-west-1:111122223333:layer:base:1',
      'arn:aws:lambda:eu-west-1:111122223333:layer:extra:2',
    ]);
    expect(plain(prop(result, 'Overrides', 'Environment'))).toEqual({ Variables: { TABLE: 'data', MODE: 'fast' } });
  });

  it('a SAM resource without Properties still inherits; other types never do', () => {
    expect(plain(prop(result, 'NoProperties', 'AccessLogSetting.DestinationArn'))).toBe('arn:aws:logs:eu-west-1:111122223333:log-group:api');
    expect(plain(resource(result, 'Plain').attributes)).toEqual({ Handler: 'index.handler' });
  });

  it('a Globals section that is not a mapping is reported once and ignored', () => {
    const odd = parseText(yaml(
      'Globals:',
      '  Function: [not, a, map]',
      'Resources:',
      '  A: {Type: AWS::Serverless::Function, Properties: {Runtime: python3.12}}',
      '  B: {Type: AWS::Serverless::Function, Properties: {Runtime: python3.12}}',
    ));
    expect(odd.notices.filter((n) => n.code === 'unknown-globals')).toMatchObject([{ range: { start: { line: 2 } } }]);
    expect(plain(prop(odd, 'A', 'Runtime'))).toBe('python3.12');
  });
});
