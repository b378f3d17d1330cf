import type { Range } from '../../../model';
import type { Node } from '../../document/syntax';
import { conditionValue, fnIf } from './conditions';
import { findInMap } from './find-in-map';
import { getAtt, ref } from './references';
import type { Resolver } from './resolver';
import { base64, join, select, split, sub } from './strings';
import { unknownOf, type Resolved } from './values';

type Intrinsic = (args: Node, at: Range, r: Resolver) => Resolved;

/** A function whose result exists only at deploy time; it still carries the refs of its arguments. */
function deployTime(why: string): Intrinsic {
  return (args, at, r) => unknownOf(why, at, [r.resolve(args)]);
}

/** Every function, by its long-form key; `Fn::*` stands for any other `Fn::` key. */
export const INTRINSICS = {
  Ref: ref,
  'Fn::GetAtt': getAtt,
  'Fn::Sub': sub,
  'Fn::Join': join,
  'Fn::Split': split,
  'Fn::Select': select,
  'Fn::Base64': base64,
  'Fn::FindInMap': findInMap,
  'Fn::If': fnIf,
  'Fn::Equals': conditionValue('Fn::Equals'),
  'Fn::And': conditionValue('Fn::And'),
  'Fn::Or': conditionValue('Fn::Or'),
  'Fn::Not': conditionValue('Fn::Not'),
  'Fn::Cidr': deployTime('Fn::Cidr is computed at deploy time'),
  'Fn::GetAZs': deployTime('Fn::GetAZs: the Availability Zones are known only at deploy time'),
  'Fn::ImportValue': deployTime('Fn::ImportValue: the value is exported by another stack'),
  'Fn::Transform': deployTime('Fn::Transform runs a macro at deploy time'),
  'Fn::*': deployTime('a function the scanner does not evaluate'),
} satisfies Record<string, Intrinsic>;

export type IntrinsicKey = keyof typeof INTRINSICS;

export function isIntrinsicKey(key: string): key is IntrinsicKey {
  return Object.hasOwn(INTRINSICS, key);
}
