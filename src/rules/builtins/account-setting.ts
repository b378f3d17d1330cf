import type { Value } from '../../model';
import { looseEquals, type Scalar } from '../eval/comparison';
import { fail, pass, unknown } from '../eval/outcome';
import { resolve, resourceScope } from '../eval/paths';
import type { Builtin } from './types';

interface Args {
  type: string;
  path: string;
  equals: Scalar;
  default?: Scalar;
}

/**
 * account.setting: an account-wide default, set in the same configuration, covers the resource.
 *
 * Input: none; the checked resource only says where to look (its deployment unit).
 * Args:
 *   type: string     the account-level resource type, e.g. aws_ebs_encryption_by_default
 *   path: string     its attribute that switches the protection on, e.g. enabled
 *   equals: scalar   the value that switches it on
 *   default: scalar  (optional) the attribute's provider default, used when it is left out
 *
 * Passes when a resource of `type` in the checked resource's deployment unit has `equals` at
 * `path` (or leaves it out and `default` equals it). Unknown when none does and one holds an
 * unknown there. Fails at the checked resource otherwise. Resources such as
 * aws_ebs_encryption_by_default exist to switch the default on, so relying on their own
 * attribute default is not a default `--strict` asks to write down.
 */
export const accountSetting: Builtin = ({ resource, graph, args }) => {
  const { type, path, equals, default: fallback } = args as unknown as Args;
  let unsure: string | undefined;
  for (const other of graph.ofTypeBeside(type, resource)) {
    for (const hit of resolve(resourceScope(other), path)) {
      if (hit.kind === 'absent' && fallback === undefined) continue;
      const value: Value = hit.kind === 'absent' ? { kind: 'literal', value: fallback as Scalar, range: hit.at } : hit.value;
      const verdict = looseEquals(value, equals);
      if (verdict) return pass(other, hit.at, hit.path);
      if (verdict === undefined) unsure ??= `${other.address} ${hit.path} is unknown`;
    }
  }
  if (unsure) return unknown(unsure);
  return fail({
    resource,
    at: resource.range,
    path: '',
    message: `no ${type} in the configuration sets ${path} to ${String(equals)}`,
    related: [],
  });
};
