import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/report';
import { scan } from '../../../src/scan';
import { makeTree } from '../../discover/tree';
import { cfnResource, creationStack, manifest, metadataFile, propertyAssignment, stackArtifact, stageArtifact, template, type Json } from './assembly';

const STORAGE = [
  "const s3 = require('aws-cdk-lib/aws-s3');", // 1
  'class Storage extends Construct {',
  '  constructor(scope, id) {',
  "    const bucket = new s3.Bucket(this, 'Bucket', {", // 4
  '      versioned: false,', // 5
  '    });',
  '  }',
  '}',
  '',
].join('\n');

/** Frames as synthesis on a CI machine recorded them: the repository was checked out elsewhere. */
const CREATED = [
  'new Bucket (/home/ci/build/node_modules/aws-cdk-lib/aws-s3/lib/bucket.js:1:9999)',
  '...new Bucket2 in aws-cdk-lib...',
  'new Storage (/home/ci/build/lib/storage.js:4:20)',
  'Object.<anonymous> (/home/ci/build/bin/app.js:7:1)',
];
const VERSIONING_SET = propertyAssignment('VersioningConfiguration', 'new Storage (/home/ci/build/lib/storage.js:5:7)');

const RULES = '.iac-scan.yml';
const SELECT = 'rules: { include: { ids: [aws-s3-versioning, aws-s3-access-logging] } }\n';

/** A stack `name` (in a stage when `stage` is given) with one unversioned, unlogged bucket. */
function stack(name: string, bucketMetadata: Record<string, Json> = {}, entries: Json[] = [creationStack(...CREATED)]) {
  const constructPath = `${name}/Store/Bucket/Resource`;
  return {
    template: template({ StoreBucket1234: cfnResource('AWS::S3::Bucket', constructPath, { VersioningConfiguration: { Status: 'Suspended' } }, bucketMetadata) }),
    metadata: metadataFile({ [`/${constructPath}`]: entries }),
  };
}

function app(dev: ReturnType<typeof stack>, prod?: ReturnType<typeof stack>): Record<string, string> {
  const files: Record<string, string> = {
    [RULES]: SELECT,
    'lib/storage.js': STORAGE,
    'bin/app.js': 'app\n',
    'cdk.out/manifest.json': manifest({
      Dev: stackArtifact('Dev.template.json', { displayName: 'Dev', metadataFile: 'Dev.metadata.json' }),
      ...(prod ? { 'assembly-Prod': stageArtifact('assembly-Prod', 'Prod') } : {}),
    }),
    'cdk.out/Dev.template.json': dev.template,
    'cdk.out/Dev.metadata.json': dev.metadata,
  };
  if (prod) {
    files['cdk.out/assembly-Prod/manifest.json'] = manifest({
      ProdStorageA1B2: stackArtifact('ProdStorageA1B2.template.json', { displayName: 'Prod/Storage', metadataFile: 'ProdStorageA1B2.metadata.json' }),
    });
    files['cdk.out/assembly-Prod/ProdStorageA1B2.template.json'] = prod.template;
    files['cdk.out/assembly-Prod/ProdStorageA1B2.metadata.json'] = prod.metadata;
  }
  return files;
}

async function run(files: Record<string, string>, paths = ['.']) {
  const { result } = await scan({ paths, cwd: makeTree(files), today: '2026-01-01' });
  return result;
}

