import type { FailOn, Owner, Range, Severity } from '../model';

/** Rules picked by any of these traits (see docs/configuration.md for how fields combine). */
export interface RuleSelector {
  ids?: string[];
  owners?: Owner[];
  /** ISO 27001/27017 controls; `A.8` also picks `A.8.24`. */
  controls?: string[];
  severities?: Severity[];
}

/** One `ignore` entry: findings of these rules in these files are accepted, for a reason. */
export interface ConfigIgnore {
  /** Rule ids, or `*` for every rule. */
  rules: string[];
  /** Globs on the finding's file; absent means every file. */
  paths?: string[];
  reason: string;
  /** YYYY-MM-DD: the last day the entry applies. */
  until?: string;
  /** Where the entry is written; set by loadConfig. */
  location?: Range;
}

/** The settings of `.iac-scan.yml`, as validated by config.schema.json. */
export interface Config {
  include?: string[];
  exclude?: string[];
  rules?: { include?: RuleSelector; exclude?: RuleSelector };
  /** Severity overrides by rule id. */
  severity?: Record<string, Severity>;
  'fail-on'?: FailOn;
  strict?: boolean;
  /** Rule pack folders; absolute once loaded (written relative to the config file). */
  packs?: string[];
  parameters?: Record<string, string | number | boolean>;
  /** Parameter files; absolute once loaded (written relative to the config file). */
  'parameter-files'?: string[];
  /** Terraform variable values by name: they win over a root module's tfvars; `var-files` and `--var` win over them. */
  variables?: Record<string, string | number | boolean>;
  /** Terraform variable definitions files; absolute once loaded (written relative to the config file). */
  'var-files'?: string[];
  ignore?: ConfigIgnore[];
  category?: string;
}
