/**
 * The findings a rule fixture expects, written in the fixture itself:
 *
 * - YAML and Terraform (`.tf`): a trailing comment `# expect: <rule-id>` (in `.tf` also
 *   `// expect: <rule-id>`) on the line the finding points at, or an own-line
 *   `# expect-next-line: <rule-id>` above a line that cannot carry a comment (a heredoc's first line);
 * - CloudFormation JSON (no comments): a top-level `Metadata` entry
 *   `"iac-scan-fixture": { "expect": [ { "rule": "<rule-id>", "line": <n> } ] }`;
 * - Terraform JSON (`.tf.json`): the same entry under the top-level `"//"` key, which Terraform
 *   ignores as a comment;
 * - Terraform plans (`terraform show -json` output, any `.json` name): the same `"//"` entry. A
 *   plan is told from a template by content, as the plan parser tells it: a top-level
 *   `planned_values` or `resource_changes`. The plan format has no `"//"` key and the parser
 *   reads only the keys it knows, so the entry changes nothing that is scanned.
 *
 * Markers count: each mention of a rule expects one finding of it on its line. A line where two
 * resources fail (a SAM Globals value two functions inherit, a module called twice) or where one
 * resource fails twice (two members left out of a configuration) is marked as often as it has
 * findings: `# expect: rule-id, rule-id`, or the JSON `{ "rule", "line" }` entry written twice.
 */
export interface ExpectedFinding {
  rule: string;
  line: number;
}

/** Thrown for a marker that is written wrongly, so a typo cannot silently expect nothing. */
export class MarkerError extends Error {}

/**
 * `expect:` marks its own line, `expect-next-line:` the line below, and `expect-N-lines-above:`
 * (N a number) a line that cannot carry a comment of its own: one inside a heredoc.
 */
const COMMENT_MARKERS: [string, number][] = [
  ['expect:', 0],
  ['expect-next-line:', 1],
];
const JSON_METADATA_KEY = 'iac-scan-fixture';

/** The expected findings of a fixture file, by its syntax. */
export function expectedFindings(file: string, text: string): ExpectedFinding[] {
  if (file.endsWith('.tf.json')) return jsonMarkers(file, text, '//');
  if (file.endsWith('.json')) return jsonMarkers(file, text, 'auto');
  return commentMarkers(file, text, file.endsWith('.tf'));
}

/** Top-level keys that make a JSON document a Terraform plan, as the plan parser recognises one. */
const PLAN_KEYS = ['planned_values', 'resource_changes'];

function isPlan(document: unknown): boolean {
  return typeof document === 'object' && document !== null && !Array.isArray(document) && PLAN_KEYS.some((key) => key in document);
}

/**
 * `# expect: rule-id` comments (and `// expect:` where `slashComments`). A `#` or `//` starts a
 * comment only at the start of a line or after whitespace (as in YAML), so one inside a URL or
 * an anchor-like value is not taken for one.
 */
export function commentMarkers(file: string, text: string, slashComments = false): ExpectedFinding[] {
  const found: ExpectedFinding[] = [];
  text.split(/\r?\n/).forEach((lineText, i) => {
    const comment = commentStart(lineText, slashComments);
    if (comment === -1) return;
    const body = lineText.slice(comment).replace(/^(#|\/\/)/, '').trim();
    const above = /^expect-(\d+)-lines?-above:/.exec(body);
    const marker: [string, number] | undefined = above ? [above[0], -Number(above[1])] : COMMENT_MARKERS.find(([word]) => body.startsWith(word));
    if (!marker) return;
    const [word, offset] = marker;
    const ids = body.slice(word.length).split(',').map((id) => id.trim());
    for (const rule of ids) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(rule)) {
        throw new MarkerError(`${file}:${i + 1}: "${word}" must be followed by rule ids such as aws-s3-versioning, got "${body}"`);
      }
      found.push({ rule, line: i + 1 + offset });
    }
  });
  return found;
}

/** Where a comment starts on a line, or -1. A quoted `#` or `//` is not a comment. */
function commentStart(line: string, slashComments: boolean): number {
  let quote = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 39 /* ' */ || c === 34 /* " */) {
      const before = i === 0 ? 32 : line.charCodeAt(i - 1);
      // A quote opens a quoted scalar only where a scalar can start.
      if (before === 32 || before === 9 || before === 91 /* [ */ || before === 123 /* { */ || before === 44 /* , */) quote = c;
    } else if (i === 0 || line.charCodeAt(i - 1) === 32 || line.charCodeAt(i - 1) === 9) {
      if (c === 35 /* # */ || (slashComments && c === 47 /* / */ && line.charCodeAt(i + 1) === 47)) return i;
    }
  }
  return -1;
}

