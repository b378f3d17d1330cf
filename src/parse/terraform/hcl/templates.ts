import type * as A from './ast';
import { parseExpression } from './expressions';
import { closingMarkerEnd, flushIndentation } from './heredoc';
import { applyStripMarkers, Piece, PieceKind } from './pieces';
import { type Parser, Tok } from './scanner';
import { scanText, TextKind } from './text';

const QUOTE = 34;
const DOLLAR = 36;
const PERCENT = 37;
const LBRACE = 123;
const TILDE = 126;
const NEWLINE = 10;

/** A `"…"` template; the current token is its opening quote. */
export function parseQuotedTemplate(p: Parser): A.TemplateExpr {
  const start = p.start;
  p.enter();
  const pieces: Piece[] = [];
  let i = p.end;
  for (;;) {
    const end = scanText(p, i, TextKind.Quoted);
    if (end > i) pieces.push(literalPiece(p, i, end));
    i = end;
    const c = p.text.charCodeAt(i);
    if (c === QUOTE) break;
    if (c === DOLLAR || c === PERCENT) {
      i = scanSequence(p, i, pieces);
    } else {
      p.fail(start, i, `expected a closing quote, found ${i >= p.length ? 'end of file' : 'a newline (use "\\n", or a heredoc for several lines)'}`);
    }
  }
  applyStripMarkers(pieces);
  const parts = assembleParts(p, pieces);
  p.leave();
  p.pos = i + 1;
  const node: A.TemplateExpr = { type: 'Template', parts, start, end: i + 1 };
  p.next();
  return node;
}

/** A `<<EOT` or `<<-EOT` heredoc; the current token is its opener. */
export function parseHeredocTemplate(p: Parser): A.TemplateExpr {
  const start = p.start;
  const openerEnd = p.end;
  const marker = p.text.slice(p.markerStart, p.markerEnd);
  const indented = p.heredocIndented;
  p.enter();
  const pieces: Piece[] = [];
  let i = p.heredocBody;
  let lineStart = true;
  let end = -1;
  for (;;) {
    // Only a line that is all literal text can close the heredoc.
    if (lineStart && (end = closingMarkerEnd(p.text, i, marker)) >= 0) break;
    if (i >= p.length) p.fail(start, openerEnd, `expected a line holding only "${marker}" to end the heredoc, found end of file`);
    if (isSequenceStart(p.text, i)) {
      i = scanSequence(p, i, pieces);
      lineStart = false;
    } else {
      const lineEnd = scanText(p, i, TextKind.Line);
      pieces.push(literalPiece(p, i, lineEnd));
      lineStart = p.text.charCodeAt(lineEnd - 1) === NEWLINE;
      i = lineEnd;
    }
  }
  applyStripMarkers(pieces);
  if (indented) flushIndentation(pieces);
  const parts = assembleParts(p, pieces);
  p.leave();
  p.pos = end;
  const node: A.TemplateExpr = { type: 'Template', parts, heredoc: { marker, indented }, start, end };
  p.next();
  return node;
}

/** A whole text as a template (`templatefile`, strings of `.tf.json`): no escapes but `$${` and `%%{`. */
export function parseBareTemplate(p: Parser): A.TemplateExpr {
  const start = p.pos;
  const pieces: Piece[] = [];
  let i = start;
  while (i < p.length) {
    if (isSequenceStart(p.text, i)) {
      i = scanSequence(p, i, pieces);
    } else {
      const lineEnd = scanText(p, i, TextKind.Line);
      pieces.push(literalPiece(p, i, lineEnd));
      i = lineEnd;
    }
  }
  applyStripMarkers(pieces);
  return { type: 'Template', parts: assembleParts(p, pieces), start, end: p.length };
}

function isSequenceStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c === DOLLAR || c === PERCENT) && text.charCodeAt(i + 1) === LBRACE;
}

function literalPiece(p: Parser, start: number, end: number): Piece {
  const piece = new Piece(PieceKind.Literal, start, end);
  piece.value = p.litValue;
  piece.bits = p.litBits;
  return piece;
}

/** `${ expr }` or `%{ directive }` at `i`, with optional `~` strip markers; returns where text resumes. */
function scanSequence(p: Parser, i: number, pieces: Piece[]): number {
  const directive = p.text.charCodeAt(i) === PERCENT;
  let j = i + 2;
  const stripLeft = p.text.charCodeAt(j) === TILDE;
  if (stripLeft) j++;
  const newlines = p.newlines;
  p.newlines = false;
  p.pos = j;
  p.next();
  let piece: Piece;
  if (directive) {
    piece = parseDirective(p, i);
  } else {
    piece = new Piece(PieceKind.Interpolation, i, 0);
    piece.expr = parseExpression(p);
  }
  if (!p.is(Tok.RBrace) && !p.is(Tok.TildeRBrace)) {
    p.unexpected(directive ? `"}" to end the "%{${directiveName(piece.kind)}}" directive` : '"}" to end the interpolation');
  }
  piece.stripLeft = stripLeft;
  piece.stripRight = p.is(Tok.TildeRBrace);
  piece.end = p.end;
  p.newlines = newlines;
  pieces.push(piece);
  return p.end;
}

