import type { Comment, FormatId, Notice, Resource, SourceFile } from '../model';
import type { Workspace } from './workspace';

/** A value given at scan time for a template parameter (`--param`, a parameter file, the config). */
export interface SuppliedParameter {
  value: string;
  /** Where it was given, for messages: `--param` or a file path. */
  from: string;
}

export interface ParseOptions {
  /** Absolute scan root. */
  root: string;
  /** CloudFormation parameter values by name; they win over Defaults. */
  parameters: Map<string, SuppliedParameter>;
  /** Bounds that keep hostile input cheap. */
  limits: ParseLimits;
  /** Reads files beyond the discovered ones (modules, tfvars), inside the scan root only. */
  workspace: Workspace;
  /** Terraform input variable values given at scan time; none when absent. */
  variables?: SuppliedVariables;
}

/**
 * Terraform variable values given at scan time. They apply to every root module scanned (a name
 * a root does not declare is ignored there), after its own `terraform.tfvars` and `*.auto.tfvars`.
 */
export interface SuppliedVariables {
  /** In precedence order, later wins: the config's `variables`, the variable files, then `--var`. */
  layers: VariableLayer[];
  /** `TF_VAR_<name>` environment values by name: the weakest source, as in Terraform. */
  environment: Map<string, string>;
}

export type VariableLayer =
  /** A variable definitions file (`--var-file`, the config's `var-files`), read before the scan; `rel` is how reports name it. */
  | { kind: 'file'; rel: string; text: string }
  /** One `NAME=VALUE`; `from` says where it was given (`--var`, `config`). */
  | { kind: 'value'; name: string; value: string; from: string };

export interface ParseLimits {
  /** Most YAML alias expansions one document may perform (alias bombs). */
  maxAliasCount: number;
  /** Deepest nesting of collections accepted. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxAliasCount: 1000, maxDepth: 200 };

export interface ParseResult {
  resources: Resource[];
  /** Parse errors (level `error`, with file and line) and other findings about the input itself. */
  notices: Notice[];
  /** Comments that may carry `iac-scan:` directives, for the suppression stage. */
  comments: Comment[];
}

/**
 * One input format. Formats are siblings: discovery asks each to claim files by content, and
 * the pipeline hands each its files. A parser knows nothing of rules.
 */
export interface FormatParser {
  id: FormatId;
  /** File name endings worth reading for this format (cheap pre-filter before `claims`). */
  extensions: string[];
  /** Does this text belong to the format? Returns the syntax, or undefined. Must be cheap and never throw. */
  claims(rel: string, text: string): 'yaml' | 'json' | 'hcl' | undefined;
  /**
   * The name of a file that, when this format claims it, makes its folder one input: a cloud
   * assembly's `manifest.json` owns `cdk.out/`. Every file below that folder then belongs to it
   * alone: discovery hands the parser the owning file instead (once, however many files below it
   * were found or named), and no other format sees them. The parser reads the rest itself.
   */
  folderOwner?: string;
  /** Turn the claimed files into resources. One file's failure becomes a notice; the rest still parse. */
  parse(files: SourceFile[], options: ParseOptions): ParseResult;
}
