import type { Resource, Rule } from '../model';
import { HOMEPAGE } from '../version';

export const TOOL_NAME = 'iac-scan';
export const TOOL_URI = HOMEPAGE;

/**
 * Where a reader learns about the rule: a shipped rule's own YAML file in the repository (it holds
 * the full description, remediation per format and references), a pack rule's first reference.
 */
export function helpUri(rule: Rule): string | undefined {
  if (rule.pack === 'builtin' && rule.packPath) return `${HOMEPAGE}/blob/main/rules/${rule.packPath}`;
  return rule.references[0];
}

/**
 * The resource's name with the context that makes it unique to a reader: `Stack/Bucket`,
 * `module.net.aws_vpc.main`. Terraform addresses already carry their module, so it is added only
 * when missing.
 */
export function qualifiedAddress(resource: Resource): string {
  const ctx = resource.context;
  let name = resource.address;
  if (ctx?.module && !name.startsWith(`${ctx.module}.`)) name = `${ctx.module}.${name}`;
  return ctx?.stack ? `${ctx.stack}/${name}` : name;
}

/** `A.8.24, A.8.13` or `—`, for reports that list controls inline. */
export function controlList(controls: readonly string[]): string {
  return controls.length ? controls.join(', ') : '—';
}
