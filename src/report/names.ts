import type { Resource, Rule } from '../model';

const HELP_BASE = 'https://github.com/iac-scan/iac-scan/blob/main/docs/rules/';
export const TOOL_NAME = 'iac-scan';
export const TOOL_URI = 'https://github.com/iac-scan/iac-scan';

export function helpUri(rule: Rule): string {
  return `${HELP_BASE}${encodeURIComponent(rule.id)}.md`;
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
