// The ESM build: the package's `main` is a UMD file whose internal requires esbuild cannot
// bundle (the bundled CLI would fail on its first JSON template).
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser/lib/esm/main';
import type { LineTable, Notice } from '../../model';
import type { ParseLimits } from '../format';
import { tooDeepAt } from './depth';
import { depthMessage, duplicateKeyNotice, noticeAt, syntaxError } from './notices';
import { setEntry, type MapNode, type Node, type SyntaxResult } from './syntax';

/** Strict JSON, as CloudFormation reads it: comments and trailing commas are errors. */
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** What the parser expected, by jsonc-parser's error name. */
const EXPECTED: Record<string, string> = {
  InvalidSymbol: 'a JSON value, but found a character that cannot start one',
  InvalidNumberFormat: 'a number in JSON form (digits, optional fraction and exponent)',
  PropertyNameExpected: 'a property name in double quotes (a trailing comma before } is not allowed)',
  ValueExpected: 'a value (a trailing comma before ] is not allowed)',
  ColonExpected: 'a colon after the property name',
  CommaExpected: 'a comma between items',
  CloseBraceExpected: 'a closing }',
  CloseBracketExpected: 'a closing ]',
  EndOfFileExpected: 'the end of the file after the top-level value',
  InvalidCommentToken: 'a value, not a comment (JSON has no comments)',
  UnexpectedEndOfComment: 'a value, not a comment (JSON has no comments)',
  UnexpectedEndOfString: 'a closing double quote on the same line',
  UnexpectedEndOfNumber: 'more digits',
  InvalidUnicode: 'four hex digits after \\u',
  InvalidEscapeCharacter: 'a valid escape after a backslash (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  InvalidCharacter: 'no control characters inside a string (escape them)',
};

export function readJson(text: string, lines: LineTable, limits: ParseLimits): SyntaxResult {
  const errors: ParseError[] = [];
  // A byte-order mark becomes a space, so offsets still index the original text.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  // Checked before reading: the reader recurses once per level of nesting.
  const deep = tooDeepAt(source, limits.maxDepth);
  if (deep !== undefined) return { notices: [noticeAt(lines, 'error', 'depth-limit', depthMessage(limits.maxDepth), deep, deep + 1)], comments: [] };
  const tree = parseTree(source, errors, STRICT);
  const error = errors[0];
  if (error) {
    const name = printParseErrorCode(error.error);
    const expected = EXPECTED[name] ?? `valid JSON (${name})`;
    return { notices: [syntaxError(lines, 'JSON', `expected ${expected}`, error.offset, error.offset + error.length)], comments: [] };
  }
  const notices: Notice[] = [];
  return { root: tree && toNode(tree, lines, notices), notices, comments: [] };
}

function toNode(json: JsonNode, lines: LineTable, notices: Notice[]): Node {
  const start = json.offset;
  const end = json.offset + json.length;
  const children = json.children ?? [];
  if (json.type === 'array') {
    return { kind: 'seq', start, end, items: children.map((c) => toNode(c, lines, notices)) };
  }
  if (json.type === 'object') {
    const map: MapNode = { kind: 'map', start, end, entries: new Map() };
    for (const property of children) {
      const [key, value] = property.children as [JsonNode, JsonNode];
      const entry = {
        key: key.value as string,
        keyStart: key.offset,
        keyEnd: key.offset + key.length,
        value: toNode(value, lines, notices),
      };
      setEntry(map, entry, (dup) => notices.push(duplicateKeyNotice(lines, dup.key, dup.keyStart, dup.keyEnd)));
    }
    return map;
  }
  return { kind: 'scalar', start, end, value: json.value ?? null };
}
