import type { CheckFamily } from './source';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** Higher is more severe; for sorting and thresholds. */
export const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** Who owns the fix on the cloud shared-responsibility split. */
export type Owner = 'customer' | 'shared' | 'provider';
export const OWNERS: readonly Owner[] = ['customer', 'shared', 'provider'];

/**
 * A condition of the rule language (docs/rule-language.md). It is data, loaded from YAML and
 * validated by src/rules/schema; the evaluator in src/rules gives it meaning.
 */
export type Condition = Record<string, unknown>;

export interface Check {
  /** Resource types this check applies to; `*` is every type of the family. */
  resource: string[];
  /** Applies only where this holds (an Unknown here skips the resource). */
  where?: Condition;
  /** What a compliant resource satisfies. */
  assert: Condition;
  /** Message template for findings; `{address}` and `{type}` are substituted. */
  message?: string;
}

/** The tools a rule may name equivalent checks of. */
export type PeerTool = 'checkov' | 'trivy' | 'cfn-nag' | 'cdk-nag';

export interface Rule {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  owner: Owner;
  controls: { iso27001: string[]; iso27017: string[] };
  remediation: Partial<Record<CheckFamily | 'cdk', string>>;
  references: string[];
  /** One or more checks per family. */
  checks: Partial<Record<CheckFamily, Check[]>>;
  /**
   * The same check in other tools, by their own IDs: `{ checkov: ['CKV_AWS_18'], 'cdk-nag': ['AwsSolutions-S1'] }`.
   * A cdk-nag suppression of a listed cdk-nag rule suppresses this rule too.
   */
  equivalents?: Partial<Record<PeerTool, string[]>>;
  /** The YAML file the rule was loaded from (absolute), for error messages. */
  source: string;
  /** The rule pack it came from: `builtin` or the pack folder. */
  pack: string;
  /** The rule file's path inside its pack, `/`-separated: `aws/s3/aws-s3-versioning.yaml`. */
  packPath?: string;
}
