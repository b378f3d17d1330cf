import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MapValue, Range, Value } from '../../../../src/model';
import { callFunction, type FunctionContext } from '../../../../src/parse/terraform/functions';
import { Workspace } from '../../../../src/parse/workspace';
import { CALL, ERROR, UNKNOWN, call, callIn, context, lit, map, plain, ref, resultTable, scanRoot } from './helpers';

const outside = scanRoot({ 'secret.txt': 'outside the root' });
const root = scanRoot({
  'modules/web/user_data.sh': '#!/bin/sh\necho hello\n',
  'modules/web/policies/read.json': '{}',
  'modules/web/policies/write.json': '{}',
  'modules/web/policies/notes.txt': '',
  'modules/web/init.tftpl': 'port=${port}',
  'top.txt': 'at the top',
});
symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'modules/web/link.txt'));
writeFileSync(path.join(root, 'modules/web/archive.zip'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x00]));

/** Calls made from the module in modules/web. */
const inModule = (name: string, ...args: (Value | string | number)[]) => callIn(context(root, 'modules/web'), name, ...args);

describe('file', () => {
  it('reads a file relative to the module, with the whole file as its origin', () => {
    const text = inModule('file', 'user_data.sh');
    expect(text).toEqual({
      kind: 'literal',
      value: '#!/bin/sh\necho hello\n',
      range: CALL,
      origin: [{ file: 'modules/web/user_data.sh', start: { line: 1, column: 1 }, end: { line: 3, column: 1 } }],
    });
    expect(plain(inModule('file', path.join(root, 'modules/web/user_data.sh')))).toBe('#!/bin/sh\necho hello\n');
    expect(plain(inModule('file', '../../top.txt'))).toBe('at the top');
  });

  it('reads nothing outside the scan root: the result is Unknown and says why', () => {
    const escaped = inModule('file', path.join(outside, 'secret.txt'));
    expect(escaped).toMatchObject({ kind: 'unknown', why: expect.stringContaining('outside the scan root') });
    expect(plain(inModule('file', '../../../' + path.basename(outside) + '/secret.txt'))).toEqual(UNKNOWN);
    expect(inModule('file', 'link.txt')).toMatchObject({ kind: 'unknown', why: expect.stringContaining('outside the scan root') });
    expect(plain(inModule('file', '~/.ssh/id_rsa'))).toEqual(UNKNOWN);
  });

  it('is an error for a missing file, as in Terraform, and Unknown for one it will not read', () => {
    expect(plain(inModule('file', 'missing.txt'))).toEqual(ERROR);
    expect(plain(inModule('file', 'archive.zip'))).toEqual(UNKNOWN);
    const small: FunctionContext = { ...context(root, 'modules/web'), workspace: new Workspace(root, 5) };
    expect(plain(callIn(small, 'file', 'user_data.sh'))).toEqual(UNKNOWN);
  });

  it('is unknown for a path that is unknown', () => {
    expect(inModule('file', ref('local_file.f', 'filename'))).toMatchObject({ kind: 'unknown', refs: [{ key: 'local_file.f' }] });
  });

  it('leaves the bytes of files to Terraform', () => {
    for (const name of ['filebase64', 'filemd5', 'filesha256', 'filebase64sha256']) {
      expect(plain(inModule(name, 'archive.zip'))).toEqual(UNKNOWN);
    }
  });
});

describe('fileexists and fileset', () => {
  it.each([
    ['user_data.sh', true],
    ['missing.txt', false],
    ['policies/read.json', true],
    ['policies', false],
  ])('fileexists(%j) is %j', (file, expected) => {
    expect(plain(inModule('fileexists', file))).toBe(expected);
  });

  it('does not look outside the scan root', () => {
    expect(plain(inModule('fileexists', path.join(outside, 'secret.txt')))).toEqual(UNKNOWN);
  });

  it.each([
    ['.', 'policies/*.json', ['policies/read.json', 'policies/write.json']],
    ['policies', '*.{json,txt}', ['notes.txt', 'read.json', 'write.json']],
    ['policies', 'r?ad.json', ['read.json']],
    ['policies', '[rw]*.json', ['read.json', 'write.json']],
    ['policies', '[!r]*', ['notes.txt', 'write.json']],
    ['policies', 'none*', []],
    ['nowhere', '*', []],
  ])('fileset(%j, %j) is %j', (base, pattern, expected) => {
    expect(plain(inModule('fileset', base, pattern))).toEqual(expected);
  });

  it('gives an Unknown for wildcards in folder names and for folders outside the root', () => {
    expect(plain(inModule('fileset', '.', '**/*.json'))).toEqual(UNKNOWN);
    expect(plain(inModule('fileset', outside, '*'))).toEqual(UNKNOWN);
  });
});

