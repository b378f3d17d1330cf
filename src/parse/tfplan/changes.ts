import type { LineTable, Notice } from '../../model';
import { scalarText, type MapNode, type Node } from '../document/syntax';
import { instanceText } from './address';
import { planWarning, start } from './notices';
import { addressOf, type PlannedResource } from './planned';

/**
 * `resource_changes` by address. Deposed objects (being replaced) are left out: the planned
 * object is the one that will exist. Changes to managed resources that planned_values lacks
 * (a hand-trimmed plan) are reported once: those resources cannot be checked.
 */
export function readChanges(root: MapNode, planned: PlannedResource[], lines: LineTable, notices: Notice[]): Map<string, MapNode> {
  const changes = new Map<string, MapNode>();
  const entry = root.entries.get('resource_changes');
  if (!entry) {
    if (planned.length) {
      notices.push(planWarning(lines, 'plan-incomplete', 'This plan has no resource_changes, so values known only after apply look absent rather than unknown, and findings about missing properties may be wrong. Regenerate it with `terraform show -json`.', start(root)));
    }
    return changes;
  }
  const plannedAddresses = new Set(planned.map((r) => instanceText(r.address)));
  const missing: Node[] = [];
  for (const node of entry.value.kind === 'seq' ? entry.value.items : []) {
    if (node.kind !== 'map' || node.entries.has('deposed')) continue;
    const address = addressOf(node);
    const change = node.entries.get('change')?.value;
    if (!address || address.mode !== 'managed' || change?.kind !== 'map') continue;
    const text = instanceText(address);
    changes.set(text, change);
    if (!plannedAddresses.has(text) && !onlyDeletes(change)) missing.push(node);
  }
  if (missing.length) {
    notices.push(
      planWarning(
        lines,
        'plan-incomplete',
        `${missing.length} resource change(s) to create or update have no entry in planned_values, so those resources were not checked. ` +
          'The plan looks edited or cut short; regenerate it with `terraform show -json`.',
        start(missing[0]),
      ),
    );
  }
  return changes;
}

function onlyDeletes(change: MapNode): boolean {
  const actions = change.entries.get('actions')?.value;
  return actions?.kind === 'seq' && actions.items.length > 0 && actions.items.every((a) => scalarText(a) === 'delete');
}

