import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/discover';
import { PARSERS } from '../../src/parse/registry';
import { makeTree } from './tree';

const TEMPLATE = '{ "Resources": { "B": { "Type": "AWS::S3::Bucket" } } }\n';
const MANIFEST = '{ "version": "55.0.0", "artifacts": {} }\n';

/** A repository with a CDK app (its assembly with a stage) and a loose CloudFormation template. */
const REPO = {
  'infra/cdk.out/manifest.json': MANIFEST,
  'infra/cdk.out/App.template.json': TEMPLATE,
  'infra/cdk.out/tree.json': '{ "version": "tree-0.1" }\n',
  'infra/cdk.out/asset.1234/policy.yaml': 'Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n',
  'infra/cdk.out/assembly-Prod/manifest.json': MANIFEST,
  'infra/cdk.out/assembly-Prod/ProdApp.template.json': TEMPLATE,
  'cloudformation/app.template.json': TEMPLATE,
};

async function found(root: string, paths: string[] = ['.']) {
  const { files, notices } = await discover(paths, { root, include: [], exclude: [], parsers: [...PARSERS], maxFileBytes: 1 << 20 });
  expect(notices).toEqual([]);
  return files.map((f) => `${f.format} ${f.rel}`);
}

describe('discover: a cloud assembly is one input, read once', () => {
  it('hands over the outermost manifest for everything under it, and no file under it to another parser', async () => {
    expect(await found(makeTree(REPO))).toEqual(['cloudformation cloudformation/app.template.json', 'cdk infra/cdk.out/manifest.json']);
  });

  it.each([
    [['infra/cdk.out/App.template.json']],
    [['infra/cdk.out/assembly-Prod/ProdApp.template.json']],
    [['infra/cdk.out/assembly-Prod/manifest.json', 'infra/cdk.out/App.template.json']],
    [['infra/cdk.out/asset.1234/policy.yaml']],
    [['infra/cdk.out/assembly-Prod']],
  ])('scans the whole assembly when pre-commit names only %j', async (paths) => {
    expect(await found(makeTree(REPO), paths)).toEqual(['cdk infra/cdk.out/manifest.json']);
  });

  it('keeps the assemblies of several apps apart', async () => {
    const root = makeTree({ 'apps/a/cdk.out/manifest.json': MANIFEST, 'apps/a/cdk.out/A.template.json': TEMPLATE, 'apps/b/cdk.out/manifest.json': MANIFEST });
    expect(await found(root)).toEqual(['cdk apps/a/cdk.out/manifest.json', 'cdk apps/b/cdk.out/manifest.json']);
  });

  it('leaves templates to CloudFormation where no assembly manifest owns their folder', async () => {
    const root = makeTree({ 'cdk.out/App.template.json': TEMPLATE, 'web/manifest.json': '{ "name": "app", "icons": [] }\n', 'web/app.template.json': TEMPLATE });
    expect(await found(root)).toEqual(['cloudformation cdk.out/App.template.json', 'cloudformation web/app.template.json']);
  });

  it('takes no owner file that leads outside the scan root', async () => {
    const outside = makeTree({ 'manifest.json': MANIFEST });
    const root = makeTree({ 'cdk.out/App.template.json': TEMPLATE });
    symlinkSync(path.join(outside, 'manifest.json'), path.join(root, 'cdk.out', 'manifest.json'));
    expect(await found(root, ['cdk.out/App.template.json'])).toEqual(['cloudformation cdk.out/App.template.json']);
  });

  it('looks for owners only inside the scan root', async () => {
    const repo = makeTree({ 'manifest.json': MANIFEST, 'app/App.template.json': TEMPLATE });
    mkdirSync(path.join(repo, 'app', 'sub'));
    writeFileSync(path.join(repo, 'app', 'sub', 'x.template.json'), TEMPLATE);
    const { files } = await discover(['.'], { root: path.join(repo, 'app'), include: [], exclude: [], parsers: [...PARSERS], maxFileBytes: 1 << 20 });
    expect(files.map((f) => `${f.format} ${f.rel}`)).toEqual(['cloudformation App.template.json', 'cloudformation sub/x.template.json']);
  });
});
