import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/model';
import { parseText, plain, prop, resource, span, yaml } from './helpers';

const KEY = 'stack/template.yaml#';

describe('SAM implicit APIs', () => {
  const TEMPLATE = yaml(
    'Transform: AWS::Serverless-2016-10-31',
    'Globals:',
    '  Api:',
    '    Auth: {DefaultAuthorizer: AWS_IAM}',
    'Resources:',
    '  Orders:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Events:',
    '        List:',
    '          Type: Api',
    '          Properties: {Path: /orders, Method: get}',
    '        Named:',
    '          Type: Api',
    '          Properties: {Path: /named, Method: get, RestApiId: !Ref MyApi}',
    '        Root:',
    '          Type: HttpApi',
    '        Nightly:',
    '          Type: Schedule',
    '          Properties: {Schedule: rate(1 day)}',
    '  Reports:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Events:',
    '        Get:',
    '          Type: Api',
    '          Properties: {Path: /reports, Method: get}',
    '        Item:',
    '          Type: HttpApi',
    '          Properties: {Path: "/reports/{id}", Method: GET}',
    '  MyApi: {Type: AWS::Serverless::Api, Properties: {StageName: prod}}',
  );
  const result = parseText(TEMPLATE);

  it('adds each implicit API once, after the declared resources', () => {
    expect(result.resources.map((r) => `${r.address} ${r.type}`)).toEqual([
      'Orders AWS::Serverless::Function',
      'Reports AWS::Serverless::Function',
      'MyApi AWS::Serverless::Api',
      'ServerlessRestApi AWS::Serverless::Api',
      'ServerlessHttpApi AWS::Serverless::HttpApi',
    ]);
    expect(resource(result, 'ServerlessRestApi')).toMatchObject({ key: `${KEY}ServerlessRestApi`, file: 'stack/template.yaml', format: 'cloudformation' });
    expect(result.notices).toEqual([]);
  });

  it('gives it the Globals section, placed at its key; without one, an empty map at the first event that makes it', () => {
    expect(plain(resource(result, 'ServerlessRestApi').attributes)).toEqual({ Auth: { DefaultAuthorizer: 'AWS_IAM' } });
    expect(span(resource(result, 'ServerlessRestApi').range)).toBe('3:3-3:6');
    expect(span(prop(result, 'ServerlessRestApi', 'Auth.DefaultAuthorizer')?.range)).toMatch(/^4:/);
    expect(plain(resource(result, 'ServerlessHttpApi').attributes)).toEqual({});
    expect(span(resource(result, 'ServerlessHttpApi').range)).toBe('16:9-16:13');
    expect(span(resource(result, 'ServerlessHttpApi').attributes.range)).toBe('16:9-16:13');
  });

  it('makes the events that name no API reference it, at their Type line', () => {
    expect(plain(prop(result, 'Orders', 'Events.List.Properties.RestApiId'))).toEqual({ unknown: [`${KEY}ServerlessRestApi`] });
    expect(span(prop(result, 'Orders', 'Events.List.Properties.RestApiId')?.range)).toBe('11:17-11:20');
    expect(plain(prop(result, 'Reports', 'Events.Get.Properties.RestApiId'))).toEqual({ unknown: [`${KEY}ServerlessRestApi`] });
    expect(plain(prop(result, 'Reports', 'Events.Item.Properties.ApiId'))).toEqual({ unknown: [`${KEY}ServerlessHttpApi`] });
    expect(plain(prop(result, 'Orders', 'Events.Named.Properties.RestApiId'))).toEqual({ unknown: [`${KEY}MyApi`] });
    expect(prop(result, 'Orders', 'Events.Nightly.Properties.RestApiId')).toBeUndefined();
  });

  it('gives an HttpApi event without properties (the $default route) Properties with the reference, at its Type line', () => {
    const events = prop(result, 'Orders', 'Events.Root');
    expect(plain(events)).toEqual({ Type: 'HttpApi', Properties: { ApiId: { unknown: [`${KEY}ServerlessHttpApi`] } } });
    expect(events?.kind === 'map' && span(events.keyRanges.get('Properties'))).toBe('17:11-17:15');
    expect(span(prop(result, 'Orders', 'Events.Root.Properties')?.range)).toBe('17:17-17:24');
  });

  it('places every value of the template, synthesized or not, in the file', () => {
    const lines = TEMPLATE.split('\n').length;
    const outside: string[] = [];
    const visit = (value: Value, path: string): void => {
      const { file, start, end } = value.range;
      if (file !== 'stack/template.yaml' || start.line < 1 || end.line > lines) outside.push(path);
      if (value.kind === 'map') {
        for (const [k, v] of value.entries) {
          if (!value.keyRanges.has(k)) outside.push(`${path}.${k} (key)`);
          visit(v, `${path}.${k}`);
        }
      }
      if (value.kind === 'list') value.items.forEach((v, i) => visit(v, `${path}[${i}]`));
    };
    for (const r of result.resources) visit(r.attributes, r.address);
    expect(result.resources).toHaveLength(5);
    expect(outside).toEqual([]);
  });

  it('adds none when every API event names its API, or an Api event has no properties (SAM passes over it)', () => {
    const named = parseText(yaml(
      'Transform: AWS::Serverless-2016-10-31',
      'Globals: {Api: {TracingEnabled: true}, HttpApi: {Tags: {a: b}}}',
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Events:',
      '        A: {Type: Api, Properties: {Path: /a, Method: get, RestApiId: !Ref Rest}}',
      '        B: {Type: HttpApi, Properties: {ApiId: !Ref Http}}',
      '        C: {Type: Api}',
      '  Rest: {Type: AWS::Serverless::Api, Properties: {StageName: prod}}',
      '  Http: {Type: AWS::Serverless::HttpApi}',
    ));
    expect(named.resources.map((r) => r.address)).toEqual(['Fn', 'Rest', 'Http']);
    expect(plain(prop(named, 'Fn', 'Events.C'))).toEqual({ Type: 'Api' });
  });

  it('does not duplicate a declared resource with the logical ID; the events reference it', () => {
    const declared = parseText(yaml(
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  ServerlessRestApi: {Type: AWS::Serverless::Api, Properties: {StageName: prod}}',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Events:',
      '        A: {Type: Api, Properties: {Path: /a, Method: get}}',
    ));
    expect(declared.resources.map((r) => r.address)).toEqual(['ServerlessRestApi', 'Fn']);
    expect(plain(prop(declared, 'Fn', 'Events.A.Properties.RestApiId'))).toEqual({ unknown: [`${KEY}ServerlessRestApi`] });
  });

  it('takes the events of kept functions and state machines only (the transform named in a list too)', () => {
    const text = yaml(
      'Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]',
      'Conditions:',
      '  Never: !Equals [a, b]',
      'Resources:',
      '  Off:',
      '    Type: AWS::Serverless::Function',
      '    Condition: Never',
      '    Properties:',
      '      Events: {Root: {Type: HttpApi}}',
      '  Flow:',
      '    Type: AWS::Serverless::StateMachine',
      '    Properties:',
      '      Events: {Start: {Type: Api, Properties: {Path: /start, Method: post}}}',
      '  Plain:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Events: {Start: {Type: Api, Properties: {Path: /start, Method: post}}}',
    );
    const kept = parseText(text);
    expect(kept.resources.map((r) => r.address)).toEqual(['Flow', 'Plain', 'ServerlessRestApi']);
    expect(span(resource(kept, 'ServerlessRestApi').range)).toBe('13:16-13:21');
    expect(prop(kept, 'Plain', 'Events.Start.Properties.RestApiId')).toBeUndefined();
  });

  it('without the SAM transform adds nothing, and a Ref to ServerlessRestApi is a mistake', () => {
    const text = (transform: string) => yaml(
      transform,
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Events: {A: {Type: Api, Properties: {Path: /a, Method: get}}}',
      '  Invoke:',
      '    Type: AWS::Lambda::Permission',
      '    Properties:',
      '      SourceArn: !Sub "arn:aws:execute-api:eu-west-1:111122223333:${ServerlessRestApi}/*"',
      '      RestApi: !GetAtt ServerlessRestApi.RootResourceId',
    );
    const sam = parseText(text('Transform: AWS::Serverless-2016-10-31'));
    expect(sam.notices).toEqual([]);
    expect(plain(prop(sam, 'Invoke', 'SourceArn'))).toEqual({ unknown: [`${KEY}ServerlessRestApi`] });
    expect(plain(prop(sam, 'Invoke', 'RestApi'))).toEqual({ unknown: [`${KEY}ServerlessRestApi.RootResourceId`] });

    const plainTemplate = parseText(text('Description: no transform'));
    expect(plainTemplate.resources.map((r) => r.address)).toEqual(['Fn', 'Invoke']);
    expect(plainTemplate.notices.map((n) => n.code)).toEqual(['unknown-reference', 'unknown-reference']);
  });
});
