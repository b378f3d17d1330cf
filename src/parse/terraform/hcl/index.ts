/**
 * HCL native syntax: files (`.tf`, `.tfvars`), templates and single expressions, with offsets on
 * every node (see `ast.ts`). Never throws: syntax errors come back as `HclError`s, with as much of
 * the tree as could be recovered.
 */
import type { Expression, HclError, ParsedHcl, TemplateExpr } from './ast';
import { parseFile } from './body';
import * as expressions from './expressions';
import { Parser, RECOVER, Tok } from './scanner';
import { parseBareTemplate } from './templates';

export type * from './ast';

export function parseHcl(text: string): ParsedHcl {
  const p = new Parser(text);
  try {
    p.skipBom();
    p.next();
    return { body: parseFile(p), comments: p.comments, errors: p.errors };
  } catch (thrown) {
    internalError(p, thrown);
    return { body: { type: 'Body', items: [], start: 0, end: text.length }, comments: p.comments, errors: p.errors };
  }
}

/** The contents of a string as a template (a `.tf.json` string, a `templatefile` file); offsets are relative to `text`. */
export function parseTemplate(text: string): { template: TemplateExpr; errors: HclError[] } {
  const p = new Parser(text);
  try {
    p.skipBom();
    return { template: parseBareTemplate(p), errors: p.errors };
  } catch (thrown) {
    if (thrown !== RECOVER) internalError(p, thrown);
    return { template: { type: 'Template', parts: [], start: 0, end: text.length }, errors: p.errors };
  }
}

/** One expression, as `.tf.json` gives some values (`depends_on`, variable types). Newlines are whitespace. */
export function parseExpression(text: string): { expr?: Expression; errors: HclError[] } {
  const p = new Parser(text);
  try {
    p.newlines = false;
    p.next();
    const expr = expressions.parseExpression(p);
    if (!p.is(Tok.EOF)) p.unexpected('the end of the expression');
    return { expr, errors: p.errors };
  } catch (thrown) {
    if (thrown !== RECOVER) internalError(p, thrown);
    return { errors: p.errors };
  }
}

/** A bug, or an exhausted engine: reported as an error of the whole text rather than thrown at the caller. */
function internalError(p: Parser, thrown: unknown): void {
  p.errors.push({ message: `internal error in the HCL parser: ${String(thrown)}`, start: 0, end: 0 });
}
