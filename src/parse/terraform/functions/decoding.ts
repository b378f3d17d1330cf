import type { Range, Value } from '../../../model';
import type { Call } from './call';
import { placerFor, verbatimRange, type Placer } from './positions';
import { sourcesOf } from './values';

/** What decoding a string gives: a value tree, an error Terraform reports, or a limit of iac-scan. */
export type Decoded = { value: Value } | { error: string } | { limit: string };

/** Ends a decoding early with its outcome (an error or a limit). Never leaves `decodeWith`. */
export class DecodeStop {
  constructor(readonly decoded: Decoded) {}
}

/** Runs a tree builder that may stop with `DecodeStop`. */
export function decodeWith(build: () => Value): Decoded {
  try {
    return { value: build() };
  } catch (e) {
    if (e instanceof DecodeStop) return e.decoded;
    throw e;
  }
}

/** How decoded nodes are placed: each at its exact range, or all at the string with its origin. */
export interface Decoding {
  place: Placer;
  /** Set when the nodes point at the string rather than into it. */
  origin?: Range[];
  verbatim: boolean;
}

export function decodingOf(text: string, source: Value): Decoding {
  const verbatim = verbatimRange(source, text);
  return { place: placerFor(text, verbatim, source.range), origin: verbatim ? undefined : source.origin, verbatim: verbatim !== undefined };
}

/** A node at its place, carrying the string's origin when it points at the string. */
export function placed<T extends Value>(node: T, decoding: Decoding): T {
  if (decoding.origin?.length) node.origin = decoding.origin;
  return node;
}

/**
 * The result of a decoding function: the tree, with its top at the call when the nodes only
 * point at the string; errors fail the call, limits make it Unknown.
 */
export function decodedResult(call: Call, decoded: Decoded, decoding: Decoding, source: Value): Value {
  if ('error' in decoded) call.fail(decoded.error);
  if ('limit' in decoded) call.unknown(`${call.name}() ${decoded.limit}`);
  if (decoding.verbatim) return decoded.value;
  const origin = sourcesOf([source], call.range);
  const top: Value = { ...decoded.value, range: call.range };
  if (origin.length) top.origin = origin;
  else delete top.origin;
  return top;
}
