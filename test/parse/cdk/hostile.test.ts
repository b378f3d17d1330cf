import { describe, expect, it } from 'vitest';
import { makeTree } from '../../discover/tree';
import { byAddress, cfnResource, creationStack, json, manifest, metadataFile, parseAssemblyAt, stackArtifact, stageArtifact, template } from './assembly';

const BUCKET = template({ Bucket1: cfnResource('AWS::S3::Bucket', 'App/Bucket/Resource') });

function parse(files: Record<string, string>, manifestRel = 'cdk.out/manifest.json') {
  const root = makeTree(files);
  return parseAssemblyAt(root, manifestRel, files[manifestRel]);
}

const noticesOf = (result: ReturnType<typeof parse>) => result.notices.map((n) => [n.level, n.code, n.range?.file, n.range?.start.line]);

describe('CDK: hostile or broken assemblies give notices, and the rest is still read', () => {
  it('reports a stack artifact without templateFile at its line in the manifest', () => {
    const outer = manifest({
      Broken: { type: 'aws:cloudformation:stack', properties: {} },
      App: stackArtifact('App.template.json'),
    });
    const result = parse({ 'cdk.out/manifest.json': outer, 'cdk.out/App.template.json': BUCKET });
    expect(noticesOf(result)).toEqual([['error', 'stack-without-template', 'cdk.out/manifest.json', 4]]);
    expect(result.resources.map((r) => r.address)).toEqual(['Bucket1']);
  });

  it('reads nothing outside the assembly folder, however a name leads there', () => {
    const outer = manifest({
      Escape: stackArtifact('../../secret.template.json', { metadataFile: '/etc/hostname' }),
      Stage: stageArtifact('../elsewhere', 'Stage'),
      App: stackArtifact('App.template.json'),
    });
    const result = parse({
      'cdk.out/manifest.json': outer,
      'cdk.out/App.template.json': BUCKET,
      'elsewhere/manifest.json': manifest({}),
    });
    expect(noticesOf(result)).toEqual([
      ['error', 'outside-assembly', 'cdk.out/manifest.json', 10],
      ['error', 'outside-assembly', 'cdk.out/manifest.json', 8],
      ['error', 'outside-assembly', 'cdk.out/manifest.json', 15],
    ]);
    expect(result.notices[1].message).toContain('../../secret.template.json, outside the cloud assembly folder cdk.out');
    expect(result.resources.map((r) => r.address)).toEqual(['Bucket1']);
  });

  it('stops at nested assemblies that lead back to each other', () => {
    const outer = manifest({ Stage: stageArtifact('assembly-A', 'A') });
    const a = manifest({ Inner: stageArtifact('../assembly-B', 'B'), App: stackArtifact('App.template.json') });
    const b = manifest({ Back: stageArtifact('../assembly-A', 'A'), Top: stageArtifact('..', 'top') });
    const result = parse({ 'cdk.out/manifest.json': outer, 'cdk.out/assembly-A/manifest.json': a, 'cdk.out/assembly-A/App.template.json': BUCKET, 'cdk.out/assembly-B/manifest.json': b });
    expect(noticesOf(result)).toEqual([
      ['warning', 'assembly-cycle', 'cdk.out/assembly-B/manifest.json', 7],
      ['warning', 'assembly-cycle', 'cdk.out/assembly-B/manifest.json', 14],
    ]);
    expect(result.resources).toHaveLength(1);
  });

  it('stops at nested stacks that lead back to each other', () => {
    const nested = (file: string) => cfnResource('AWS::CloudFormation::Stack', undefined, {}, { 'aws:asset:path': file });
    const outer = manifest({ App: stackArtifact('App.template.json') });
    const result = parse({
      'cdk.out/manifest.json': outer,
      'cdk.out/App.template.json': template({ ToA: nested('A.nested.template.json') }),
      'cdk.out/A.nested.template.json': template({ ToB: nested('B.nested.template.json') }),
      'cdk.out/B.nested.template.json': template({ ToA: nested('A.nested.template.json'), ToApp: nested('App.template.json') }),
    });
    expect(result.notices).toEqual([]);
    expect(result.resources.map((r) => `${r.context?.stack}/${r.address}`)).toEqual(['App/ToA', 'App/ToA/ToB', 'App/ToA/ToB/ToA', 'App/ToA/ToB/ToApp']);
  });

  it('follows nested stacks and stages a bounded number of levels deep', () => {
    const files: Record<string, string> = { 'cdk.out/manifest.json': manifest({ App: stackArtifact('T0.json'), S: stageArtifact('s1', 'S') }) };
    for (let i = 0; i < 20; i++) {
      files[`cdk.out/T${i}.json`] = template({ [`N${i}`]: cfnResource('AWS::CloudFormation::Stack', undefined, {}, { 'aws:asset:path': `T${i + 1}.json` }) });
      files[`cdk.out/${Array.from({ length: i + 1 }, (_, k) => `s${k + 1}`).join('/')}/manifest.json`] = manifest({ S: stageArtifact(`s${i + 2}`, 'S') });
    }
    const result = parse(files);
    expect(result.resources).toHaveLength(17);
    expect(result.notices.map((n) => [n.level, n.code])).toEqual([
      ['warning', 'nesting-limit'],
      ['warning', 'nesting-limit'],
    ]);
  });

  it('reports missing files, and broken JSON with its line, and scans the other stacks', () => {
    const outer = manifest({
      Missing: stackArtifact('Missing.template.json'),
      Broken: stackArtifact('Broken.template.json', { metadataFile: 'Broken.metadata.json' }),
      App: stackArtifact('App.template.json', { metadataFile: 'Gone.metadata.json' }),
    });
    const result = parse({
      'cdk.out/manifest.json': outer,
      'cdk.out/Broken.template.json': '{\n "Resources": {\n  "X": ,\n }\n}\n',
      'cdk.out/Broken.metadata.json': '{ "/Broken": [ }',
      'cdk.out/App.template.json': BUCKET,
    });
    expect(noticesOf(result)).toEqual([
      ['error', 'unreadable', 'cdk.out/manifest.json', 8],
      ['error', 'parse-error', 'cdk.out/Broken.metadata.json', 1],
      ['error', 'parse-error', 'cdk.out/Broken.template.json', 3],
      ['error', 'unreadable', 'cdk.out/manifest.json', 25],
    ]);
    expect(byAddress(result, 'Bucket1').userCode).toBeUndefined();
  });

  it('tells a manifest.json that is no assembly apart, once it is parsed', () => {
    const result = parse({ 'cdk.out/manifest.json': json({ version: '1', name: 'web app', artifacts: ['icons'] }) });
    expect(noticesOf(result)).toEqual([['warning', 'not-an-assembly', 'cdk.out/manifest.json', 1]]);
  });

  it('keeps huge and endless traces cheap', () => {
    const outer = manifest({ App: stackArtifact('App.template.json', { metadataFile: 'App.metadata.json' }) });
    const hugeFrame = `new X (/${'a'.repeat(5_000_000)}.js:1:1)`;
    const manyFrames = Array.from({ length: 50_000 }, (_, i) => `f (/build/node_modules/p/${i}.js:1:1)`);
    const started = performance.now();
    const result = parse({
      'cdk.out/manifest.json': outer,
      'cdk.out/App.template.json': BUCKET,
      'cdk.out/App.metadata.json': metadataFile({ '/App/Bucket/Resource': [creationStack(hugeFrame, ...manyFrames, 'new Storage (/build/lib/s.ts:1:1)')] }),
      'lib/s.ts': 'x\n',
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.notices).toEqual([]);
    expect(byAddress(result, 'Bucket1').userCode).toBeUndefined();
  });

  it('keeps an endlessly deep construct path cheap', () => {
    const deepPath = `App/${'c/'.repeat(200_000)}Resource`;
    const outer = manifest({ App: stackArtifact('App.template.json') });
    const started = performance.now();
    const result = parse({ 'cdk.out/manifest.json': outer, 'cdk.out/App.template.json': template({ Deep: cfnResource('AWS::S3::Bucket', deepPath) }) });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(byAddress(result, 'Deep').context?.constructPath).toBe(deepPath);
  });

  it('refuses deeply nested JSON in a manifest or a metadata file before reading it', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const outer = manifest({ App: stackArtifact('App.template.json', { metadataFile: 'App.metadata.json' }) });
    const result = parse({
      'cdk.out/manifest.json': outer,
      'cdk.out/App.template.json': BUCKET,
      'cdk.out/App.metadata.json': `{ "/App": ${deep} }`,
    });
    expect(noticesOf(result)).toEqual([['error', 'depth-limit', 'cdk.out/App.metadata.json', 1]]);
    expect(result.resources).toHaveLength(1);
    const broken = parse({ 'cdk.out/manifest.json': outer.replace('"App.template.json"', deep) });
    expect(noticesOf(broken)).toEqual([['error', 'depth-limit', 'cdk.out/manifest.json', expect.any(Number)]]);
  });
});
