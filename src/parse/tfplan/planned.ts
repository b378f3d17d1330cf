import type { LineTable, Notice } from '../../model';
import { scalarText, type MapNode, type Node } from '../document/syntax';
import { keyOfIndex, parseInstanceAddress, type InstanceAddress } from './address';
import { listAt } from '../document/nodes';
import { planWarning, start, type Span } from './notices';

/** One resource instance of `planned_values`. */
export interface PlannedResource {
  address: InstanceAddress;
  /** The address as the plan writes it, which is what users see in `terraform plan`. */
  text: string;
  /** Where the resource is named in the plan: its `"address": "…"` entry. */
  at: Span;
  values?: Node;
  /** `sensitive_values`: `true` where a value is sensitive, in the shape of `values`. */
  sensitive?: Node;
}

/**
 * The managed resources of a module of `planned_values` and its `child_modules`, depth first (the
 * reader bounded nesting). Data sources (`mode: data`) are left out: they are read, not deployed,
 * and a `data.aws_s3_bucket` checked as a bucket would report on one this code does not manage.
 */
export function collectModule(module: Node, lines: LineTable, out: PlannedResource[], notices: Notice[]): void {
  if (module.kind !== 'map') return;
  for (const node of listAt(module, 'resources')) {
    const resource = plannedResource(node, lines, notices);
    if (resource && resource.address.mode === 'managed') out.push(resource);
  }
  for (const child of listAt(module, 'child_modules')) collectModule(child, lines, out, notices);
}

function plannedResource(node: Node, lines: LineTable, notices: Notice[]): PlannedResource | undefined {
  const entry = node.kind === 'map' ? node.entries.get('address') : undefined;
  const text = scalarText(entry?.value);
  const address = node.kind === 'map' ? addressOf(node) : undefined;
  if (node.kind !== 'map' || !entry || text === undefined || !address) {
    const what = text === undefined ? 'has no address' : `has the address "${text}", which is not a Terraform resource address`;
    notices.push(planWarning(lines, 'invalid-resource', `This planned resource ${what}; it was not checked. Regenerate the plan with \`terraform show -json\`.`, start(node)));
    return undefined;
  }
  return {
    address,
    text,
    at: { start: entry.keyStart, end: entry.value.end },
    values: node.entries.get('values')?.value,
    sensitive: node.entries.get('sensitive_values')?.value,
  };
}

/**
 * The instance an entry of planned_values or resource_changes names. The `address` decides;
 * `index` only fills in a key the address text left out.
 */
export function addressOf(node: MapNode): InstanceAddress | undefined {
  const text = scalarText(node.entries.get('address')?.value);
  const address = text === undefined ? undefined : parseInstanceAddress(text);
  const index = node.entries.get('index')?.value;
  if (address && address.key === undefined && index?.kind === 'scalar') {
    const key = keyOfIndex(index.value);
    if (key !== undefined) address.key = key;
  }
  return address;
}
