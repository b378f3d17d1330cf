import { literalText, mapEntry, type Rule, type Value } from '../model';
import type { WrittenSuppression } from './written';

/** The `equivalents` key under which a rule names the cdk-nag rules that check the same thing. */
const CDK_NAG = 'cdk-nag';

/** Our rule ids by each cdk-nag rule id they declare equivalent (`AwsSolutions-S1` → `aws-s3-access-logging`). */
export function cdkNagEquivalents(rules: readonly Rule[]): Map<string, string[]> {
  const byCdkNagId = new Map<string, string[]>();
  for (const rule of rules) {
    for (const id of rule.equivalents?.[CDK_NAG] ?? []) {
      const ours = byCdkNagId.get(id);
      if (ours) ours.push(rule.id);
      else byCdkNagId.set(id, [rule.id]);
    }
  }
  return byCdkNagId;
}

/**
 * cdk-nag's own suppressions, as `NagSuppressions.addResourceSuppressions` writes them in a
 * resource's `Metadata` and `addStackSuppressions` in the template's:
 * `Metadata: { cdk_nag: { rules_to_suppress: [ { id, reason } ] } }`. An entry suppresses our
 * rules that declare its id equivalent, under our policy (a reason is required). Entries for other
 * cdk-nag rules are cdk-nag's own business and are passed over, as are granular ones
 * (`applies_to`), which cdk-nag applies to only some findings of its rule.
 */
export function cdkNagSuppressions(metadata: Value | undefined, equivalents: ReadonlyMap<string, readonly string[]>): WrittenSuppression[] {
  const list = mapEntry(mapEntry(metadata, 'cdk_nag'), 'rules_to_suppress');
  if (list?.kind !== 'list') return [];
  const suppressions: WrittenSuppression[] = [];
  for (const item of list.items) {
    const id = literalText(mapEntry(item, 'id'));
    const ours = id === undefined ? undefined : equivalents.get(id);
    if (!ours || mapEntry(item, 'applies_to')) continue;
    suppressions.push({
      kind: 'metadata',
      ids: [...ours],
      reason: literalText(mapEntry(item, 'reason')) ?? '',
      location: item.range,
      file: item.range.file,
      cdkNagId: id,
    });
  }
  return suppressions;
}
