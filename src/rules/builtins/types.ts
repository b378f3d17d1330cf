import type { ResourceGraph } from '../../graph/graph';
import type { Resource, Value } from '../../model';
import type { Outcome } from '../eval/outcome';

/** What a built-in predicate receives. */
export interface BuiltinInput {
  /** The value at the condition's `path` (the whole attribute map when `path` is omitted); undefined when absent. */
  value: Value | undefined;
  resource: Resource;
  graph: ResourceGraph;
  /** The condition's `args`, validated by the rule schema. */
  args: Record<string, unknown>;
  /** The concrete path of `value` in the resource's attributes ('' for the whole map). */
  path: string;
  strict: boolean;
}

/** A named predicate: pure, and tri-state like every condition. */
export type Builtin = (input: BuiltinInput) => Outcome;
