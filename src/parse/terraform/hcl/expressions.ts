import type * as A from './ast';
import { type Parser, Tok } from './scanner';
import { parseHeredocTemplate, parseQuotedTemplate } from './templates';

/**
 * The expression language. Precedence, loosest first: `? :`, then the binary operators by
 * `Parser.prec` (`||` 1 … `* / %` 6, all left-associative), then unary `-` and `!`, then the
 * postfix traversals (`.name`, `.0`, `[key]`, `.*`, `[*]`) on a term.
 */
export function parseExpression(p: Parser): A.Expression {
  p.enter();
  const saved = p.beginChain();
  const condition = parseBinary(p, 1);
  let result = condition;
  if (p.is(Tok.Question)) {
    p.extendChain();
    p.next();
    const then = parseExpression(p);
    if (!p.is(Tok.Colon)) p.unexpected('":" after the true result of the conditional');
    p.next();
    const otherwise = parseExpression(p);
    result = { type: 'Conditional', condition, then, else: otherwise, start: condition.start, end: otherwise.end };
  }
  p.endChain(saved);
  p.leave();
  return result;
}

/** Operators binding at least as tightly as `minPrec`, by precedence climbing. */
function parseBinary(p: Parser, minPrec: number): A.Expression {
  let left = parseUnary(p);
  while (p.is(Tok.Binary) && p.prec >= minPrec) {
    const operator = p.op;
    const prec = p.prec;
    p.next();
    const saved = p.beginChain();
    const right = parseBinary(p, prec + 1);
    p.endChain(saved);
    p.extendChain();
    left = { type: 'Binary', operator, left, right, start: left.start, end: right.end };
  }
  return left;
}

/** `-x` and `!x` bind tighter than any binary operator but looser than traversals: `-a.b` is `-(a.b)`. */
function parseUnary(p: Parser): A.Expression {
  const negate = p.is(Tok.Binary) && p.op === '-';
  if (!negate && !p.is(Tok.Bang)) return parsePostfix(p, parseTerm(p));
  const start = p.start;
  p.next();
  p.enter();
  const operand = parseUnary(p);
  p.leave();
  return { type: 'Unary', operator: negate ? '-' : '!', operand, start, end: operand.end };
}

function parseTerm(p: Parser): A.Expression {
  const start = p.start;
  const end = p.end;
  switch (p.type) {
    case Tok.Number: {
      const raw = p.text.slice(start, end);
      const value = Number(raw);
      if (Number.isNaN(value)) p.error(start, end, `expected a number, found ${JSON.stringify(raw)}`);
      p.next();
      return { type: 'Literal', value, raw, start, end };
    }
    case Tok.Ident: {
      const name = p.text.slice(start, end);
      p.next();
      if (p.is(Tok.LParen) || p.is(Tok.DoubleColon)) return parseCall(p, name, start, end);
      if (name === 'true' || name === 'false') return { type: 'Literal', value: name === 'true', start, end };
      if (name === 'null') return { type: 'Literal', value: null, start, end };
      return { type: 'Variable', name, start, end };
    }
    case Tok.Quote:
      return parseQuotedTemplate(p);
    case Tok.Heredoc:
      return parseHeredocTemplate(p);
    case Tok.LParen: {
      const newlines = openBracket(p);
      const expr = parseExpression(p);
      if (!p.is(Tok.RParen)) p.unexpected('")" to close the parenthesis');
      p.newlines = newlines;
      const close = p.end;
      p.next();
      return { type: 'Paren', expr, start, end: close };
    }
    case Tok.LBrack:
      return parseTuple(p);
    case Tok.LBrace:
      return parseObject(p);
    default:
      return p.unexpected('an expression');
  }
}

/**
 * Moves past an opening bracket; inside brackets newlines are whitespace. Returns the outer
 * setting, which the caller restores before moving past the closing bracket.
 */
function openBracket(p: Parser): boolean {
  const outer = p.newlines;
  p.newlines = false;
  p.next();
  return outer;
}