/**
 * `<container>["iac-scan-fixture"].expect` of a JSON file: `Metadata` in a template, `"//"` in
 * Terraform JSON and in a plan; `auto` picks `"//"` for a plan and `Metadata` otherwise.
 */
export function jsonMarkers(file: string, text: string, which: 'Metadata' | '//' | 'auto'): ExpectedFinding[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (err) {
    throw new MarkerError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const entries = document as Record<string, Record<string, unknown> | undefined>;
  const plan = which === 'auto' && isPlan(document);
  const container = which === 'auto' ? (plan ? '//' : 'Metadata') : which;
  // A plan's Metadata is nothing the reader looks at: markers there would expect nothing in silence.
  if (plan && entries.Metadata?.[JSON_METADATA_KEY] !== undefined) {
    throw new MarkerError(`${file}: a Terraform plan carries its markers under "//".${JSON_METADATA_KEY}, not Metadata`);
  }
  const fixture = entries[container]?.[JSON_METADATA_KEY];
  if (fixture === undefined) return [];
  const where = `${container === '//' ? '"//"' : container}.${JSON_METADATA_KEY}.expect`;
  const expect = (fixture as { expect?: unknown }).expect;
  if (!Array.isArray(expect)) {
    throw new MarkerError(`${file}: ${where} must be a list of { "rule": "<rule-id>", "line": <n> }`);
  }
  return expect.map((entry, i) => {
    const { rule, line } = (entry ?? {}) as { rule?: unknown; line?: unknown };
    if (typeof rule !== 'string' || typeof line !== 'number' || !Number.isInteger(line) || line < 1) {
      throw new MarkerError(`${file}: ${where}[${i}] must be { "rule": "<rule-id>", "line": <positive integer> }`);
    }
    return { rule, line };
  });
}

/** An actual finding reduced to what fixtures compare, with its message for the report. */
export interface ActualFinding extends ExpectedFinding {
  message: string;
}

/**
 * The difference between expected and actual findings, as lines a person can read; empty when
 * they match. Markers count: each marker of a rule on a line expects one finding there, so a line
 * marked once must have exactly one finding of the rule, a line marked twice two, and so on.
 */
export function describeMismatch(file: string, expected: ExpectedFinding[], actual: ActualFinding[]): string {
  const expectedCounts = countByKey(expected);
  const actualByKey = new Map<string, ActualFinding[]>();
  for (const f of actual) actualByKey.set(key(f), [...(actualByKey.get(key(f)) ?? []), f]);
  const keys = [...new Set([...expectedCounts.keys(), ...actualByKey.keys()])];
  const differing = keys
    .map((k) => ({ ...parseKey(k), marked: expectedCounts.get(k) ?? 0, found: actualByKey.get(k) ?? [] }))
    .filter((d) => d.marked !== d.found.length)
    .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
  if (differing.length === 0) return '';
  const out = [`${file}: the findings differ from the markers`];
  out.push(`  expected lines: ${formatLines(expected)}`);
  out.push(`  actual lines:   ${formatLines(actual)}`);
  for (const d of differing.filter((d) => d.found.length === 0)) {
    out.push(`  missing    line ${d.line} (${d.rule}): marked${d.marked > 1 ? ` ${d.marked} times` : ''}, but no finding`);
  }
  for (const d of differing.filter((d) => d.marked === 0)) {
    for (const f of d.found) out.push(`  unexpected line ${d.line} (${d.rule}): ${f.message}`);
  }
  for (const d of differing.filter((d) => d.marked > 0 && d.found.length > 0)) {
    const word = d.found.length > d.marked ? 'too many' : 'too few ';
    out.push(`  ${word}   line ${d.line} (${d.rule}): ${times(d.marked)} expected, ${times(d.found.length)} found`);
    for (const f of d.found) out.push(`               found: ${f.message}`);
  }
  return out.join('\n');
}

function key(f: ExpectedFinding): string {
  return `${f.line}@${f.rule}`;
}

function parseKey(k: string): ExpectedFinding {
  const at = k.indexOf('@');
  return { line: Number(k.slice(0, at)), rule: k.slice(at + 1) };
}

function countByKey(findings: ExpectedFinding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  return counts;
}

function times(n: number): string {
  return n === 1 ? '1 finding' : `${n} findings`;
}

/** The lines of findings in order, a line with several findings as `6 (x2)`. */
function formatLines(findings: ExpectedFinding[]): string {
  const counts = new Map<number, number>();
  for (const f of findings) counts.set(f.line, (counts.get(f.line) ?? 0) + 1);
  const lines = [...counts].sort(([a], [b]) => a - b).map(([line, n]) => (n > 1 ? `${line} (x${n})` : `${line}`));
  return lines.length ? lines.join(', ') : '(none)';
}
