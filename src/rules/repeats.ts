import type { CheckOutcome, Evaluation, Finding, Notice, Resource } from '../model';

/** A plan is made from configuration: where both are scanned, the configuration's own lines win. */
const isPlan = (resource: Resource): boolean => resource.format === 'terraform-plan';

/** Whether `candidate` should replace `owner` as the view of a place: the configuration's over a plan's, else the first. */
const replaces = (owner: Resource | undefined, candidate: Resource): boolean => !owner || (isPlan(owner) && !isPlan(candidate));

/**
 * Drops a finding that another view of the same resource already made at the same place: a
 * Terraform plan read beside the configuration it was made from maps its resources back to the
 * same `.tf` lines, so without this every finding would be reported twice. Findings of one
 * resource are never merged with each other. Among resources, the configuration's keeps the place
 * over the plan's, else the first; what only one view finds is kept.
 */
export function dropRepeats(findings: readonly Finding[]): { findings: Finding[]; notices: Notice[] } {
  // The resource's own file is part of the place: two views of one resource are read from the same
  // file (a plan's resources move to their `.tf` file), while one CDK construct in two stacks makes
  // two resources, in two templates, at one source line.
  const placeOf = (f: Finding) => `${f.rule.id}\0${f.at.file}\0${f.at.start.line}\0${f.resource.file}\0${f.resource.address}`;
  const ownerOf = new Map<string, Finding>();
  for (const finding of findings) {
    const place = placeOf(finding);
    const owner = ownerOf.get(place);
    if (replaces(owner?.resource, finding.resource)) ownerOf.set(place, finding);
  }
  const kept: Finding[] = [];
  const dropped = new Map<string, { count: number; keptFile: string }>();
  for (const finding of findings) {
    const owner = ownerOf.get(placeOf(finding))!;
    if (owner.resource.key === finding.resource.key) {
      kept.push(finding);
      continue;
    }
    const from = finding.resource.unit ?? finding.resource.file;
    const entry = dropped.get(from) ?? { count: 0, keptFile: owner.resource.unit ?? owner.resource.file };
    entry.count++;
    dropped.set(from, entry);
  }
  const notices: Notice[] = [...dropped].map(([file, { count, keptFile }]) => ({
    level: 'note',
    code: 'repeated-finding',
    file,
    message: `${count} finding${count === 1 ? '' : 's'} from ${file} repeat${count === 1 ? 's' : ''} what ${keptFile === '.' ? 'the configuration at the scan root' : keptFile} reports at the same line for the same address, and ${count === 1 ? 'is' : 'are'} reported once.`,
  }));
  return { findings: kept, notices };
}

/**
 * Where a resource is for a reader: its file and address. Two views of one resource share it,
 * as a plan's resources move to their `.tf` file.
 */
const placeOfResource = (resource: Resource): string => `${resource.file}\0${resource.address}`;

/** Every place once, as findings are: the configuration's resource over a plan's view of it, else the first. */
export function resourcesOnce(resources: readonly Resource[]): Resource[] {
  const kept = new Map<string, Resource>();
  for (const resource of resources) {
    const place = placeOfResource(resource);
    const owner = kept.get(place);
    if (replaces(owner, resource)) kept.set(place, resource);
  }
  return [...kept.values()];
}

/** When views of one resource disagree, the one that decides wins: a plan knows values the configuration leaves to deployment. */
const DECIDED_RANK: Record<CheckOutcome, number> = { fail: 3, pass: 2, 'not-applicable': 1, unknown: 0 };

/**
 * One evaluation per rule and place, on the resource `resourcesOnce` kept there (`kept`, its
 * result for `resources`); the most decided view's outcome.
 */
export function evaluationsOnce(evaluations: readonly Evaluation[], resources: readonly Resource[], kept: readonly Resource[]): Evaluation[] {
  const byKey = new Map(resources.map((r) => [r.key, r]));
  const keptAt = new Map(kept.map((r) => [placeOfResource(r), r.key]));
  const merged = new Map<string, Evaluation>();
  for (const evaluation of evaluations) {
    const resource = byKey.get(evaluation.resource);
    const key = (resource && keptAt.get(placeOfResource(resource))) ?? evaluation.resource;
    const id = `${evaluation.rule}\0${key}`;
    const earlier = merged.get(id);
    if (!earlier || DECIDED_RANK[evaluation.outcome] > DECIDED_RANK[earlier.outcome]) {
      merged.set(id, key === evaluation.resource ? evaluation : { ...evaluation, resource: key });
    }
  }
  return [...merged.values()];
}
