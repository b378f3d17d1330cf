import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover, type DiscoverOptions } from '../../src/discover';
import type { FormatParser } from '../../src/parse/format';
import { CFN, fakeParser, makeTree } from './tree';

const T = 'Resources: {}\n';

function run(root: string, paths: string[] = ['.'], options: Partial<DiscoverOptions> = {}) {
  return discover(paths, { root, include: [], exclude: [], parsers: [CFN], maxFileBytes: 1 << 20, ...options });
}

async function rels(root: string, paths?: string[], options?: Partial<DiscoverOptions>) {
  return (await run(root, paths, options)).files.map((f) => f.rel);
}

describe('discover: which files', () => {
  it('honours nested .gitignore files, negation, and .git/info/exclude', async () => {
    const root = makeTree({
      '.gitignore': '*.gen.yaml\nbuild/\n',
      '.git/info/exclude': 'secret.yaml\n',
      'a.yaml': T,
      'x.gen.yaml': T,
      'secret.yaml': T,
      'build/b.yaml': T,
      'sub/.gitignore': '!keep.gen.yaml\nlocal.yaml\n',
      'sub/keep.gen.yaml': T,
      'sub/drop.gen.yaml': T,
      'sub/local.yaml': T,
      'other/local.yaml': T,
    });
    expect(await rels(root)).toEqual(['a.yaml', 'other/local.yaml', 'sub/keep.gen.yaml']);
  });

  it('applies the .gitignore files above a named folder', async () => {
    const root = makeTree({ '.gitignore': '*.gen.yaml\n', 'sub/a.yaml': T, 'sub/b.gen.yaml': T });
    expect(await rels(root, ['sub'])).toEqual(['sub/a.yaml']);
  });

  it('walks a named folder that .gitignore excludes, still honouring the ignore files inside it', async () => {
    const root = makeTree({ '.gitignore': 'build/\n', 'build/a.yaml': T, 'build/.gitignore': 'tmp.yaml\n', 'build/tmp.yaml': T });
    expect(await rels(root, ['build'])).toEqual(['build/a.yaml']);
  });

  it('skips node_modules and .git without being told', async () => {
    const root = makeTree({ 'a.yaml': T, 'node_modules/p/t.yaml': T, 'x/node_modules/t.yaml': T, '.git/t.yaml': T });
    expect(await rels(root)).toEqual(['a.yaml']);
  });

  it('keeps only files matching include and not exclude, on root-relative paths', async () => {
    const root = makeTree({
      'templates/a.yaml': T,
      'templates/test/b.yaml': T,
      'templates/c.draft.yaml': T,
      'templates/.hidden/d.yaml': T,
      'other/e.yaml': T,
    });
    const options = { include: ['templates/**'], exclude: ['**/test/**', '*.draft.yaml'] };
    expect(await rels(root, ['.'], options)).toEqual(['templates/.hidden/d.yaml', 'templates/a.yaml']);
  });

  it('reads an explicitly named file even when .gitignore excludes it, but not when the config does', async () => {
    const root = makeTree({ '.gitignore': '*.yaml\n', 'a.yaml': T, 'b.yaml': T });
    expect(await rels(root, ['a.yaml', 'b.yaml'], { exclude: ['b.yaml'] })).toEqual(['a.yaml']);
    expect(await rels(root)).toEqual([]);
  });

  it('asks every parser about an explicitly named file of another extension', async () => {
    const root = makeTree({ 'stack.cfn': T, 'other.cfn': T });
    expect(await rels(root, ['stack.cfn'])).toEqual(['stack.cfn']);
  });

  it('names files outside the root with ../ and sorts by that name', async () => {
    const base = makeTree({ 'root/z.yaml': T, 'elsewhere/a.yaml': T });
    expect(await rels(path.join(base, 'root'), ['.', '../elsewhere'])).toEqual(['../elsewhere/a.yaml', 'z.yaml']);
  });

  it('reads a file reached twice once, under its first name', async () => {
    const root = makeTree({ 'b/t.yaml': T });
    symlinkSync(path.join(root, 'b'), path.join(root, 'a'));
    expect(await rels(root, ['.', 'b/t.yaml'])).toEqual(['a/t.yaml']);
  });

  it('reports a named path that does not exist as an error', async () => {
    const root = makeTree({});
    const r = await run(root, ['nope.yaml']);
    expect(r.notices).toMatchObject([{ level: 'error', code: 'path-not-found', file: 'nope.yaml' }]);
  });
});