/** `name(args)`, `name(args...)`, `provider::ns::name(args)`; the name is read already. */
function parseCall(p: Parser, first: string, start: number, firstEnd: number): A.FunctionCallExpr {
  let name = first;
  let nameEnd = firstEnd;
  while (p.is(Tok.DoubleColon)) {
    p.next();
    if (!p.is(Tok.Ident)) p.unexpected(`a function name after "${name}::"`);
    name += '::' + p.text.slice(p.start, p.end);
    nameEnd = p.end;
    p.next();
  }
  if (!p.is(Tok.LParen)) p.unexpected(`"(" after the function name "${name}"`);
  const newlines = openBracket(p);
  const args: A.Expression[] = [];
  let expandFinal = false;
  while (!p.is(Tok.RParen)) {
    args.push(parseExpression(p));
    if (p.is(Tok.Comma)) {
      p.next();
    } else if (p.is(Tok.Ellipsis)) {
      expandFinal = true;
      p.next();
      if (!p.is(Tok.RParen)) p.unexpected(`")" after "..." in the call to ${name}`);
    } else if (!p.is(Tok.RParen)) {
      p.unexpected(`"," or ")" after an argument of ${name}`);
    }
  }
  p.newlines = newlines;
  const end = p.end;
  p.next();
  return { type: 'FunctionCall', name, nameSpan: { start, end: nameEnd }, args, expandFinal, start, end };
}

/** `[a, b]` or `[for …]`. Newlines inside brackets are whitespace. */
function parseTuple(p: Parser): A.TupleExpr | A.ForExpr {
  const start = p.start;
  const newlines = openBracket(p);
  if (p.isWord('for')) return parseFor(p, start, newlines, false);
  const items: A.Expression[] = [];
  while (!p.is(Tok.RBrack)) {
    items.push(parseExpression(p));
    if (p.is(Tok.Comma)) p.next();
    else if (!p.is(Tok.RBrack)) p.unexpected('"," or "]" after a tuple element');
  }
  p.newlines = newlines;
  const end = p.end;
  p.next();
  return { type: 'Tuple', items, start, end };
}

/**
 * `{ k = v, k2 : v2 }` or `{for …}`. Unlike brackets, an object separates its items with commas or
 * newlines, so newlines are tokens again inside it (HCL's rule); nested brackets switch them off.
 */
function parseObject(p: Parser): A.ObjectExpr | A.ForExpr {
  const start = p.start;
  const newlines = openBracket(p);
  if (p.isWord('for')) return parseFor(p, start, newlines, true);
  p.newlines = true;
  const items: A.ObjectItem[] = [];
  for (;;) {
    if (p.is(Tok.Newline)) {
      p.next();
      continue;
    }
    if (p.is(Tok.RBrace)) break;
    const key = parseExpression(p);
    if (!p.is(Tok.Equal) && !p.is(Tok.Colon)) p.unexpected('"=" or ":" after an object key');
    p.next();
    const value = parseExpression(p);
    items.push({ key, value, start: key.start, end: value.end });
    if (p.is(Tok.Comma) || p.is(Tok.Newline)) p.next();
    else if (!p.is(Tok.RBrace)) p.unexpected('"," or a newline after an object item');
  }
  p.newlines = newlines;
  const end = p.end;
  p.next();
  return { type: 'Object', items, start, end };
}

/** `[for k, v in coll : value if cond]`, `{for k, v in coll : key => value... if cond}`; at `for`. */
function parseFor(p: Parser, start: number, outerNewlines: boolean, object: boolean): A.ForExpr {
  p.next();
  const first = forVariable(p, '"for"');
  let keyVar: string | undefined;
  let valueVar = first;
  if (p.is(Tok.Comma)) {
    p.next();
    keyVar = first;
    valueVar = forVariable(p, `"for ${first},"`);
  }
  if (!p.isWord('in')) p.unexpected('"in" after the for-expression variables');
  p.next();
  const collection = parseExpression(p);
  if (!p.is(Tok.Colon)) p.unexpected('":" after the collection of the for-expression');
  p.next();
  let key: A.Expression | undefined;
  let value = parseExpression(p);
  if (object) {
    if (!p.is(Tok.FatArrow)) p.unexpected('"=>" after the key of an object for-expression');
    p.next();
    key = value;
    value = parseExpression(p);
  }
  let grouping = false;
  if (object && p.is(Tok.Ellipsis)) {
    grouping = true;
    p.next();
  }
  let condition: A.Expression | undefined;
  if (p.isWord('if')) {
    p.next();
    condition = parseExpression(p);
  }
  const close = object ? Tok.RBrace : Tok.RBrack;
  if (!p.is(close)) {
    p.unexpected(object ? '"if" or "}" to end the for-expression' : '"if" or "]" to end the for-expression (an object needs "{for …}")');
  }
  p.newlines = outerNewlines;
  const end = p.end;
  p.next();
  const node: A.ForExpr = { type: 'For', valueVar, collection, value, grouping, start, end };
  if (keyVar !== undefined) node.keyVar = keyVar;
  if (key) node.key = key;
  if (condition) node.condition = condition;
  return node;
}

