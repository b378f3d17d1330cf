import { SERVICE_MODELS, type CheckFamily, type ControlCatalog, type Rule, type ServiceModel } from '../model';
import { serviceOf } from '../controls';

/** The input formats a rule judges, as the CLI names them. */
export type RuleFormat = 'cloudformation' | 'terraform' | 'cdk';

export const FORMAT_LABEL: Record<RuleFormat, string> = { cloudformation: 'CloudFormation', terraform: 'Terraform', cdk: 'CDK' };

/** CDK apps synthesize CloudFormation, so a rule with CloudFormation checks judges them too. */
export function ruleFormats(rule: Rule): RuleFormat[] {
  const formats: RuleFormat[] = [];
  if (rule.checks.cloudformation) formats.push('cloudformation');
  if (rule.checks.terraform) formats.push('terraform');
  if (rule.checks.cloudformation) formats.push('cdk');
  return formats;
}

/** The resource types a rule's checks of one family apply to, each once, in the order written (`*`: every type). */
export function checkedTypes(rule: Rule, family: CheckFamily): string[] {
  return [...new Set((rule.checks[family] ?? []).flatMap((check) => check.resource))];
}

/**
 * The service models of the resources a rule checks, each with its services' names, in model
 * order. A check of every type (`*`) spans every model; a type the catalog's service table
 * does not cover adds none.
 */
export function ruleServiceModels(rule: Rule, catalog: ControlCatalog): Map<ServiceModel, string[]> {
  const families = ['cloudformation', 'terraform'] as const;
  if (families.some((family) => checkedTypes(rule, family).includes('*'))) {
    return new Map(SERVICE_MODELS.map((model) => [model, ['all services']]));
  }
  const found = new Map<ServiceModel, Set<string>>();
  for (const family of families) {
    for (const type of checkedTypes(rule, family)) {
      const entry = serviceOf(catalog, family, type);
      if (entry) found.set(entry.model, (found.get(entry.model) ?? new Set()).add(entry.service));
    }
  }
  return new Map(SERVICE_MODELS.filter((m) => found.has(m)).map((m) => [m, [...found.get(m)!]]));
}
