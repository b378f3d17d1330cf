/** A 1-based line and 1-based column (columns count UTF-16 code units, as editors and SARIF do). */
export interface Position {
  line: number;
  column: number;
}

/** A span of source text. `file` is the path relative to the scan root, with `/` separators. */
export interface Range {
  file: string;
  start: Position;
  /** Exclusive end: the position just after the last character. */
  end: Position;
}

/** A file chosen by discovery, read once. Parsers receive these and nothing else from disk. */
export interface SourceFile {
  /** Absolute path on disk. */
  path: string;
  /** Path relative to the scan root, `/`-separated: what every report shows. */
  rel: string;
  text: string;
  /** Which parser claimed the file during discovery (by content, not extension). */
  format: FormatId;
  /** The syntax inside the file, for formats that accept several. */
  syntax: 'yaml' | 'json' | 'hcl';
}

/** The input formats. They are siblings behind one interface (see src/parse/format.ts). */
export type FormatId = 'cloudformation' | 'terraform' | 'terraform-plan' | 'cdk';

/** The rule families: CDK assemblies are checked with CloudFormation checks, plans with Terraform checks. */
export type CheckFamily = 'cloudformation' | 'terraform';

/** A comment that a parser found and that may carry a directive such as `iac-scan:ignore`. */
export interface Comment {
  range: Range;
  /** The comment's text without its delimiters (`#`, `//`, `/* *\/`), trimmed. */
  text: string;
  /** True when nothing but whitespace precedes the comment on its line. */
  ownLine: boolean;
}

/** A problem with the input or the run. Errors make the exit code 2; the scan still reports everything else. */
export interface Notice {
  level: 'error' | 'warning' | 'note';
  /** Stable machine code, e.g. `parse-error`, `file-too-large`, `alias-limit`. */
  code: string;
  /** A sentence a user can act on: what was expected and what to do. */
  message: string;
  /** File relative to the scan root, when the notice concerns one. */
  file?: string;
  range?: Range;
}
