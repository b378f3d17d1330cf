import { LineCounter, parseDocument } from 'yaml';
import type { ControlCatalog, Notice, Range, Rule, Standard } from '../../model';
import { unknownControlNotices } from './control-ids';
import { toRule } from './convert';
import { schemaNotices } from './schema-errors';
import { semanticNotices, type RawRule } from './semantic';
import { validateRule } from './validator';
import { nodeAt, rangeOf, type RuleDocument } from './yaml-nodes';

export interface ParsedRule {
  rule?: Rule;
  /** Where the id is written, for duplicate-id messages. */
  idRange?: Range;
  /** The validated data the rule was made from (the build snapshots it, see snapshot.ts). */
  raw?: RawRule;
  errors: Notice[];
}

/** Rules are small; a file with more aliases than this is not a rule. */
const MAX_ALIASES = 100;

/**
 * One rule file's text to a Rule, or to errors that name the file, line and column. `source` is
 * the absolute path (kept on the Rule), `file` the path messages show. With a `catalog`, every
 * control the rule names must be in it.
 */
export function parseRuleText(text: string, source: string, file: string, pack: string, catalog?: ControlCatalog): ParsedRule {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const rd: RuleDocument = { doc, lines, file };
  if (doc.errors.length) return { errors: doc.errors.map((e) => yamlNotice(e, file)) };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    return { errors: [{ level: 'error', code: 'rule-invalid', file, message: `${(err as Error).message}. Fix the rule file.` }] };
  }
  const schemaErrors = validateRule(data);
  if (schemaErrors.length) return { errors: schemaNotices(schemaErrors, data, rd) };

  const raw = data as RawRule;
  const semantic = semanticNotices(raw, rd);
  if (catalog) semantic.push(...unknownControlNotices(raw.controls as Record<Standard, string[]>, rd, catalog));
  if (semantic.length) return { errors: semantic };
  return { rule: toRule(raw, source, pack), idRange: rangeOf(rd, nodeAt(rd, ['id']).node), raw, errors: [] };
}

function yamlNotice(e: { message: string; linePos?: [{ line: number; col: number }, ...{ line: number; col: number }[]] }, file: string): Notice {
  // With prettyErrors the message continues with " at line N, column M:" and a code excerpt; the notice carries the position itself.
  const cut = e.message.indexOf(' at line ');
  const message = `invalid YAML: ${cut > 0 ? e.message.slice(0, cut) : e.message}. Fix the rule file.`;
  const pos = e.linePos?.[0];
  if (!pos) return { level: 'error', code: 'rule-invalid', file, message };
  const start = { line: pos.line, column: pos.col };
  return { level: 'error', code: 'rule-invalid', file, message, range: { file, start, end: start } };
}