function parseDirective(p: Parser, start: number): Piece {
  if (!p.is(Tok.Ident)) p.unexpected('"if", "for", "else", "endif" or "endfor" after "%{"');
  const keywordStart = p.start;
  const keywordEnd = p.end;
  const keyword = p.text.slice(keywordStart, keywordEnd);
  p.next();
  switch (keyword) {
    case 'if': {
      const piece = new Piece(PieceKind.If, start, 0);
      piece.expr = parseExpression(p);
      return piece;
    }
    case 'for': {
      const piece = new Piece(PieceKind.For, start, 0);
      piece.valueVar = directiveVariable(p, '"%{for"');
      if (p.is(Tok.Comma)) {
        p.next();
        piece.keyVar = piece.valueVar;
        piece.valueVar = directiveVariable(p, `"%{for ${piece.keyVar},"`);
      }
      if (!p.isWord('in')) p.unexpected('"in" after the variables of "%{for}"');
      p.next();
      piece.expr = parseExpression(p);
      return piece;
    }
    case 'else':
      return new Piece(PieceKind.Else, start, 0);
    case 'endif':
      return new Piece(PieceKind.EndIf, start, 0);
    case 'endfor':
      return new Piece(PieceKind.EndFor, start, 0);
    default:
      return p.fail(keywordStart, keywordEnd, `expected "if", "for", "else", "endif" or "endfor" after "%{", found ${JSON.stringify(keyword)}`);
  }
}

function directiveVariable(p: Parser, after: string): string {
  if (!p.is(Tok.Ident)) p.unexpected(`a variable name after ${after}`);
  const name = p.text.slice(p.start, p.end);
  p.next();
  return name;
}

function directiveName(kind: PieceKind): string {
  return ['', '', 'if', 'else', 'endif', 'for', 'endfor'][kind];
}

interface OpenDirective {
  node: A.TemplateIf | A.TemplateFor;
  opener: Piece;
  /** The part list the directive belongs to once closed. */
  outer: A.TemplatePart[];
}

/**
 * Pairs directive markers into `TemplateIf`/`TemplateFor` and melds adjacent literal pieces into
 * one `TemplateLiteral` (NFC-normalised, as HCL's string values are). A literal emptied by strip
 * markers stays: it keeps `"${x}\n"` with `~}` from counting as a lone interpolation.
 */
function assembleParts(p: Parser, pieces: Piece[]): A.TemplatePart[] {
  const root: A.TemplatePart[] = [];
  let parts = root;
  const open: OpenDirective[] = [];
  let literal: A.TemplateLiteral | undefined;
  let bits = 0;
  for (const piece of pieces) {
    if (piece.kind === PieceKind.Literal) {
      if (literal) {
        if (literal.value.endsWith('\n')) (literal.lineStarts ??= []).push(piece.start);
        literal.value += piece.value;
        literal.end = piece.end;
        bits |= piece.bits;
      } else {
        literal = { type: 'TemplateLiteral', value: piece.value, start: piece.start, end: piece.end };
        bits = piece.bits;
        parts.push(literal);
      }
      continue;
    }
    if (literal && bits >= 0x300) literal.value = literal.value.normalize('NFC');
    literal = undefined;
    const top = open.length > 0 ? open[open.length - 1] : undefined;
    switch (piece.kind) {
      case PieceKind.Interpolation:
        parts.push({ type: 'TemplateInterpolation', expr: piece.expr!, stripLeft: piece.stripLeft, stripRight: piece.stripRight, start: piece.start, end: piece.end });
        break;
      case PieceKind.If: {
        p.enter();
        const node: A.TemplateIf = { type: 'TemplateIf', condition: piece.expr!, then: [], start: piece.start, end: piece.end };
        open.push({ node, opener: piece, outer: parts });
        parts = node.then;
        break;
      }
      case PieceKind.For: {
        p.enter();
        const node: A.TemplateFor = { type: 'TemplateFor', valueVar: piece.valueVar, collection: piece.expr!, body: [], start: piece.start, end: piece.end };
        if (piece.keyVar !== undefined) node.keyVar = piece.keyVar;
        open.push({ node, opener: piece, outer: parts });
        parts = node.body;
        break;
      }
      case PieceKind.Else:
        if (top?.node.type !== 'TemplateIf') unbalanced(p, piece, top);
        if (top.node.else) p.fail(piece.start, piece.end, 'expected "%{endif}" after the "%{else}" branch, found another "%{else}"');
        parts = top.node.else = [];
        break;
      case PieceKind.EndIf:
      case PieceKind.EndFor:
        if (top?.node.type !== (piece.kind === PieceKind.EndIf ? 'TemplateIf' : 'TemplateFor')) unbalanced(p, piece, top);
        top.node.end = piece.end;
        parts = top.outer;
        parts.push(top.node);
        open.pop();
        p.leave();
        break;
    }
  }
  if (literal && bits >= 0x300) literal.value = literal.value.normalize('NFC');
  if (open.length > 0) {
    const { opener } = open[open.length - 1];
    const closer = opener.kind === PieceKind.If ? 'endif' : 'endfor';
    p.fail(opener.start, opener.end, `expected "%{${closer}}" to close "%{${directiveName(opener.kind)}}", found the end of the template`);
  }
  return root;
}

function unbalanced(p: Parser, piece: Piece, top: OpenDirective | undefined): never {
  const found = `"%{${directiveName(piece.kind)}}"`;
  if (!top) return p.fail(piece.start, piece.end, `expected "%{if}" or "%{for}" before ${found}, found none open`);
  const closer = top.node.type === 'TemplateIf' ? 'endif' : 'endfor';
  return p.fail(piece.start, piece.end, `expected "%{${closer}}" to close "%{${directiveName(top.opener.kind)}}", found ${found}`);
}
