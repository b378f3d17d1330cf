import type { Range, Value } from '../../model';
import type { Span } from './hcl/ast';

/** The names a module instance gives its expressions. Each returns the value as used at `at`. */
export interface ModuleNames {
  variable(name: string, at: Range): Value;
  local(name: string, at: Range): Value;
  module(name: string, at: Range): Value;
  /** A resource or data source, all its instances; undefined when the module declares none of that name. */
  resource(mode: 'managed' | 'data', type: string, name: string, at: Range): Value | undefined;
  /** Whether `name` is a managed resource type declared here, so `name.x` is a resource reference. */
  declaresType(name: string): boolean;
}

/** What an expression can see where it is written. */
export interface Scope {
  /** The module whose `var`, `local`, `module` and resources are visible; absent in tfvars and templatefile. */
  module?: ModuleNames;
  /** Turns a node's offsets into a range: the file's line table, or one fixed place for text that has no place of its own. */
  rangeOf(span: Span): Range;
  /** `count`, `each`, `path`, `terraform`, for-expression variables, dynamic-block iterators, templatefile variables. */
  names: ReadonlyMap<string, Value>;
  /** Inside a splat's traversal: the element it is applied to. */
  splatItem?: Value;
}

export function withNames(scope: Scope, added: Iterable<readonly [string, Value]>): Scope {
  const names = new Map(scope.names);
  for (const [name, value] of added) names.set(name, value);
  return { ...scope, names };
}
