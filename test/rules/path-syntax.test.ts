import { describe, expect, it } from 'vitest';
import { parsePath, PathSyntaxError } from '../../src/rules/eval/path-syntax';
import { resolve, resourceScope } from '../../src/rules/eval/paths';
import { resource } from '../helpers/resources';

describe('parsePath', () => {
  it.each([
    ['A', [{ kind: 'key', key: 'A' }]],
    ['A.B', [{ kind: 'key', key: 'A' }, { kind: 'key', key: 'B' }]],
    ['Policies[*].PolicyDocument', [{ kind: 'key', key: 'Policies' }, { kind: 'items' }, { kind: 'key', key: 'PolicyDocument' }]],
    ['Tags[12]', [{ kind: 'key', key: 'Tags' }, { kind: 'index', index: 12 }]],
    ['Variables.*', [{ kind: 'key', key: 'Variables' }, { kind: 'values' }]],
    ['a[*][0].b_c-d', [{ kind: 'key', key: 'a' }, { kind: 'items' }, { kind: 'index', index: 0 }, { kind: 'key', key: 'b_c-d' }]],
    ['*', [{ kind: 'values' }]],
  ])('%s', (text, steps) => {
    expect(parsePath(text)).toEqual(steps);
  });

  it.each([
    ['', 1],
    ['.A', 1],
    ['A.', 2],
    ['A..B', 3],
    ['[0]', 1],
    ['A[', 2],
    ['A[x]', 3],
    ['A[]', 3],
    ['A]', 2],
    ['A[0]B', 5],
    ['A*', 1],
  ])('rejects %j at character %i', (text, character) => {
    try {
      parsePath(text);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PathSyntaxError);
      expect((err as PathSyntaxError).offset + 1).toBe(character);
    }
  });
});

describe('resolve', () => {
  const r = resource('AWS::Lambda::Function', { Environment: { Variables: { A: 'x', B: null } }, Layers: ['l1', 'l2'] });

  it('gives one hit per value of a map wildcard, a null as absent', () => {
    const hits = resolve(resourceScope(r), 'Environment.Variables.*');
    expect(hits.map((h) => `${h.kind} ${h.path}`)).toEqual(['value Environment.Variables.A', 'absent Environment.Variables.B']);
  });

  it('names the missing rest of the path, wildcards included', () => {
    const hits = resolve(resourceScope(r), 'TracingConfig.Mode[*].X');
    expect(hits).toEqual([{ kind: 'absent', path: 'TracingConfig.Mode[*].X', at: r.range }]);
  });

  it('does not step into a scalar', () => {
    expect(resolve(resourceScope(r), 'Layers[0].Arn').map((h) => `${h.kind} ${h.path}`)).toEqual(['absent Layers[0].Arn']);
  });
});
