import { describe, expect, it } from 'vitest';
import type { Range, Resource } from '../../src/model';
import type { Failure } from '../../src/rules/eval/outcome';
import { placeInUserCode } from '../../src/rules/user-code';

const at = (file: string, line: number): Range => ({ file, start: { line, column: 1 }, end: { line, column: 1 } });

function failure(path: string, userCode?: Resource['userCode']): Failure {
  const resource = { address: 'Sg1', file: 'cdk.out/App.template.json', userCode } as Resource;
  return { resource, at: at('cdk.out/App.template.json', 40), path, message: 'open', related: [] };
}

describe('findings in the user’s code', () => {
  const code = { created: at('lib/net.ts', 10), properties: new Map([['SecurityGroupIngress', at('lib/net.ts', 12)]]) };

  it('points at the line that set the failing top-level property', () => {
    expect(placeInUserCode(failure('SecurityGroupIngress[0].CidrIp', code))).toEqual({
      at: at('lib/net.ts', 12),
      related: { range: at('cdk.out/App.template.json', 40), message: 'template location: SecurityGroupIngress[0].CidrIp in cdk.out/App.template.json' },
    });
  });

  it('points at the creation line for other properties and for the resource itself', () => {
    expect(placeInUserCode(failure('GroupDescription', code))?.at).toEqual(at('lib/net.ts', 10));
    expect(placeInUserCode(failure('', code))?.related.message).toBe('template location: Sg1 in cdk.out/App.template.json');
  });

  it('leaves the template place primary when no line is known', () => {
    expect(placeInUserCode(failure('GroupDescription'))).toBeUndefined();
    expect(placeInUserCode(failure('GroupDescription', { properties: new Map([['Tags', at('lib/net.ts', 3)]]) }))).toBeUndefined();
  });
});