describe('templatefile and templatestring', () => {
  function rendering(): { ctx: FunctionContext; calls: [string, MapValue, Range][] } {
    const calls: [string, MapValue, Range][] = [];
    const ctx = context(root, 'modules/web', {
      renderTemplate: (text, vars, file) => {
        calls.push([text, vars, file]);
        return lit(`rendered ${text}`, CALL);
      },
    });
    return { ctx, calls };
  }

  it('renders the file with the variables, through the evaluator', () => {
    const { ctx, calls } = rendering();
    const vars = map({ port: 8080 });
    expect(plain(callIn(ctx, 'templatefile', 'init.tftpl', vars))).toBe('rendered port=${port}');
    expect(calls).toEqual([['port=${port}', vars, { file: 'modules/web/init.tftpl', start: { line: 1, column: 1 }, end: { line: 1, column: 13 } }]]);
  });

  it('renders a string with templatestring, at the string', () => {
    const { ctx, calls } = rendering();
    const template = lit('hello ${name}');
    callIn(ctx, 'templatestring', template, map({ name: 'x' }));
    expect(calls[0][2]).toEqual(template.range);
  });

  it('rejects bad variable names, missing files, and templates that call templates', () => {
    const { ctx } = rendering();
    expect(plain(callIn(ctx, 'templatefile', 'init.tftpl', map({ '1port': 1 })))).toEqual(ERROR);
    expect(plain(callIn(ctx, 'templatefile', 'missing.tftpl', map({})))).toEqual(ERROR);
    const recursive: FunctionContext = context(root, 'modules/web', {
      renderTemplate: () => callFunction('templatefile', [lit('init.tftpl'), map({})], recursive) as Value,
    });
    expect(plain(callIn(recursive, 'templatefile', 'init.tftpl', map({})))).toEqual(ERROR);
    // The guard is released afterwards.
    expect(plain(callIn(ctx, 'templatefile', 'init.tftpl', map({})))).toBe('rendered port=${port}');
  });

  it('is unknown when the variables are', () => {
    const { ctx, calls } = rendering();
    expect(callIn(ctx, 'templatefile', 'init.tftpl', ref('module.cfg', 'vars'))).toMatchObject({ kind: 'unknown', refs: [{ key: 'module.cfg' }] });
    expect(calls).toEqual([]);
  });
});

describe('path functions', () => {
  resultTable([
    ['dirname', ['foo/bar/baz.txt'], 'foo/bar'],
    ['dirname', ['foo/'], 'foo'],
    ['dirname', ['baz.txt'], '.'],
    ['dirname', ['/baz.txt'], '/'],
    ['dirname', ['a/b/../c/d'], 'a/c'],
    ['basename', ['foo/bar/baz.txt'], 'baz.txt'],
    ['basename', ['foo/bar/'], 'bar'],
    ['basename', ['///'], '/'],
    ['basename', [''], '.'],
    ['pathexpand', ['relative/path'], 'relative/path'],
  ]);

  it('makes paths absolute from the module folder', () => {
    expect(plain(inModule('abspath', 'x/../y.txt'))).toBe(path.join(root, 'modules/web/y.txt').split(path.sep).join('/'));
  });

  it('does not expand the home folder of the machine that runs Terraform', () => {
    expect(plain(call('pathexpand', '~/.ssh/id_rsa'))).toEqual(UNKNOWN);
  });
});
