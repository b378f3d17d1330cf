import { describe, expect, it } from 'vitest';
import { makeTree } from '../../discover/tree';
import {
  byAddress,
  cfnResource,
  creationStack,
  logicalId,
  manifest,
  metadataFile,
  parseAssemblyAt,
  stackArtifact,
  stageArtifact,
  template,
  templateFileEntry,
} from './assembly';

const APP = '/home/dev/app';

/** An app with a top-level stack Dev (and its nested stack Audit) and a stage Prod holding Prod/Storage. */
function appTree() {
  const outer = manifest({
    Dev: stackArtifact('Dev.template.json', { displayName: 'Dev', metadataFile: 'Dev.metadata.json' }),
    'assembly-Prod': stageArtifact('assembly-Prod', 'Prod'),
    'Dev.assets': { type: 'cdk:asset-manifest', properties: { file: 'Dev.assets.json' } },
  });
  const files = {
    'lib/storage.js': 'one\ntwo\n',
    'cdk.out/manifest.json': outer,
    'cdk.out/Dev.template.json': template({
      Bucket83908E77: cfnResource('AWS::S3::Bucket', 'Dev/Bucket/Resource'),
      AuditNestedStackResource: cfnResource('AWS::CloudFormation::Stack', 'Dev/Audit.NestedStack/Audit.NestedStackResource', {}, {
        'aws:asset:path': 'DevAudit.nested.template.json',
      }),
    }),
    'cdk.out/Dev.metadata.json': metadataFile({
      '/Dev': [templateFileEntry('Dev.template.json')],
      '/Dev/Bucket/Resource': [logicalId('Bucket83908E77'), creationStack(`new AppStack (${APP}/lib/storage.js:2:5)`)],
      '/Dev/Audit': [templateFileEntry('DevAudit.nested.template.json')],
      '/Dev/Audit/Logs/Resource': [logicalId('Logs12345678'), creationStack(`new Audit (${APP}/lib/storage.js:1:3)`)],
    }),
    'cdk.out/DevAudit.nested.template.json': template({ Logs12345678: cfnResource('AWS::Logs::LogGroup', 'Dev/Audit/Logs/Resource') }),
    'cdk.out/assembly-Prod/manifest.json': manifest({
      ProdStorage1234: stackArtifact('ProdStorage1234.template.json', {
        displayName: 'Prod/Storage',
        metadata: { '/Prod/Storage/Bucket/Resource': [logicalId('Bucket83908E77'), creationStack(`new AppStack (${APP}/lib/storage.js:2:5)`)] },
      }),
    }),
    'cdk.out/assembly-Prod/ProdStorage1234.template.json': template({ Bucket83908E77: cfnResource('AWS::S3::Bucket', 'Prod/Storage/Bucket/Resource') }),
    'cdk.out/asset.abc/template.json': template({ Ignored: cfnResource('AWS::S3::Bucket', undefined) }),
  };
  return { root: makeTree(files), outer };
}

