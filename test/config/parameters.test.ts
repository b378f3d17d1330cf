import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadParameterFile, parseParamFlag } from '../../src/config';

function load(name: string, text: string) {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'iac-scan-params-')));
  writeFileSync(path.join(root, name), text);
  const r = loadParameterFile(path.join(root, name), root);
  return { values: Object.fromEntries([...r.parameters].map(([k, v]) => [k, v.value])), from: [...r.parameters.values()].map((v) => v.from), notices: r.notices };
}

describe('loadParameterFile', () => {
  it('reads the AWS CLI format', () => {
    const r = load('cli.json', JSON.stringify([{ ParameterKey: 'Env', ParameterValue: 'prod' }, { ParameterKey: 'Days', ParameterValue: '30' }]));
    expect(r.values).toEqual({ Env: 'prod', Days: '30' });
    expect(r.from).toEqual(['cli.json', 'cli.json']);
    expect(r.notices).toEqual([]);
  });

  it('reads the CodePipeline template configuration, ignoring its tags', () => {
    const r = load('pipeline.json', '{"Parameters": {"Env": "prod", "Subnets": ["a", "b"]}, "Tags": {"team": "x"}}');
    expect(r.values).toEqual({ Env: 'prod', Subnets: 'a,b' });
  });

  it('reads a plain map in YAML, turning numbers and booleans into text', () => {
    expect(load('p.yaml', 'Env: prod\nDays: 30\nPublic: false\n').values).toEqual({ Env: 'prod', Days: '30', Public: 'false' });
  });

  it('reports values that cannot be parameters at their line', () => {
    const r = load('bad.yaml', 'Env: prod\nNested: {a: 1}\n');
    expect(r.values).toEqual({ Env: 'prod' });
    expect(r.notices).toMatchObject([{ level: 'error', code: 'parameter-file', file: 'bad.yaml', range: { start: { line: 2, column: 9 } } }]);
    expect(r.notices[0].message).toContain('Nested: expected a text, a number');
  });

  it('warns about UsePreviousValue, which cannot be known before deployment', () => {
    const r = load('prev.json', '[\n  {"ParameterKey": "Env", "UsePreviousValue": true}\n]');
    expect(r.values).toEqual({});
    expect(r.notices).toMatchObject([{ level: 'warning', range: { start: { line: 2 } } }]);
  });

  it('reports a file that is not one of the shapes, or not there', () => {
    expect(load('s.json', '"prod"').notices).toMatchObject([{ level: 'error', code: 'parameter-file' }]);
    const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'iac-scan-params-')));
    expect(loadParameterFile(path.join(root, 'none.json'), root).notices[0].message).toContain('ENOENT');
  });

  it('reports a syntax error with its line', () => {
    expect(load('broken.json', '[\n  {"ParameterKey": "Env",,}\n]').notices[0]).toMatchObject({ level: 'error', range: { start: { line: 2 } } });
  });
});

describe('parseParamFlag', () => {
  it('splits at the first = and keeps the rest of the value', () => {
    expect(parseParamFlag('Query=a=b')).toEqual({ name: 'Query', parameter: { value: 'a=b', from: '--param' } });
    expect(parseParamFlag('Empty=')).toEqual({ name: 'Empty', parameter: { value: '', from: '--param' } });
  });

  it('refuses a flag without a valid name', () => {
    for (const flag of ['NoEquals', '=x', 'bad-name=x']) expect(parseParamFlag(flag)).toHaveProperty('error', expect.stringContaining('--param Environment=prod'));
  });
});