describe('CDK through the pipeline: findings at the line of the app', () => {
  it('points a finding at the creation line, with the template place related and the construct named', async () => {
    const result = await run(app(stack('Dev')));
    const logging = result.findings.find((f) => f.rule.id === 'aws-s3-access-logging')!;
    expect(logging.at).toEqual({ file: 'lib/storage.js', start: { line: 4, column: 20 }, end: { line: 4, column: 20 } });
    expect(logging.related[0].message).toBe('template location: LoggingConfiguration in cdk.out/Dev.template.json');
    expect(logging.related[0].range.file).toBe('cdk.out/Dev.template.json');
    expect(logging.message).toContain('Dev/Store/Bucket/Resource');
    expect(result.snippet(logging.at)).toBe("    const bucket = new s3.Bucket(this, 'Bucket', {");
  });

  it('prefers the line that set the failing property, when synthesis recorded it', async () => {
    const result = await run(app(stack('Dev', {}, [creationStack(...CREATED), VERSIONING_SET])));
    const versioning = result.findings.find((f) => f.rule.id === 'aws-s3-versioning')!;
    expect(versioning.path).toBe('VersioningConfiguration.Status');
    expect(versioning.at.start).toEqual({ line: 5, column: 7 });
    expect(result.findings.find((f) => f.rule.id === 'aws-s3-access-logging')!.at.start.line).toBe(4);
  });

  it('keeps the template place primary when no line of the app is known', async () => {
    const result = await run(app(stack('Dev', {}, [])));
    expect(result.findings.map((f) => f.at.file)).toEqual(['cdk.out/Dev.template.json', 'cdk.out/Dev.template.json']);
    expect(result.findings[0].related).toEqual([]);
  });

  it('reports one construct in two stages twice, told apart by stack and fingerprint', async () => {
    const result = await run(app(stack('Dev'), stack('Prod/Storage')));
    const versioning = result.findings.filter((f) => f.rule.id === 'aws-s3-versioning');
    expect(versioning.map((f) => [f.resource.context?.stack, `${f.at.file}:${f.at.start.line}`])).toEqual([
      ['Dev', 'lib/storage.js:4'],
      ['Prod/Storage', 'lib/storage.js:4'],
    ]);
    expect(new Set(versioning.map((f) => f.fingerprint)).size).toBe(2);
    expect(result.notices.filter((n) => n.code === 'repeated-finding')).toEqual([]);
  });

  it('writes SARIF with the app line primary, the template related, and the stack and construct as logical locations', async () => {
    const result = await run(app(stack('Dev', {}, [creationStack(...CREATED), VERSIONING_SET])));
    const log = JSON.parse(renderReport('sarif', result, { category: 'iac-scan', toolVersion: '0.0.0', color: false, failOn: 'low', cwd: result.root })) as Log;
    const sarif = log.runs[0].results!.find((r) => r.ruleId === 'aws-s3-versioning')!;
    const location = sarif.locations![0];
    expect(location.physicalLocation?.artifactLocation?.uri).toBe('lib/storage.js');
    expect(location.physicalLocation?.region).toMatchObject({ startLine: 5, startColumn: 7 });
    expect(location.physicalLocation?.contextRegion?.snippet?.text).toBe('      versioned: false,');
    expect(location.logicalLocations).toEqual([
      { name: 'StoreBucket1234', fullyQualifiedName: 'Dev/StoreBucket1234', kind: 'resource' },
      { name: 'Dev', fullyQualifiedName: 'Dev', kind: 'module' },
      { name: 'Dev/Store/Bucket/Resource', fullyQualifiedName: 'Dev/Store/Bucket/Resource', kind: 'object' },
    ]);
    expect(sarif.relatedLocations![0]).toMatchObject({
      id: 1,
      physicalLocation: { artifactLocation: { uri: 'cdk.out/Dev.template.json' } },
      message: { text: 'template location: VersioningConfiguration.Status in cdk.out/Dev.template.json' },
    });
    expect(sarif.message.text).toMatch(/^Bucket Dev\/Store\/Bucket\/Resource is not versioned/);
  });
});

describe('CDK through the pipeline: each template once', () => {
  const LOOSE = template({ Loose: cfnResource('AWS::S3::Bucket', undefined) });

  it('scans templates under cdk.out once, as part of the assembly, and a loose template as CloudFormation', async () => {
    const result = await run({ ...app(stack('Dev')), 'cfn/loose.template.json': LOOSE });
    expect(result.findings.map((f) => `${f.rule.id} ${f.resource.format} ${f.at.file}`)).toEqual([
      'aws-s3-access-logging cloudformation cfn/loose.template.json',
      'aws-s3-versioning cloudformation cfn/loose.template.json',
      'aws-s3-access-logging cdk lib/storage.js',
      'aws-s3-versioning cdk lib/storage.js',
    ]);
    expect(result.files).toEqual(['cdk.out/manifest.json', 'cfn/loose.template.json']);
  });

  it('scans the assembly when pre-commit passes only a template under it', async () => {
    const result = await run(app(stack('Dev'), stack('Prod/Storage')), ['cdk.out/assembly-Prod/ProdStorageA1B2.template.json']);
    expect(result.findings.map((f) => `${f.resource.context?.stack} ${f.at.file}`)).toHaveLength(4);
    expect(result.findings.every((f) => f.at.file === 'lib/storage.js')).toBe(true);
  });
});

