import type { MapValue, Range, Value } from '../../model';
import { elementsOf } from './collections';
import type { Evaluator } from './evaluator';
import type { Block, Body } from './hcl/ast';
import { attribute } from './module-config';
import { withNames, type Scope } from './scope';
import { failure, MapBuilder, unknownFrom } from './values';

type EvaluateBody = (ev: Evaluator, body: Body, scope: Scope, range: Range) => MapValue;
type AddBlock = (type: string, value: Value, keyRange: Range, block: Block) => void;

/**
 * `dynamic "ingress" { for_each = ..., iterator = rule, content { ... } }`: one `ingress` block per
 * element, with `rule.key` and `rule.value` (the iterator is named after the block unless given).
 * A for_each that cannot be known adds one unknown block: there may be any number of them.
 */
export function expandDynamic(ev: Evaluator, block: Block, scope: Scope, evaluateBody: EvaluateBody, add: AddBlock): void {
  const label = block.labels[0];
  const at = scope.rangeOf(block);
  if (!label) {
    ev.env.notices.warn('invalid-dynamic', 'a dynamic block needs the name of the block it makes, e.g. dynamic "ingress"; it was skipped.', at);
    return;
  }
  const type = label.value;
  const keyRange = scope.rangeOf(label);
  const forEach = attribute(block.body, 'for_each');
  const content = block.body.items.find((item): item is Block => item.type === 'Block' && item.blockType === 'content');
  if (!forEach || !content) {
    ev.env.notices.warn('invalid-dynamic', `dynamic "${type}" needs for_each and a content block; it was skipped.`, at);
    return;
  }
  const iteratorExpr = attribute(block.body, 'iterator')?.value;
  const iterator = iteratorExpr?.type === 'Variable' ? iteratorExpr.name : type;
  const found = elementsOf(ev.evaluate(forEach.value, scope), at);
  if (found.kind === 'unknown') {
    add(type, unknownFrom(`the ${type} blocks of dynamic "${type}": for_each cannot be known before deployment`, at, [found.value]), keyRange, block);
    return;
  }
  if (found.kind === 'invalid') {
    add(type, failure(`dynamic "${type}" for_each ${found.why}`, scope.rangeOf(forEach.value)), keyRange, block);
    return;
  }
  for (const [key, value] of found.elements) {
    const element = new MapBuilder();
    element.set('key', key, key.range);
    element.set('value', value, value.range);
    const inner = withNames(scope, [[iterator, element.build(at)]]);
    add(type, evaluateBody(ev, content.body, inner, scope.rangeOf(content)), keyRange, block);
  }
}
