import { literalText, mapEntry, type Notice, type Value } from '../model';
import type { WrittenSuppression } from './written';

const KEY = 'iac-scan';
const SHAPE = 'write Metadata: {iac-scan: {ignore: [{id: <rule-id>, reason: <why>, until: YYYY-MM-DD}]}}';

/**
 * Reads `Metadata: { iac-scan: { ignore: [ { id, reason, until? } ] } }` from a resource, or from
 * a template for all its resources; `owner` names which in messages (`Bucket`, `the template`).
 * An entry that is only a rule id is reported: every suppression needs a reason.
 */
export function metadataSuppressions(metadata: Value | undefined, owner: string): { suppressions: WrittenSuppression[]; notices: Notice[] } {
  const out = { suppressions: [] as WrittenSuppression[], notices: [] as Notice[] };
  const own = mapEntry(metadata, KEY);
  if (!own) return out;
  const problem = (at: Value, message: string) =>
    out.notices.push({ level: 'warning', code: 'suppression-invalid', file: at.range.file, range: at.range, message: `${message}; ${SHAPE}.` });

  const list = mapEntry(own, 'ignore');
  if (list?.kind !== 'list') {
    problem(list ?? own, `the ${KEY} metadata of ${owner} has no ignore list`);
    return out;
  }
  for (const item of list.items) {
    const id = literalText(mapEntry(item, 'id'));
    if (item.kind !== 'map' || id === undefined) {
      problem(item, `an ignore entry of ${owner} is not a map with an id and a reason`);
      continue;
    }
    const until = mapEntry(item, 'until');
    out.suppressions.push({
      kind: 'metadata',
      ids: [id],
      reason: literalText(mapEntry(item, 'reason')) ?? '',
      // A non-text until (a number, a !Ref) is kept as written so the date check reports it.
      until: until && (literalText(until) ?? (until.kind === 'literal' ? String(until.value) : `<${until.kind}>`)),
      location: item.range,
      file: item.range.file,
    });
  }
  return out;
}
