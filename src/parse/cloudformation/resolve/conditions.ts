import type { Range } from '../../../model';
import type { Node } from '../../document/syntax';
import { mergeBranches } from './branches';
import type { Resolver } from './resolver';
import { NO_VALUE, literal, unknownOf, type Resolved } from './values';

const CONDITION_FUNCTIONS = new Set(['Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not', 'Condition']);

/** A condition expression: true, false, or undefined when it depends on something unknown. */
export function truth(node: Node, r: Resolver): boolean | undefined {
  if (node.kind === 'map' && node.entries.size === 1) {
    const [entry] = node.entries.values();
    if (CONDITION_FUNCTIONS.has(entry.key)) return truthOf(entry.key, entry.value, r);
  }
  const value = r.resolve(node);
  if (value !== NO_VALUE && value.kind === 'literal' && (value.value === true || value.value === false)) return value.value;
  return undefined;
}

/** `And`/`Or` are decided by any known false/true part even when other parts are unknown. */
function truthOf(key: string, args: Node, r: Resolver): boolean | undefined {
  const items = args.kind === 'seq' ? args.items : [args];
  switch (key) {
    case 'Fn::Equals':
      return equals(items, r);
    case 'Fn::And': {
      const parts = items.map((item) => truth(item, r));
      return parts.includes(false) ? false : parts.includes(undefined) ? undefined : true;
    }
    case 'Fn::Or': {
      const parts = items.map((item) => truth(item, r));
      return parts.includes(true) ? true : parts.includes(undefined) ? undefined : false;
    }
    case 'Fn::Not': {
      const part = items[0] && truth(items[0], r);
      return part === undefined ? undefined : !part;
    }
    default: {
      const name = items[0] && r.name(items[0]);
      return name === undefined ? undefined : r.condition(name, items[0]);
    }
  }
}

/** Both sides known scalars: compared as strings, as CloudFormation does (`7` equals `"7"`). */
function equals(items: Node[], r: Resolver): boolean | undefined {
  if (items.length !== 2) return undefined;
  const [a, b] = items.map((item) => r.resolve(item));
  if (a === NO_VALUE || b === NO_VALUE || a.kind !== 'literal' || b.kind !== 'literal') return undefined;
  return String(a.value) === String(b.value);
}

/** `Fn::If: [condition, whenTrue, whenFalse]`; with an unknown condition, what both branches agree on (see mergeBranches). */
export function fnIf(args: Node, at: Range, r: Resolver): Resolved {
  const [conditionNode, whenTrue, whenFalse] = args.kind === 'seq' ? args.items : [];
  const name = conditionNode && r.name(conditionNode);
  if (name === undefined || whenTrue === undefined || whenFalse === undefined) {
    return unknownOf('Fn::If needs [condition, value if true, value if false]', at);
  }
  const known = r.condition(name, conditionNode);
  if (known === true) return r.resolve(whenTrue);
  if (known === false) return r.resolve(whenFalse);
  return mergeBranches(r.resolve(whenTrue), r.resolve(whenFalse), `condition ${name} cannot be known before deployment`, at);
}

/** A condition function used as a value (`Fn::Equals` in a property): a boolean or unknown. */
export function conditionValue(key: string) {
  return (args: Node, at: Range, r: Resolver): Resolved => {
    const result = truthOf(key, args, r);
    return result === undefined ? unknownOf(`${key} cannot be known before deployment`, at) : literal(result, at);
  };
}
