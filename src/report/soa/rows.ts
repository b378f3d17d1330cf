import { serviceOf } from '../../controls';
import type { CheckOutcome, ControlCatalog, Evaluation, Finding, Range, Resource, ScannedResource, ScanResult } from '../../model';
import { qualifiedAddress } from '../names';
import type { ResourceRow, ResourceState } from './types';

const STATE_OF: Record<CheckOutcome, ResourceState> = { pass: 'passed', fail: 'failed', unknown: 'undecided', 'not-applicable': 'not-applicable' };

/** The fields of a resource a row names it by; both `Resource` and `ScannedResource` have them. */
type Named = Pick<Resource, 'file' | 'address' | 'type' | 'family' | 'context'>;

/**
 * Where a resource is for a reader: its file and address. The pipeline keeps each place once
 * (src/rules/repeats.ts), but a finding may still hold the plan's view of a place, so rows meet
 * by place rather than by key.
 */
export function placeOf(resource: Pick<Resource, 'file' | 'address'>): string {
  return `${resource.file}\0${resource.address}`;
}

/**
 * Each rule's rows, by rule id: one per finding (failed, or accepted when suppressed), then one
 * per resource the rule judged without a finding there (passed, undecided, not applicable).
 */
export function rowsByRule(result: ScanResult): Map<string, ResourceRow[]> {
  const rows = new Map<string, ResourceRow[]>();
  const add = (row: ResourceRow) => {
    const list = rows.get(row.rule);
    if (list) list.push(row);
    else rows.set(row.rule, [row]);
  };
  const withFinding = new Set<string>();
  for (const finding of result.findings) {
    const row = findingRow(finding, result.catalog);
    withFinding.add(`${row.rule}\0${row.place}`);
    add(row);
  }
  const resources = new Map(result.resources.map((r) => [r.key, r]));
  for (const evaluation of result.evaluations) {
    const resource = resources.get(evaluation.resource);
    // The findings say more than a `fail` outcome does, and say it at the failing property.
    if (resource && !withFinding.has(`${evaluation.rule}\0${placeOf(resource)}`)) add(evaluationRow(evaluation, resource, result.catalog));
  }
  return rows;
}

function findingRow(finding: Finding, catalog: ControlCatalog): ResourceRow {
  const row: ResourceRow = { state: finding.suppression ? 'accepted' : 'failed', rule: finding.rule.id, ...naming(finding.resource, finding.at, catalog), message: finding.message };
  if (finding.suppression) row.suppression = finding.suppression;
  return row;
}

function evaluationRow(evaluation: Evaluation, resource: ScannedResource, catalog: ControlCatalog): ResourceRow {
  const row: ResourceRow = { state: STATE_OF[evaluation.outcome], rule: evaluation.rule, ...naming(resource, resource.at, catalog) };
  if (evaluation.why) row.why = evaluation.why;
  if (evaluation.byDefault) row.byDefault = true;
  return row;
}

function naming(resource: Named, at: Range, catalog: ControlCatalog): Pick<ResourceRow, 'place' | 'address' | 'constructPath' | 'type' | 'at' | 'model' | 'service'> {
  const named: ReturnType<typeof naming> = { place: placeOf(resource), address: qualifiedAddress(resource), type: resource.type, at };
  if (resource.context?.constructPath) named.constructPath = resource.context.constructPath;
  const entry = serviceOf(catalog, resource.family, resource.type);
  if (entry) [named.model, named.service] = [entry.model, entry.service];
  return named;
}
