import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser/lib/esm/main';
import type { ListValue, MapValue, Range, Value } from '../../../model';
import { spec, type FunctionTable } from './call';
import { DecodeStop, decodedResult, decodeWith, decodingOf, placed, type Decoded, type Decoding } from './decoding';
import { encodedAs, jsonText, markEncoded, withoutEncoding, type Structure } from './encoded';
import { MAX_ITEMS, MAX_NESTING } from './limits';
import { rehomed } from './values';

/**
 * `jsonencode` gives the structure itself, marked as JSON-encoded (see encoded.ts), so rules
 * walk `jsonencode({ Statement = [...] })` like a map. Its top node is at the call; every node
 * inside keeps the range where it is written. A scalar gives its JSON text as a string.
 *
 * `jsondecode` of a `jsonencode` result gives the structure back; of a string, a value tree whose
 * nodes point into the string's own file when its text stands there verbatim (see positions.ts),
 * else at the string.
 */
export const jsonFunctions: FunctionTable = {
  jsonencode: spec(1, 1, (c) => {
    const value = c.known(c.args[0]);
    if ((value.kind === 'list' || value.kind === 'map') && !encodedAs(value)) return markEncoded(rehomed(value, c.range), 'json');
    const text = jsonText(value);
    if ('unknown' in text) return c.unknownBecause(text.unknown);
    if ('tooLong' in text) return c.tooLarge('a string longer than 1 MiB');
    return c.string(text.text);
  }),
  jsondecode: spec(1, 1, (c) => {
    const source = c.known(c.args[0]);
    if (encodedAs(source) === 'json') return withoutEncoding(rehomed(source as Structure, c.range));
    const text = c.asString(source);
    const decoding = decodingOf(text, source);
    return decodedResult(c, decodeJson(text, decoding), decoding, source);
  }),
};

/**
 * The JSON structure a value holds as a string, for rules that read policies and documents:
 * a `jsonencode` result is its structure; a string literal holding a JSON object or array is
 * decoded, with ranges as `jsondecode` gives them. Undefined for anything else (an Unknown, a
 * string that is not a JSON object or array).
 */
export function encodedJson(value: Value): Structure | undefined {
  if (encodedAs(value) === 'json') return value as Structure;
  if (value.kind !== 'literal' || typeof value.value !== 'string' || !/^\s*[[{]/.test(value.value)) return undefined;
  const decoded = decodeJson(value.value, decodingOf(value.value, value));
  return 'value' in decoded && (decoded.value.kind === 'map' || decoded.value.kind === 'list') ? decoded.value : undefined;
}

/** Strict JSON, as Go reads it. */
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

function decodeJson(text: string, decoding: Decoding): Decoded {
  // jsonc-parser recurses once per level: deep input is refused before it is parsed.
  if (nestingExceeds(text, MAX_NESTING)) return { limit: `reads JSON nested deeper than ${MAX_NESTING} levels` };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, STRICT);
  if (errors.length > 0 || !tree) {
    const error = errors[0];
    return { error: `the string is not valid JSON (${error ? `${printParseErrorCode(error.error)} at character ${error.offset + 1}` : 'empty'})` };
  }
  return decodeWith(() => new JsonTree(decoding).value(tree));
}

class JsonTree {
  constructor(private readonly decoding: Decoding) {}

  value(node: JsonNode): Value {
    const range = this.decoding.place(node.offset, node.offset + node.length);
    const children = node.children ?? [];
    if (children.length > MAX_ITEMS) throw new DecodeStop({ limit: `reads a JSON collection of more than ${MAX_ITEMS} items` });
    if (node.type === 'array') {
      const list: ListValue = { kind: 'list', items: children.map((child) => this.value(child)), range };
      return placed(list, this.decoding);
    }
    if (node.type === 'object') return this.object(children, range);
    return placed({ kind: 'literal', value: (node.value ?? null) as string | number | boolean | null, range }, this.decoding);
  }

  private object(properties: JsonNode[], range: Range): MapValue {
    const map: MapValue = { kind: 'map', entries: new Map(), keyRanges: new Map(), range };
    for (const property of properties) {
      const [key, value] = property.children as [JsonNode, JsonNode];
      const name = key.value as string;
      // Terraform's JSON reader rejects a repeated key rather than keeping one of them.
      if (map.entries.has(name)) throw new DecodeStop({ error: `duplicate "${name}" property in JSON object` });
      map.entries.set(name, this.value(value));
      map.keyRanges.set(name, this.decoding.place(key.offset, key.offset + key.length));
    }
    return placed(map, this.decoding);
  }
}

/** Whether brackets outside strings nest deeper than `limit`. One pass, no recursion. */
function nestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
