import type { Notice, Resource, Value } from '../model';
import type { WrittenSuppression } from './written';

const KEY = 'iac-scan';
const SHAPE = 'write Metadata: {iac-scan: {ignore: [{id: <rule-id>, reason: <why>, until: YYYY-MM-DD}]}}';

/**
 * Reads `Metadata: { iac-scan: { ignore: [ { id, reason, until? } ] } }` from a resource. An
 * entry that is only a rule id is reported: every suppression needs a reason.
 */
export function metadataSuppressions(resource: Resource): { suppressions: WrittenSuppression[]; notices: Notice[] } {
  const out = { suppressions: [] as WrittenSuppression[], notices: [] as Notice[] };
  const own = entry(resource.metadata, KEY);
  if (!own) return out;
  const problem = (at: Value, message: string) =>
    out.notices.push({ level: 'warning', code: 'suppression-invalid', file: at.range.file, range: at.range, message: `${message}; ${SHAPE}.` });

  const list = entry(own, 'ignore');
  if (list?.kind !== 'list') {
    problem(list ?? own, `the ${KEY} metadata of ${resource.address} has no ignore list`);
    return out;
  }
  for (const item of list.items) {
    const id = text(entry(item, 'id'));
    if (item.kind !== 'map' || id === undefined) {
      problem(item, `an ignore entry of ${resource.address} is not a map with an id and a reason`);
      continue;
    }
    const until = entry(item, 'until');
    out.suppressions.push({
      kind: 'metadata',
      ids: [id],
      reason: text(entry(item, 'reason')) ?? '',
      // A non-text until (a number, a !Ref) is kept as written so the date check reports it.
      until: until && (text(until) ?? (until.kind === 'literal' ? String(until.value) : `<${until.kind}>`)),
      location: item.range,
      file: item.range.file,
    });
  }
  return out;
}

function entry(value: Value | undefined, key: string): Value | undefined {
  return value?.kind === 'map' ? value.entries.get(key) : undefined;
}

function text(value: Value | undefined): string | undefined {
  return value?.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}
