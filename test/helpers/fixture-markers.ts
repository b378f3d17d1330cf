/**
 * The findings a rule fixture expects, written in the fixture itself:
 *
 * - YAML: a trailing comment `# expect: <rule-id>` on the line the finding points at;
 * - JSON (no comments): a top-level `Metadata` entry
 *   `"iac-scan-fixture": { "expect": [ { "rule": "<rule-id>", "line": <n> } ] }`.
 */
export interface ExpectedFinding {
  rule: string;
  line: number;
}

/** Thrown for a marker that is written wrongly, so a typo cannot silently expect nothing. */
export class MarkerError extends Error {}

const YAML_MARKER = 'expect:';
const JSON_METADATA_KEY = 'iac-scan-fixture';

/** The expected findings of a fixture file, by its syntax. */
export function expectedFindings(file: string, text: string): ExpectedFinding[] {
  return file.endsWith('.json') ? jsonMarkers(file, text) : yamlMarkers(file, text);
}

/**
 * `# expect: rule-id` comments. A `#` starts a comment only at the start of a line or after
 * whitespace (as in YAML), so `#` inside a URL or an anchor-like value is not taken for one.
 */
export function yamlMarkers(file: string, text: string): ExpectedFinding[] {
  const found: ExpectedFinding[] = [];
  text.split(/\r?\n/).forEach((lineText, i) => {
    const comment = commentStart(lineText);
    if (comment === -1) return;
    const body = lineText.slice(comment + 1).trim();
    if (!body.startsWith(YAML_MARKER)) return;
    const ids = body.slice(YAML_MARKER.length).split(',').map((id) => id.trim());
    for (const rule of ids) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(rule)) {
        throw new MarkerError(`${file}:${i + 1}: "# expect:" must be followed by rule ids such as aws-s3-versioning, got "${body}"`);
      }
      found.push({ rule, line: i + 1 });
    }
  });
  return found;
}

/** Where a YAML comment starts on a line, or -1. Quoted `#` is not a comment. */
function commentStart(line: string): number {
  let quote = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 39 /* ' */ || c === 34 /* " */) {
      const before = i === 0 ? 32 : line.charCodeAt(i - 1);
      // A quote opens a quoted scalar only where a scalar can start.
      if (before === 32 || before === 9 || before === 91 /* [ */ || before === 123 /* { */ || before === 44 /* , */) quote = c;
    } else if (c === 35 /* # */ && (i === 0 || line.charCodeAt(i - 1) === 32 || line.charCodeAt(i - 1) === 9)) {
      return i;
    }
  }
  return -1;
}

/** `Metadata["iac-scan-fixture"].expect` of a JSON template. */
export function jsonMarkers(file: string, text: string): ExpectedFinding[] {
  let template: unknown;
  try {
    template = JSON.parse(text);
  } catch (err) {
    throw new MarkerError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const metadata = (template as { Metadata?: Record<string, unknown> }).Metadata;
  const fixture = metadata?.[JSON_METADATA_KEY];
  if (fixture === undefined) return [];
  const expect = (fixture as { expect?: unknown }).expect;
  if (!Array.isArray(expect)) {
    throw new MarkerError(`${file}: Metadata.${JSON_METADATA_KEY}.expect must be a list of { "rule": "<rule-id>", "line": <n> }`);
  }
  return expect.map((entry, i) => {
    const { rule, line } = (entry ?? {}) as { rule?: unknown; line?: unknown };
    if (typeof rule !== 'string' || typeof line !== 'number' || !Number.isInteger(line) || line < 1) {
      throw new MarkerError(`${file}: Metadata.${JSON_METADATA_KEY}.expect[${i}] must be { "rule": "<rule-id>", "line": <positive integer> }`);
    }
    return { rule, line };
  });
}

/** An actual finding reduced to what fixtures compare, with its message for the report. */
export interface ActualFinding extends ExpectedFinding {
  message: string;
}

/**
 * The difference between expected and actual `(rule, line)` sets, as lines a person can read;
 * empty when they match.
 */
export function describeMismatch(file: string, expected: ExpectedFinding[], actual: ActualFinding[]): string {
  const key = (f: ExpectedFinding) => `${f.rule}@${f.line}`;
  const actualKeys = new Set(actual.map(key));
  const expectedKeys = new Set(expected.map(key));
  const missing = [...new Map(expected.map((f) => [key(f), f])).values()].filter((f) => !actualKeys.has(key(f)));
  const unexpected = actual.filter((f) => !expectedKeys.has(key(f)));
  if (missing.length === 0 && unexpected.length === 0) return '';
  const out = [`${file}: the findings differ from the markers`];
  out.push(`  expected lines: ${formatLines(expected)}`);
  out.push(`  actual lines:   ${formatLines(actual)}`);
  for (const f of missing.sort(byLine)) out.push(`  missing    line ${f.line} (${f.rule}): marked, but no finding`);
  for (const f of unexpected.sort(byLine)) out.push(`  unexpected line ${f.line} (${f.rule}): ${f.message}`);
  return out.join('\n');
}

function formatLines(findings: ExpectedFinding[]): string {
  const lines = [...new Set(findings.map((f) => f.line))].sort((a, b) => a - b);
  return lines.length ? lines.join(', ') : '(none)';
}

function byLine(a: ExpectedFinding, b: ExpectedFinding): number {
  return a.line - b.line;
}
