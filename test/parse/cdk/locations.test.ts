import { describe, expect, it } from 'vitest';
import { SourceFiles } from '../../../src/parse/cdk/source-files';
import { Workspace } from '../../../src/parse/workspace';
import { makeTree } from '../../discover/tree';
import { byAddress, cfnResource, creationStack, manifest, metadataFile, parseAssemblyAt, propertyAssignment, stackArtifact, template } from './assembly';

/** One stack whose one bucket has the given metadata entries; the assembly sits in `app/cdk.out`. */
function bucketApp(entries: ReturnType<typeof creationStack>[], extraFiles: Record<string, string> = {}) {
  const outer = manifest({ App: stackArtifact('App.template.json', { metadataFile: 'App.metadata.json' }) });
  const root = makeTree({
    'app/cdk.out/manifest.json': outer,
    'app/cdk.out/App.template.json': template({ Bucket1: cfnResource('AWS::S3::Bucket', 'App/Bucket/Resource') }),
    'app/cdk.out/App.metadata.json': metadataFile({ '/App/Bucket/Resource': entries }),
    ...extraFiles,
  });
  const result = parseAssemblyAt(root, 'app/cdk.out/manifest.json', outer);
  return { root, result, bucket: byAddress(result, 'Bucket1') };
}

const LIBRARY = [
  'new Bucket (/build/node_modules/aws-cdk-lib/aws-s3/lib/bucket.js:1:9999)',
  '...new Bucket2 in aws-cdk-lib...',
  'Array.forEach (:)',
];

describe('CDK: the line of the app that made a resource', () => {
  it('takes the first frame in the user’s code, after the library frames', () => {
    const { bucket } = bucketApp([creationStack(...LIBRARY, 'new Storage (/build/lib/storage.ts:5:3)', 'new App (/build/bin/app.ts:9:1)')], {
      'app/lib/storage.ts': '1\n2\n3\n4\n5\n',
      'app/bin/app.ts': '',
    });
    expect(bucket.userCode?.created).toEqual({ file: 'app/lib/storage.ts', start: { line: 5, column: 3 }, end: { line: 5, column: 3 } });
  });

  it('maps a path inside the scan root to itself', () => {
    const root = makeTree({ 'app/lib/storage.ts': 'x\n', 'lib/storage.ts': 'other app\n' });
    const files = new SourceFiles(new Workspace(root, 1 << 20), `${root}/app`);
    expect(files.rel(`${root}/lib/storage.ts`)).toBe('lib/storage.ts');
    expect(files.rel(`${root}/app/lib/storage.ts`)).toBe('app/lib/storage.ts');
  });

  it('maps a path of another machine by its longest trailing part that names a file, in the app folder first', () => {
    const root = makeTree({ 'infra/lib/storage.ts': 'x\n', 'lib/storage.ts': 'another app\n', 'infra/lib/other.ts': 'x\n' });
    const files = new SourceFiles(new Workspace(root, 1 << 20), `${root}/infra`);
    // Synthesized from the repository root on CI, and from the app folder on a laptop.
    expect(files.rel('/home/runner/work/repo/repo/infra/lib/storage.ts')).toBe('infra/lib/storage.ts');
    expect(files.rel('/Users/dev/src/lib/storage.ts')).toBe('infra/lib/storage.ts');
    expect(files.rel('C:/Users/dev/repo/infra/lib/other.ts')).toBe('infra/lib/other.ts');
    expect(files.rel('/home/runner/work/repo/repo/infra/lib/missing.ts')).toBeUndefined();
    expect(files.rel('/home/runner/../../etc/passwd')).toBeUndefined();
  });

  it('falls back to the caller when the first user frame names a file not in the root (uncommitted compiled output)', () => {
    const { bucket } = bucketApp([creationStack(...LIBRARY, 'new Storage (/build/dist/lib/storage.js:40:7)', 'Object.<anonymous> (/build/bin/app.ts:9:1)')], {
      'app/bin/app.ts': '',
    });
    expect(bucket.userCode?.created?.file).toBe('app/bin/app.ts');
  });

  it('leaves the resource in its template when no frame names a file in the root', () => {
    const { bucket } = bucketApp([creationStack(...LIBRARY, 'new Storage (/elsewhere/lib/gone.ts:1:1)')]);
    expect(bucket.userCode).toBeUndefined();
  });

  it('looks at a bounded number of frames', () => {
    const deep = Array.from({ length: 100 }, (_, i) => `f${i} (/build/node_modules/x/y.js:${i + 1}:1)`);
    const { bucket } = bucketApp([creationStack(...deep, 'new Storage (/build/lib/storage.ts:1:1)')], { 'app/lib/storage.ts': 'x\n' });
    expect(bucket.userCode).toBeUndefined();
  });

  it('records where each property was last set, when synthesis recorded it (CDK_DEBUG=true)', () => {
    const { bucket } = bucketApp(
      [
        creationStack('new Storage (/build/lib/storage.ts:3:5)'),
        propertyAssignment('VersioningConfiguration', ...LIBRARY, 'new Storage (/build/lib/storage.ts:4:7)'),
        propertyAssignment('VersioningConfiguration', 'Storage.archive (/build/lib/storage.ts:9:5)'),
        propertyAssignment('Tags', '...aws-cdk-lib, node internals...'),
      ],
      { 'app/lib/storage.ts': 'x\n' },
    );
    expect([...bucket.userCode!.properties].map(([name, at]) => [name, at.start.line])).toEqual([['VersioningConfiguration', 9]]);
    expect(bucket.userCode?.created?.start.line).toBe(3);
  });

  it('reads the trace older CDK versions attach to the logical ID entry', () => {
    const { bucket } = bucketApp([{ type: 'aws:cdk:logicalId', data: 'Bucket1', trace: ['new Bucket (/build/node_modules/aws-cdk-lib/b.js:1:1)', 'new Storage (/build/lib/storage.ts:2:2)'] }], {
      'app/lib/storage.ts': 'x\n',
    });
    expect(bucket.userCode?.created?.start).toEqual({ line: 2, column: 2 });
  });
});