describe('CDK through the pipeline: iac-scan:ignore comments in the app', () => {
  const commented = (source: string[], frames: Json[]) => {
    const files = app(stack('Dev', {}, frames));
    files['lib/storage.js'] = source.join('\n');
    return files;
  };
  const created = (line: number) => creationStack('new Storage (/home/ci/build/lib/storage.js:' + line + ':20)');

  it('a comment block above the line that created the resource covers its findings there and at its property lines', async () => {
    const source = [
      "const s3 = require('aws-cdk-lib/aws-s3');", // 1
      'class Storage extends Construct {',
      '  constructor(scope, id) {',
      '    // iac-scan:ignore aws-s3-versioning,aws-s3-access-logging build cache,', // 4
      '    // emptied every night', // 5
      "    const bucket = new s3.Bucket(this, 'Bucket', {", // 6
      '      versioned: false,', // 7
      '    });',
      '  }',
      '}',
    ];
    const result = await run(commented(source, [created(6), propertyAssignment('VersioningConfiguration', 'new Storage (/home/ci/build/lib/storage.js:7:7)')]));
    expect(result.findings.map((f) => [f.rule.id, f.at.start.line, f.suppression?.kind, f.suppression?.justification])).toEqual([
      ['aws-s3-access-logging', 6, 'inline', 'build cache,'],
      ['aws-s3-versioning', 7, 'inline', 'build cache,'],
    ]);
    expect(result.findings[0].suppression?.location).toMatchObject({ file: 'lib/storage.js', start: { line: 4, column: 5 } });
  });

  it('a comment after code covers its own line only; a comment further up covers nothing', async () => {
    const source = [
      '// iac-scan:ignore aws-s3-access-logging too far above', // 1
      '',
      "const bucket = new s3.Bucket(this, 'Bucket', {", // 3
      '  versioned: false, // iac-scan:ignore aws-s3-versioning replicas are versioned at the source', // 4
      '});',
    ];
    const result = await run(commented(source, [created(3), propertyAssignment('VersioningConfiguration', 'new Storage (/home/ci/build/lib/storage.js:4:3)')]));
    expect(result.findings.map((f) => [f.rule.id, f.suppression?.justification])).toEqual([
      ['aws-s3-access-logging', undefined],
      ['aws-s3-versioning', 'replicas are versioned at the source'],
    ]);
    expect(result.notices.map((n) => [n.code, n.range?.start.line])).toEqual([['unused-suppression', 1]]);
  });

  it('reads # comments in a Python app', async () => {
    const files = app(stack('Dev', {}, [creationStack('<module> (/home/ci/build/app/storage.py:3:1)')]));
    files['app/storage.py'] = ['import aws_cdk.aws_s3 as s3', '# iac-scan:ignore aws-s3-access-logging the CDN logs every request', 'bucket = s3.Bucket(self, "Bucket")', ''].join('\n');
    const result = await run(files);
    expect(result.findings.map((f) => [f.rule.id, f.at.file, f.suppression?.justification])).toEqual([
      ['aws-s3-access-logging', 'app/storage.py', 'the CDN logs every request'],
      ['aws-s3-versioning', 'app/storage.py', undefined],
    ]);
  });
});

describe('CDK through the pipeline: suppressions in resource metadata', () => {
  it('honours iac-scan metadata and cdk-nag suppressions of equivalent rules', async () => {
    const metadata = {
      'iac-scan': { ignore: [{ id: 'aws-s3-versioning', reason: 'scratch data, rebuilt nightly' }] },
      cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-S1', reason: 'access is logged by the CDN in front' }, { id: 'AwsSolutions-S10', reason: 'not ours' }] },
    };
    const result = await run(app(stack('Dev', metadata)));
    expect(result.findings.map((f) => [f.rule.id, f.suppression?.kind, f.suppression?.justification])).toEqual([
      ['aws-s3-access-logging', 'metadata', 'access is logged by the CDN in front'],
      ['aws-s3-versioning', 'metadata', 'scratch data, rebuilt nightly'],
    ]);
    expect(result.notices).toEqual([]);
  });

  it('warns about a cdk-nag suppression without a reason, and it suppresses nothing', async () => {
    const result = await run(app(stack('Dev', { cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-S1' }] } })));
    expect(result.findings.find((f) => f.rule.id === 'aws-s3-access-logging')!.suppression).toBeUndefined();
    expect(result.notices.map((n) => [n.level, n.code, n.file])).toEqual([['warning', 'suppression-no-reason', 'cdk.out/Dev.template.json']]);
    expect(result.notices[0].message).toContain('cdk_nag suppression of AwsSolutions-S1 (aws-s3-access-logging)');
  });

  it('honours stack-level cdk-nag suppressions, written in the template’s own Metadata, for every resource of the stack', async () => {
    const dev = stack('Dev');
    const withStackMetadata = JSON.parse(dev.template) as { Metadata?: Json };
    withStackMetadata.Metadata = { cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-S1', reason: 'the whole stack is a build cache' }] } };
    const result = await run(app({ ...dev, template: JSON.stringify(withStackMetadata, null, 1) }));
    expect(result.findings.map((f) => [f.rule.id, f.suppression?.kind, f.suppression?.justification])).toEqual([
      ['aws-s3-access-logging', 'metadata', 'the whole stack is a build cache'],
      ['aws-s3-versioning', undefined, undefined],
    ]);
  });

  it('passes over granular cdk-nag suppressions, which cover only some of cdk-nag’s findings', async () => {
    const result = await run(app(stack('Dev', { cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-S1', reason: 'only for one path', applies_to: ['x'] }] } })));
    expect(result.findings.every((f) => !f.suppression)).toBe(true);
  });
});
