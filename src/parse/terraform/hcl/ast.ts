/**
 * The syntax tree of HCL's native syntax, as the parser in this folder produces it and the
 * Terraform evaluator consumes it.
 *
 * Positions are string offsets (`start` inclusive, `end` exclusive), as in acorn: cheap to make
 * in the hot loop. A `LineTable` for the file turns them into line/column ranges when a value or
 * a notice needs one. Every node has them.
 */

export interface Span {
  start: number;
  end: number;
}

/** A whole file, or the inside of a block's braces. */
export interface Body extends Span {
  type: 'Body';
  /** Attributes and blocks in source order. */
  items: (Attribute | Block)[];
}

/** `name = expr` */
export interface Attribute extends Span {
  type: 'Attribute';
  name: string;
  nameSpan: Span;
  value: Expression;
}

/** `type "label" label2 { body }`, or the one-line form `type { attr = expr }`. */
export interface Block extends Span {
  type: 'Block';
  blockType: string;
  typeSpan: Span;
  /** Quoted labels and bare identifier labels, unquoted. */
  labels: Label[];
  body: Body;
}

export interface Label extends Span {
  value: string;
}

export type Expression =
  | LiteralExpr
  | TemplateExpr
  | VariableExpr
  | TupleExpr
  | ObjectExpr
  | FunctionCallExpr
  | GetAttrExpr
  | IndexExpr
  | SplatExpr
  | SplatItemExpr
  | ConditionalExpr
  | BinaryExpr
  | UnaryExpr
  | ForExpr
  | ParenExpr;

/** A number, `true`, `false` or `null`. Strings are templates. */
export interface LiteralExpr extends Span {
  type: 'Literal';
  value: number | boolean | null;
  /** The number as written, for values beyond double precision. */
  raw?: string;
}

/**
 * A quoted string or a heredoc. A template whose parts are all `TemplateLiteral` is a plain string.
 * `"${x}"` (one interpolation and nothing else) evaluates to x's value unconverted, as in HCL.
 */
export interface TemplateExpr extends Span {
  type: 'Template';
  parts: TemplatePart[];
  /** Set for heredocs: `<<EOT` or `<<-EOT` (`indented`). */
  heredoc?: { marker: string; indented: boolean };
}

export type TemplatePart = TemplateLiteral | TemplateInterpolation | TemplateIf | TemplateFor;

/** Text with escapes (`\n`, `\u00e9`, `$${`, `%%{`) already decoded. */
export interface TemplateLiteral extends Span {
  type: 'TemplateLiteral';
  value: string;
  /**
   * Heredocs: where each line of `value` after the first begins in the source (after `<<-`
   * indentation), so that text parsed out of the value (a JSON policy) can point at its own line.
   */
  lineStarts?: number[];
}

/** `${ expr }`, with `~` strip markers. */
export interface TemplateInterpolation extends Span {
  type: 'TemplateInterpolation';
  expr: Expression;
  stripLeft: boolean;
  stripRight: boolean;
}

/** `%{ if cond }…%{ else }…%{ endif }` */
export interface TemplateIf extends Span {
  type: 'TemplateIf';
  condition: Expression;
  then: TemplatePart[];
  else?: TemplatePart[];
}

/** `%{ for k, v in coll }…%{ endfor }` */
export interface TemplateFor extends Span {
  type: 'TemplateFor';
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  body: TemplatePart[];
}

/** A root name: `var`, `local`, `aws_s3_bucket`, `each`, `count`, a for-expression's variable. */
export interface VariableExpr extends Span {
  type: 'Variable';
  name: string;
}

/** `[a, b]` */
export interface TupleExpr extends Span {
  type: 'Tuple';
  items: Expression[];
}

/** `{ key = value, "k" : v, (expr) = v }` */
export interface ObjectExpr extends Span {
  type: 'Object';
  items: ObjectItem[];
}

export interface ObjectItem extends Span {
  /**
   * A bare identifier key is a `Variable` expression whose name is the key (HCL treats `{ a = 1 }`
   * as the string "a"); a parenthesised key is its inner expression wrapped in `Paren`.
   */
  key: Expression;
  value: Expression;
}

/** `name(args)`, `name(args...)`, and provider functions `provider::ns::name(args)`. */
export interface FunctionCallExpr extends Span {
  type: 'FunctionCall';
  name: string;
  nameSpan: Span;
  args: Expression[];
  /** The last argument is followed by `...` and expands into the arguments. */
  expandFinal: boolean;
}

/** `expr.name`, and the legacy index form `expr.0`. */
export interface GetAttrExpr extends Span {
  type: 'GetAttr';
  object: Expression;
  name: string;
  nameSpan: Span;
}

/** `expr[key]` */
export interface IndexExpr extends Span {
  type: 'Index';
  collection: Expression;
  key: Expression;
}

/**
 * `source[*].a.b` (full splat) and `source.*.a` (attribute-only splat). `each` is the traversal
 * applied to each element, written relative to a `SplatItem` placeholder.
 */
export interface SplatExpr extends Span {
  type: 'Splat';
  source: Expression;
  each: Expression;
  full: boolean;
}

/** Inside `SplatExpr.each` only: the current element. */
export interface SplatItemExpr extends Span {
  type: 'SplatItem';
}

/** `cond ? a : b` */
export interface ConditionalExpr extends Span {
  type: 'Conditional';
  condition: Expression;
  then: Expression;
  else: Expression;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpr extends Span {
  type: 'Binary';
  operator: BinaryOperator;
  left: Expression;
  right: Expression;
}

export interface UnaryExpr extends Span {
  type: 'Unary';
  operator: '!' | '-';
  operand: Expression;
}

/** `[for k, v in coll : expr if cond]` and `{for k, v in coll : key => value... if cond}` */
export interface ForExpr extends Span {
  type: 'For';
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  /** Set for the object form. */
  key?: Expression;
  value: Expression;
  condition?: Expression;
  /** `...` after the value in the object form: group values by key. */
  grouping: boolean;
}

/** `( expr )`: kept so that object keys and source text round-trip. */
export interface ParenExpr extends Span {
  type: 'Paren';
  expr: Expression;
}

/** A comment and where it is; the evaluator hands these on for `iac-scan:ignore` directives. */
export interface HclComment extends Span {
  /** Without `#`, `//` or the `/* *\/` delimiters, trimmed. */
  text: string;
  /** Nothing but whitespace precedes it on its line. */
  ownLine: boolean;
}

/** A syntax error: the parser recovers at the next line or block where it can, and goes on. */
export interface HclError extends Span {
  /** What was expected and what was found: `expected "=" or "{" after "resource", found "("`. */
  message: string;
}

export interface ParsedHcl {
  body: Body;
  comments: HclComment[];
  errors: HclError[];
}
