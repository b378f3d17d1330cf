import type { CheckFamily, ControlCatalog, ServiceEntry } from '../model';

/** What follows a service's own part in a type: `AWS::S3` + `::Bucket`, `aws_s3` + `_bucket`. */
const SEPARATOR: Record<CheckFamily, string> = { cloudformation: '::', terraform: '_' };

/**
 * The service a resource type belongs to, by the catalog's table: the entry with the longest
 * matching prefix, so `aws_cloudwatch_log` would win over `aws_cloudwatch`. Undefined when no
 * entry covers the type.
 */
export function serviceOf(catalog: ControlCatalog, family: CheckFamily, type: string): ServiceEntry | undefined {
  let best: ServiceEntry | undefined;
  let bestLength = 0;
  for (const entry of catalog.services) {
    for (const prefix of entry[family]) {
      const covers = type === prefix || type.startsWith(`${prefix}${SEPARATOR[family]}`);
      if (covers && prefix.length > bestLength) [best, bestLength] = [entry, prefix.length];
    }
  }
  return best;
}
