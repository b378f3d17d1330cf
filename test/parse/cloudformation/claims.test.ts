import { describe, expect, it } from 'vitest';
import { cloudformation } from '../../../src/parse/cloudformation';

const claims = (rel: string, text: string) => cloudformation.claims(rel, text);

describe('claims', () => {
  it('claims templates by content, returning the syntax', () => {
    expect(claims('a.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n')).toBe('yaml');
    expect(claims('a.yml', "'AWSTemplateFormatVersion': 2010-09-09\n")).toBe('yaml');
    expect(claims('a.json', '\n  {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}')).toBe('json');
    expect(claims('a.template', '{\n "Resources": {\n  "B": {"Type": "AWS::S3::Bucket"}\n }\n}')).toBe('json');
    expect(claims('a.template', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n')).toBe('yaml');
  });

  it('claims SAM and custom-resource templates without a version', () => {
    expect(claims('template.yaml', 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n')).toBe('yaml');
    expect(claims('t.yaml', 'Resources:\n  Thing:\n    Type: "Custom::Thing"\n')).toBe('yaml');
    expect(claims('t.json', '{"Resources": {"T": {"Type": "Custom::Thing"}}}')).toBe('json');
  });

  it('claims a template whose whole document is indented', () => {
    expect(claims('t.yaml', '  AWSTemplateFormatVersion: 2010-09-09\n  Resources:\n    B:\n      Type: AWS::S3::Bucket\n')).toBe('yaml');
  });

  it('does not claim other YAML and JSON files', () => {
    const workflow = 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: aws cloudformation deploy --template-file t.yaml\n';
    expect(claims('.github/workflows/ci.yml', workflow)).toBeUndefined();
    const k8s = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  Type: AWS::S3::Bucket\n';
    expect(claims('k8s/cm.yaml', k8s)).toBeUndefined();
    const serverless = 'service: x\nresources:\n  Resources:\n    B:\n      Type: AWS::S3::Bucket\n';
    expect(claims('serverless.yml', serverless)).toBeUndefined();
    const openapi = 'openapi: 3.0.0\npaths:\n  /x:\n    get:\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n';
    expect(claims('api.yaml', openapi)).toBeUndefined();
    expect(claims('package.json', '{"name": "x", "version": "1.0.0", "dependencies": {"aws-cdk-lib": "2.0.0"}}')).toBeUndefined();
    expect(claims('tsconfig.json', '{"compilerOptions": {"strict": true}}')).toBeUndefined();
  });

  it('ignores other extensions and never throws on garbage', () => {
    expect(claims('notes.txt', 'AWSTemplateFormatVersion: 2010-09-09\n')).toBeUndefined();
    expect(claims('x.yaml', '')).toBeUndefined();
    expect(claims('x.json', '\u0000\uFFFF{{{[[[')).toBeUndefined();
  });
});