describe('CDK cloud assemblies: what is read', () => {
  it('reads the stacks of the manifest, its nested stacks and its stages, each as format cdk checked as CloudFormation', () => {
    const { root, outer } = appTree();
    const result = parseAssemblyAt(root, 'cdk.out/manifest.json', outer);
    expect(result.notices).toEqual([]);
    expect(result.resources.map((r) => [r.context?.stack, r.address, r.file])).toEqual([
      ['Dev', 'Bucket83908E77', 'cdk.out/Dev.template.json'],
      ['Dev', 'AuditNestedStackResource', 'cdk.out/Dev.template.json'],
      ['Dev/Audit', 'Logs12345678', 'cdk.out/DevAudit.nested.template.json'],
      ['Prod/Storage', 'Bucket83908E77', 'cdk.out/assembly-Prod/ProdStorage1234.template.json'],
    ]);
    for (const r of result.resources) expect([r.format, r.family]).toEqual(['cdk', 'cloudformation']);
  });

  it('names each resource by its construct path and places it at the line of the app that created it', () => {
    const { root, outer } = appTree();
    const result = parseAssemblyAt(root, 'cdk.out/manifest.json', outer);
    const dev = byAddress(result, 'Bucket83908E77', 'Dev');
    expect(dev.context).toEqual({ stack: 'Dev', constructPath: 'Dev/Bucket/Resource' });
    expect(dev.userCode?.created).toEqual({ file: 'lib/storage.js', start: { line: 2, column: 5 }, end: { line: 2, column: 5 } });
    expect(byAddress(result, 'Logs12345678').userCode?.created?.start).toEqual({ line: 1, column: 3 });
    // The stage's stack has its metadata inline in the manifest.
    expect(byAddress(result, 'Bucket83908E77', 'Prod/Storage').userCode?.created?.file).toBe('lib/storage.js');
  });

  it('finds the construct path from the logical ID when the template has no aws:cdk:path, within the right template only', () => {
    const outer = manifest({ App: stackArtifact('App.template.json', { metadataFile: 'App.metadata.json' }) });
    const root = makeTree({
      'lib/app.js': 'x\n',
      'cdk.out/manifest.json': outer,
      'cdk.out/App.template.json': template({
        Queue1: cfnResource('AWS::SQS::Queue', undefined),
        Nested: cfnResource('AWS::CloudFormation::Stack', undefined, {}, { 'aws:asset:path': 'AppInner.nested.template.json' }),
      }),
      'cdk.out/AppInner.nested.template.json': template({ Queue1: cfnResource('AWS::SQS::Queue', undefined) }),
      'cdk.out/App.metadata.json': metadataFile({
        '/App': [templateFileEntry('App.template.json')],
        '/App/Queue/Resource': [logicalId('Queue1'), creationStack(`x (${APP}/lib/app.js:1:1)`)],
        '/App/Inner': [templateFileEntry('AppInner.nested.template.json')],
        '/App/Inner/Queue/Resource': [logicalId('Queue1')],
      }),
    });
    const result = parseAssemblyAt(root, 'cdk.out/manifest.json', outer);
    expect(byAddress(result, 'Queue1', 'App').context?.constructPath).toBe('App/Queue/Resource');
    expect(byAddress(result, 'Queue1', 'App/Inner').context?.constructPath).toBe('App/Inner/Queue/Resource');
    expect(byAddress(result, 'Queue1', 'App/Inner').userCode).toBeUndefined();
  });

  it('reads nested stacks the metadata names when the templates carry no asset metadata', () => {
    const outer = manifest({ App: stackArtifact('App.template.json', { metadataFile: 'App.metadata.json' }) });
    const root = makeTree({
      'cdk.out/manifest.json': outer,
      'cdk.out/App.template.json': template({ Nested: cfnResource('AWS::CloudFormation::Stack', 'App/Inner.NestedStack/Inner.NestedStackResource') }),
      'cdk.out/AppInner.nested.template.json': template({ Topic: cfnResource('AWS::SNS::Topic', 'App/Inner/Topic/Resource') }),
      'cdk.out/App.metadata.json': metadataFile({ '/App/Inner': [templateFileEntry('AppInner.nested.template.json')] }),
    });
    const result = parseAssemblyAt(root, 'cdk.out/manifest.json', outer);
    expect(byAddress(result, 'Topic').context).toEqual({ stack: 'App/Inner', constructPath: 'App/Inner/Topic/Resource' });
  });

  it('takes the creation line of the construct above an L1 that has none, but never the stack’s own', () => {
    const outer = manifest({ App: stackArtifact('App.template.json', { metadataFile: 'App.metadata.json' }) });
    const root = makeTree({
      'lib/app.js': 'x\ny\n',
      'cdk.out/manifest.json': outer,
      'cdk.out/App.template.json': template({
        Fn: cfnResource('AWS::Lambda::Function', 'App/Api/Handler/Resource'),
        Version: cfnResource('AWS::CDK::Metadata', 'App/CDKMetadata/Default'),
      }),
      'cdk.out/App.metadata.json': metadataFile({
        '/App': [creationStack(`<anonymous> (${APP}/lib/app.js:2:1)`)],
        '/App/Api': [creationStack(`new AppStack (${APP}/lib/app.js:1:7)`)],
      }),
    });
    const result = parseAssemblyAt(root, 'cdk.out/manifest.json', outer);
    expect(byAddress(result, 'Fn').userCode?.created?.start).toEqual({ line: 1, column: 7 });
    expect(byAddress(result, 'Version').userCode).toBeUndefined();
  });
});