describe('discover: claims by content', () => {
  it('keeps only files a parser claims, quietly', async () => {
    const root = makeTree({ 'stack.yaml': T, '.github/workflows/ci.yml': 'on: push\n', 'package.json': '{"name":"x"}' });
    const r = await run(root);
    expect(r.files.map((f) => [f.rel, f.format, f.syntax])).toEqual([['stack.yaml', 'cloudformation', 'yaml']]);
    expect(r.notices).toEqual([]);
  });

  it('gives the file to the first parser that claims it, asking only parsers of its extension', async () => {
    const seen: string[] = [];
    const spy = (id: FormatParser['id'], ext: string): FormatParser => ({
      ...fakeParser(id, [ext], 'Resources'),
      claims: (rel) => (seen.push(`${id}:${rel}`), 'json'),
    });
    const root = makeTree({ 'a.json': T, 'b.tf': T });
    const r = await run(root, ['.'], { parsers: [spy('terraform', '.tf'), spy('cloudformation', '.json'), spy('cdk', '.json')] });
    expect(r.files.map((f) => [f.rel, f.format])).toEqual([
      ['a.json', 'cloudformation'],
      ['b.tf', 'terraform'],
    ]);
    expect(seen).toEqual(['cloudformation:a.json', 'terraform:b.tf']);
  });

  it('turns a parser that throws while claiming into an error about that file only', async () => {
    const broken: FormatParser = { ...CFN, claims: (rel) => { if (rel === 'bad.yaml') throw new Error('boom'); return 'yaml'; } };
    const root = makeTree({ 'bad.yaml': T, 'good.yaml': T });
    const r = await run(root, ['.'], { parsers: [broken] });
    expect(r.files.map((f) => f.rel)).toEqual(['good.yaml']);
    expect(r.notices).toMatchObject([{ level: 'error', code: 'internal-error', file: 'bad.yaml' }]);
  });
});

describe('discover: hostile input', () => {
  it('ends a symbolic-link loop and reads each file once', async () => {
    const root = makeTree({ 'd/t.yaml': T });
    symlinkSync('..', path.join(root, 'd', 'up'));
    symlinkSync('.', path.join(root, 'd', 'self'));
    expect(await rels(root)).toEqual(['d/t.yaml']);
  });

  it('does not follow a link out of the scanned folders, and says so', async () => {
    const outside = makeTree({ 'secret.yaml': T });
    const root = makeTree({ 'a.yaml': T });
    symlinkSync(outside, path.join(root, 'linked'));
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'direct.yaml'));
    const r = await run(root);
    expect(r.files.map((f) => f.rel)).toEqual(['a.yaml']);
    expect(r.notices.map((n) => [n.level, n.code, n.file])).toEqual([
      ['note', 'symlink-outside-root', 'direct.yaml'],
      ['note', 'symlink-outside-root', 'linked'],
    ]);
    expect(r.notices[1].message).toContain(outside);
  });

  it('warns about a file that cannot be read, with the reason, and scans the rest', async () => {
    const root = makeTree({ 'ok.yaml': T });
    symlinkSync('missing.yaml', path.join(root, 'gone.yaml'));
    const r = await run(root);
    expect(r.files.map((f) => f.rel)).toEqual(['ok.yaml']);
    expect(r.notices).toMatchObject([{ level: 'warning', code: 'unreadable', file: 'gone.yaml' }]);
    expect(r.notices[0].message).toContain('ENOENT');
  });

  it('does not hang on a FIFO named like a template', async () => {
    const root = makeTree({});
    execFileSync('mkfifo', [path.join(root, 'pipe.yaml')]);
    const r = await run(root);
    expect(r.notices).toMatchObject([{ level: 'warning', code: 'unreadable', file: 'pipe.yaml' }]);
    expect(r.notices[0].message).toContain('not a regular file');
  });

  it('does not read a file over the size limit, and names both sizes', async () => {
    const root = makeTree({ 'big.yaml': T + '#'.repeat(2000), 'small.yaml': T });
    const r = await run(root, ['.'], { maxFileBytes: 2000 });
    expect(r.files.map((f) => f.rel)).toEqual(['small.yaml']);
    expect(r.notices).toMatchObject([{ level: 'warning', code: 'file-too-large', file: 'big.yaml' }]);
    expect(r.notices[0].message).toContain(`${T.length + 2000} bytes`);
    expect(r.notices[0].message).toContain('0.0 MiB limit');
  });

  it('skips binary files: with a note when the extension promised a template, else quietly', async () => {
    const binary = Uint8Array.from([0x52, 0x65, 0x73, 0x00, 0x01]);
    const root = makeTree({ 'x.yaml': binary, 'img.png': binary });
    const r = await run(root, ['.', 'img.png']);
    expect(r.files).toEqual([]);
    expect(r.notices).toMatchObject([{ level: 'note', code: 'binary-file', file: 'x.yaml' }]);
  });

  it('warns about invalid UTF-8 with the line and column of the bad byte', async () => {
    const root = makeTree({ 'bad.yaml': Uint8Array.from([...Buffer.from('Resources:\n  A: '), 0xff, 0x0a]) });
    const r = await run(root);
    expect(r.files).toEqual([]);
    expect(r.notices).toMatchObject([
      { level: 'warning', code: 'invalid-encoding', file: 'bad.yaml', range: { start: { line: 2, column: 6 } } },
    ]);
    expect(r.notices[0].message).toContain('offset 16');
  });

  it('reads UTF-16 files with a byte-order mark and strips a UTF-8 one', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(T, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    const root = makeTree({
      'le.json': le,
      'be.json': Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
      'bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(T)]),
    });
    const r = await run(root);
    expect(r.files.map((f) => [f.rel, f.text])).toEqual([
      ['be.json', T],
      ['bom.yaml', T],
      ['le.json', T],
    ]);
  });

});
