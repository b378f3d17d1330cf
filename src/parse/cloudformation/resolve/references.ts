import type { Range, Value } from '../../../model';
import type { Node } from '../../document/syntax';
import { isImplicitApiId } from '../sam-implicit-apis';
import { isListType, isSsmType, type Parameter } from '../template';
import type { Resolver } from './resolver';
import { NO_VALUE, literal, stringValue, unknownOf, usedAt, type Resolved } from './values';

/** Pseudo parameters whose value is the same for every stack in the standard partition. */
const KNOWN_PSEUDO: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com' };

/** `Ref`: a parameter's value, a pseudo parameter, or a resource (an unknown that carries the edge). */
export function ref(args: Node, at: Range, r: Resolver): Resolved {
  const name = r.name(args);
  if (name === undefined) return unknownOf('Ref to a name that cannot be known', at, [r.resolve(args)]);
  return refByName(name, args, at, r);
}

export function refByName(name: string, where: Node, at: Range, r: Resolver): Resolved {
  if (name === 'AWS::NoValue') return NO_VALUE;
  if (Object.hasOwn(KNOWN_PSEUDO, name)) return literal(KNOWN_PSEUDO[name], at);
  if (name.startsWith('AWS::')) return unknownOf(`${name} is known only at deploy time`, at);
  const parameter = r.sections.parameters.get(name);
  if (parameter) return parameterValue(parameter, at, r);
  if (isResource(name, r)) {
    return { kind: 'unknown', why: `Ref to resource ${name}`, range: at, refs: [{ key: r.resourceKey(name) }] };
  }
  r.warn('unknown-reference', `"${name}" is not a parameter, resource or pseudo parameter of this template. Fix the name.`, where);
  return unknownOf(`Ref to ${name}, which this template does not define`, at);
}

/** `Fn::GetAtt`: `[Id, Attr]` or `Id.Attr` (the attribute may itself contain dots). */
export function getAtt(args: Node, at: Range, r: Resolver): Resolved {
  let id: string | undefined;
  let attr: string | undefined;
  if (args.kind === 'seq') {
    id = args.items[0] && r.name(args.items[0]);
    attr = args.items[1] && r.name(args.items[1]);
  } else {
    const text = r.name(args);
    const dot = text?.indexOf('.') ?? -1;
    id = dot > 0 ? text?.slice(0, dot) : text;
    attr = dot > 0 ? text?.slice(dot + 1) : undefined;
  }
  return attributeOf(id, attr, args, at, r);
}

export function attributeOf(id: string | undefined, attr: string | undefined, where: Node, at: Range, r: Resolver): Resolved {
  if (id === undefined || !isResource(id, r)) {
    if (id !== undefined) r.warn('unknown-reference', `"${id}" is not a resource of this template. Fix the logical ID.`, where);
    return unknownOf(`Fn::GetAtt of ${id ?? 'an unknown resource'}`, at);
  }
  const why = attr === undefined ? `Fn::GetAtt of ${id}` : `Fn::GetAtt ${id}.${attr}`;
  return { kind: 'unknown', why, range: at, refs: [attr === undefined ? { key: r.resourceKey(id) } : { key: r.resourceKey(id), attr }] };
}

/** A resource of the template, or an API the SAM transform may add to it (sam-implicit-apis.ts). */
function isResource(id: string, r: Resolver): boolean {
  return r.sections.resources.has(id) || (r.sections.samTransform && isImplicitApiId(id));
}

/**
 * A parameter at the place it is used: the value supplied at scan time, else its Default (with
 * the Default as origin), else unknown. SSM parameter types hold a name, not the value.
 */
function parameterValue(p: Parameter, at: Range, r: Resolver): Value {
  if (isSsmType(p.type)) return unknownOf(`parameter ${p.name} is read from SSM Parameter Store at deploy time`, at);
  if (p.supplied) {
    const text = p.supplied.value;
    const supplied = (value: string): Value => {
      const v = stringValue(value, at);
      return v.kind === 'literal' ? { ...v, supplied: true } : v;
    };
    return isListType(p.type) ? { kind: 'list', items: text.split(',').map((s) => supplied(s.trim())), range: at } : supplied(text);
  }
  if (p.default) {
    const value = r.data(p.default);
    if (isListType(p.type) && value.kind === 'literal') {
      const origin = [value.range];
      const items = String(value.value ?? '').split(',').map((s) => stringValue(s.trim(), at, origin));
      return { kind: 'list', items, range: at, origin };
    }
    return usedAt(value, at);
  }
  const result = unknownOf(`parameter ${p.name} has no value`, at);
  if (p.noEcho) result.secret = true;
  return result;
}
