import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import type { LiteralValue, MapValue, Value } from '../../../model';
import { spec, type FunctionTable } from './call';
import { DecodeStop, decodedResult, decodeWith, decodingOf, placed, type Decoded, type Decoding } from './decoding';
import { encodedAs, markEncoded, withoutEncoding, type Structure } from './encoded';
import { MAX_DECODED_NODES, MAX_ITEMS, MAX_NESTING } from './limits';
import { rehomed } from './values';

/**
 * `yamlencode` gives the structure marked as YAML-encoded, like `jsonencode`; iac-scan does not
 * reproduce the YAML text, so anything that needs the string gets an Unknown. `yamldecode`
 * reads one YAML 1.2 document (core schema) into a value tree placed like `jsondecode`'s.
 */
export const yamlFunctions: FunctionTable = {
  yamlencode: spec(1, 1, (c) => {
    const value = c.known(c.args[0]);
    if ((value.kind === 'list' || value.kind === 'map') && !encodedAs(value)) return markEncoded(rehomed(value, c.range), 'yaml');
    return c.unknown('iac-scan does not reproduce the text yamlencode() writes');
  }),
  yamldecode: spec(1, 1, (c) => {
    const source = c.known(c.args[0]);
    // YAML is a superset of JSON: either encoded structure decodes to itself.
    if (encodedAs(source)) return withoutEncoding(rehomed(source as Structure, c.range));
    const text = c.asString(source);
    const decoding = decodingOf(text, source);
    return decodedResult(c, decodeYaml(text, decoding), decoding, source);
  }),
};

const OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false } as const;

function decodeYaml(text: string, decoding: Decoding): Decoded {
  const documents = parseAllDocuments(text, OPTIONS);
  if (documents.length > 1) return { error: 'the string holds more than one YAML document' };
  const document = documents[0];
  if (!document?.contents) return { value: placed({ kind: 'literal', value: null, range: decoding.place(0, text.length) }, decoding) };
  const error = document.errors[0];
  if (error) return { error: `the string is not valid YAML: ${error.message.split('\n')[0]}` };
  const contents = document.contents;
  return decodeWith(() => new YamlTree(document, decoding).value(contents, 0));
}

/** Builds values from yaml's nodes; aliases are expanded, and every node built counts (alias bombs). */
class YamlTree {
  private built = 0;

  constructor(
    private readonly document: Document,
    private readonly decoding: Decoding,
  ) {}

  value(node: YamlNode, depth: number): Value {
    if (++this.built > MAX_DECODED_NODES) throw new DecodeStop({ limit: `reads YAML that expands to more than ${MAX_DECODED_NODES} values` });
    if (depth > MAX_NESTING) throw new DecodeStop({ limit: `reads YAML nested deeper than ${MAX_NESTING} levels` });
    if (isAlias(node)) {
      const target = node.resolve(this.document);
      if (!target) throw new DecodeStop({ error: `the YAML alias *${node.source} has no anchor` });
      return this.value(target, depth + 1);
    }
    const [start, end] = node.range ?? [0, 0];
    const range = this.decoding.place(start, end);
    if (isSeq(node)) {
      if (node.items.length > MAX_ITEMS) throw new DecodeStop({ limit: `reads a YAML sequence of more than ${MAX_ITEMS} items` });
      return placed({ kind: 'list', items: node.items.map((item) => this.value(item as YamlNode, depth + 1)), range }, this.decoding);
    }
    if (isMap(node)) return this.map(node.items, range, depth);
    return placed(this.scalar(isScalar(node) ? node.value : null, range), this.decoding);
  }

  private map(pairs: { key: unknown; value: unknown }[], range: Value['range'], depth: number): MapValue {
    if (pairs.length > MAX_ITEMS) throw new DecodeStop({ limit: `reads a YAML mapping of more than ${MAX_ITEMS} entries` });
    const map: MapValue = { kind: 'map', entries: new Map(), keyRanges: new Map(), range };
    for (const pair of pairs) {
      const keyNode = pair.key as YamlNode | null;
      const key = keyNode && isAlias(keyNode) ? keyNode.resolve(this.document) : keyNode;
      if (key && !isScalar(key)) throw new DecodeStop({ error: 'a YAML mapping key must be a string, number or bool' });
      const name = String(key?.value ?? null);
      const [keyStart, keyEnd] = keyNode?.range ?? [0, 0];
      const value = pair.value as YamlNode | null;
      map.entries.set(name, value ? this.value(value, depth + 1) : placed({ kind: 'literal', value: null, range }, this.decoding));
      map.keyRanges.set(name, this.decoding.place(keyStart, keyEnd));
    }
    return placed(map, this.decoding);
  }

  private scalar(value: unknown, range: Value['range']): LiteralValue {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new DecodeStop({ limit: 'reads a number iac-scan cannot hold (.inf or .nan)' });
    const literal = value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string'
      ? (value ?? null)
      : String(value);
    return { kind: 'literal', value: literal, range };
  }
}
