import type { Range, Value } from '../../../model';
import { scalarText, type Node } from '../../document/syntax';
import { attributeOf, refByName } from './references';
import type { Resolver } from './resolver';
import { NO_VALUE, literal, originsOf, stringValue, textOf, unknownOf, type Resolved } from './values';

/** The nth item of a function's argument list (`!Join [a, b]`), if written. */
function arg(args: Node, n: number): Node | undefined {
  return args.kind === 'seq' ? args.items[n] : undefined;
}

/** Concatenates parts when all are known (and the text budget allows); else an unknown carrying their refs. */
function concat(parts: Resolved[], why: string, at: Range, where: Node, r: Resolver): Value {
  const pieces: string[] = [];
  let length = 0;
  for (const part of parts) {
    const piece = textOf(part);
    if (piece === undefined) return unknownOf(why, at, parts);
    pieces.push(piece);
    length += piece.length;
  }
  if (!r.spend(length, where)) return unknownOf(OVER_BUDGET, at, parts);
  return stringValue(pieces.join(''), at, originsOf(parts));
}

const OVER_BUDGET = 'the scanner stopped evaluating string functions in this file (text limit)';

/** `Fn::Sub`: `template` or `[template, { Var: value }]`; `${!Text}` is the literal `${Text}`. */
export function sub(args: Node, at: Range, r: Resolver): Resolved {
  const templateNode = args.kind === 'seq' ? args.items[0] : args;
  const varsNode = arg(args, 1);
  // Read as written: a dynamic reference in it is resolved after substitution, as CloudFormation does.
  const template = templateNode?.kind === 'scalar' ? scalarText(templateNode) : templateNode && r.name(templateNode);
  if (templateNode === undefined || template === undefined) return unknownOf('Fn::Sub of a template that cannot be known', at);
  const vars = varsNode?.kind === 'map' ? varsNode.entries : undefined;

  const parts: Resolved[] = [];
  const unknownNames: string[] = [];
  let from = 0;
  for (let open = template.indexOf('${'); open !== -1; open = template.indexOf('${', from)) {
    const close = template.indexOf('}', open + 2);
    if (close === -1) break;
    const name = template.slice(open + 2, close).trim();
    parts.push(literal(template.slice(from, open), at));
    if (name.charCodeAt(0) === 33 /* ! */) {
      parts.push(literal(`\${${name.slice(1)}}`, at));
    } else {
      const value = variable(name, vars?.get(name)?.value, templateNode, at, r);
      if (textOf(value) === undefined) unknownNames.push(name);
      parts.push(value);
    }
    from = close + 1;
  }
  parts.push(literal(template.slice(from), at));
  return concat(parts, `Fn::Sub with \${${unknownNames.join('}, ${')}} unknown`, at, args, r);
}

/** A `${Name}` of Fn::Sub: an explicit variable, `Resource.Attr`, or what `Ref: Name` gives. */
function variable(name: string, explicit: Node | undefined, where: Node, at: Range, r: Resolver): Resolved {
  if (explicit) return r.resolve(explicit);
  const dot = name.indexOf('.');
  if (dot > 0 && !name.startsWith('AWS::')) return attributeOf(name.slice(0, dot), name.slice(dot + 1), where, at, r);
  return refByName(name, where, at, r);
}

/** `Fn::Join: [delimiter, [items…]]`. */
export function join(args: Node, at: Range, r: Resolver): Resolved {
  const delimiter = arg(args, 0);
  const listNode = arg(args, 1);
  const sep = delimiter && r.name(delimiter);
  const list = listNode ? r.resolve(listNode) : NO_VALUE;
  if (sep === undefined || list === NO_VALUE || list.kind !== 'list') {
    return unknownOf('Fn::Join of values that cannot be known', at, [list]);
  }
  const parts: Resolved[] = [];
  list.items.forEach((item, i) => {
    if (i > 0) parts.push(literal(sep, at));
    parts.push(item);
  });
  return concat(parts, 'Fn::Join with parts that cannot be known', at, args, r);
}

/** `Fn::Split: [delimiter, text]` → a list of strings. */
export function split(args: Node, at: Range, r: Resolver): Resolved {
  const delimiter = arg(args, 0);
  const sourceNode = arg(args, 1);
  const sep = delimiter && r.name(delimiter);
  const source = sourceNode ? r.resolve(sourceNode) : NO_VALUE;
  const text = textOf(source);
  if (sep === undefined || sep === '' || text === undefined || source === NO_VALUE) {
    return unknownOf('Fn::Split of a value that cannot be known', at, [source]);
  }
  if (!r.spend(text.length, args)) return unknownOf(OVER_BUDGET, at, [source]);
  const origin = source.origin ?? [source.range];
  return { kind: 'list', items: text.split(sep).map((piece) => stringValue(piece, at, origin)), range: at };
}

/** `Fn::Select: [index, list]`. */
export function select(args: Node, at: Range, r: Resolver): Resolved {
  const indexNode = arg(args, 0);
  const listNode = arg(args, 1);
  const index = Number(indexNode && r.name(indexNode));
  const list = listNode ? r.resolve(listNode) : NO_VALUE;
  if (!Number.isInteger(index) || list === NO_VALUE || list.kind !== 'list') {
    return unknownOf('Fn::Select from values that cannot be known', at, [list]);
  }
  const item = list.items[index];
  if (item === undefined) {
    r.warn('select-out-of-range', `Fn::Select index ${index} is outside the list of ${list.items.length}. Fix the index.`, args);
    return unknownOf(`Fn::Select index ${index} is out of range`, at);
  }
  return item;
}

/** `Fn::Base64`: encoded when the text is known. */
export function base64(args: Node, at: Range, r: Resolver): Resolved {
  const value = r.resolve(args);
  const text = textOf(value);
  if (text === undefined || value === NO_VALUE) return unknownOf('Fn::Base64 of a value that cannot be known', at, [value]);
  if (!r.spend(text.length * 2, args)) return unknownOf(OVER_BUDGET, at, [value]);
  return literal(Buffer.from(text, 'utf8').toString('base64'), at, value.origin);
}