function forVariable(p: Parser, after: string): string {
  if (!p.is(Tok.Ident)) p.unexpected(`a variable name after ${after}`);
  const name = p.text.slice(p.start, p.end);
  p.next();
  return name;
}

/** Traversals after a term: `.name`, legacy `.0`, `[key]`, and the splats `.*` and `[*]`. */
function parsePostfix(p: Parser, term: A.Expression): A.Expression {
  let expr = term;
  for (;;) {
    if (p.is(Tok.Dot)) {
      const dot = p.start;
      p.next();
      if (p.is(Tok.Binary) && p.op === '*') {
        expr = parseAttributeSplat(p, expr, dot);
        continue;
      }
      expr = parseAttributeStep(p, expr);
    } else if (p.is(Tok.LBrack)) {
      const open = p.start;
      const newlines = openBracket(p);
      if (p.is(Tok.Binary) && p.op === '*') {
        p.next();
        if (!p.is(Tok.RBrack)) p.unexpected('"]" after "[*"');
        p.newlines = newlines;
        const item: A.SplatItemExpr = { type: 'SplatItem', start: open, end: p.end };
        p.next();
        // A full splat applies every traversal after it to each element, nested splats included.
        p.enter();
        const saved = p.beginChain();
        const each = parsePostfix(p, item);
        p.endChain(saved);
        p.leave();
        p.extendChain();
        expr = { type: 'Splat', source: expr, each, full: true, start: expr.start, end: each.end };
        continue;
      }
      const key = parseExpression(p);
      if (!p.is(Tok.RBrack)) p.unexpected('"]" to close the index');
      p.newlines = newlines;
      p.extendChain();
      expr = { type: 'Index', collection: expr, key, start: expr.start, end: p.end };
      p.next();
    } else {
      return expr;
    }
  }
}

/** After the dot: a name, or the legacy index form `.0` (kept as a name of digits). */
function parseAttributeStep(p: Parser, object: A.Expression): A.GetAttrExpr {
  if (!p.is(Tok.Ident) && !p.is(Tok.Number)) p.unexpected('an attribute name after "."');
  const name = p.text.slice(p.start, p.end);
  if (p.is(Tok.Number) && name.includes('.')) {
    // `a.0.1` scans as `a` `.` `0.1`: HCL rejects chained legacy indexes rather than guess.
    p.error(p.start, p.end, `expected one index after "." (write [${name.replace('.', '][')}]), found ${JSON.stringify(name)}`);
  }
  p.extendChain();
  const node: A.GetAttrExpr = { type: 'GetAttr', object, name, nameSpan: { start: p.start, end: p.end }, start: object.start, end: p.end };
  p.next();
  return node;
}

/** `source.*.a.b`: only attribute steps belong to each element; a later `[i]` indexes the result. */
function parseAttributeSplat(p: Parser, source: A.Expression, dot: number): A.SplatExpr {
  const item: A.SplatItemExpr = { type: 'SplatItem', start: dot, end: p.end };
  p.next();
  p.enter();
  const saved = p.beginChain();
  let each: A.Expression = item;
  while (p.is(Tok.Dot)) {
    p.next();
    if (p.is(Tok.Binary) && p.op === '*') p.unexpected('an attribute name (splats cannot nest inside ".*")');
    each = parseAttributeStep(p, each);
  }
  p.endChain(saved);
  p.leave();
  p.extendChain();
  return { type: 'Splat', source, each, full: false, start: source.start, end: each.end };
}
