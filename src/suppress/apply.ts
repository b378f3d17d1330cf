import type { Comment, Finding, Notice, Resource, Suppression, Value } from '../model';
import { globMatcher, type ConfigIgnore } from '../config';
import { suppressionProblems } from './check';
import { CommentIndex } from './comment-index';
import { readDirective } from './directive';
import { cdkNagSuppressions } from './cdk-nag';
import { metadataSuppressions } from './metadata';
import { describeSuppression, names, type ActiveSuppression, type WrittenSuppression } from './written';

export interface SuppressionInput {
  /** Every comment the parsers found. */
  comments: Comment[];
  configIgnores: ConfigIgnore[];
  /** YYYY-MM-DD; a suppression applies up to and including its `until` day. */
  today: string;
  /** Every rule loaded, selected or not: a suppression naming another id is a mistake. */
  knownRuleIds: ReadonlySet<string>;
  /**
   * Every resource scanned. Optional: without it, metadata suppressions are only read on
   * resources with findings, so unused or broken ones elsewhere go unreported.
   */
  resources?: Resource[];
  /** Our rule ids by the cdk-nag rule each declares equivalent; without it, cdk-nag suppressions are not read. */
  cdkNagEquivalents?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Marks the findings that a valid suppression covers (they stay in the list, with `suppression`
 * set). Broken suppressions are warnings and cover nothing; valid ones that covered nothing are
 * notes, for clean-up. When several cover a finding, the nearest wins: inline, metadata, config.
 */
export function applySuppressions(findings: Finding[], input: SuppressionInput): { findings: Finding[]; notices: Notice[] } {
  const notices: Notice[] = [];
  const active: ActiveSuppression[] = [];
  const activate = (s: WrittenSuppression): ActiveSuppression | undefined => {
    const problems = suppressionProblems(s, input.today, input.knownRuleIds);
    notices.push(...problems);
    if (problems.length) return undefined;
    const a = { ...s, used: false };
    active.push(a);
    return a;
  };

  const directives = new Map<Comment, ActiveSuppression>();
  for (const comment of input.comments) {
    const read = readDirective(comment);
    if (!read) continue;
    if ('level' in read) notices.push(read);
    else {
      const a = activate(read);
      if (a) directives.set(comment, a);
    }
  }
  const inline = new CommentIndex(input.comments, directives);

  // Metadata read once per resource, and once per template for what its resources share.
  const byMetadata = new Map<Value, ActiveSuppression[]>();
  const suppressionsIn = (metadata: Value | undefined, owner: string): ActiveSuppression[] => {
    if (!metadata) return [];
    let list = byMetadata.get(metadata);
    if (!list) {
      const read = metadataSuppressions(metadata, owner);
      notices.push(...read.notices);
      const written = [...read.suppressions, ...(input.cdkNagEquivalents ? cdkNagSuppressions(metadata, input.cdkNagEquivalents) : [])];
      list = written.map(activate).filter((a) => a !== undefined);
      byMetadata.set(metadata, list);
    }
    return list;
  };
  const metadataOf = (resource: Resource): ActiveSuppression[] => [
    ...suppressionsIn(resource.metadata, resource.address),
    ...suppressionsIn(resource.templateMetadata, 'the template'),
  ];
  input.resources?.forEach(metadataOf);

  const config = input.configIgnores.flatMap((entry) => {
    const a = activate({ kind: 'config', ids: entry.rules, reason: entry.reason, until: entry.until, location: entry.location, file: entry.location?.file });
    return a ? [{ suppression: a, inPaths: entry.paths?.length ? globMatcher(entry.paths) : () => true }] : [];
  });

  const marked = findings.map((finding) => {
    const { resource, rule } = finding;
    // The finding's line, the resource's first line, and where the user made it: a module call,
    // or the line of a CDK app that created it.
    const places = [finding.at, resource.range, ...(resource.origin ?? []), ...(resource.userCode?.created ? [resource.userCode.created] : [])];
    const covering = [
      ...places.flatMap((r) => inline.at(r.file, r.start.line)),
      ...metadataOf(resource),
      ...config.filter((c) => c.inPaths(finding.at.file) || c.inPaths(resource.file)).map((c) => c.suppression),
    ].filter((s) => names(s, rule.id));
    for (const s of covering) s.used = true;
    return covering.length ? { ...finding, suppression: recorded(covering[0]) } : finding;
  });

  // A cdk-nag suppression also serves cdk-nag: matching none of our findings does not make it stale.
  for (const s of active) if (!s.used && !s.cdkNagId) notices.push(unused(s));
  return { findings: marked, notices };
}

function recorded(s: ActiveSuppression): Suppression {
  return {
    kind: s.kind,
    justification: s.reason,
    ...(s.until ? { until: s.until } : {}),
    ...(s.location ? { location: s.location } : {}),
  };
}

function unused(s: ActiveSuppression): Notice {
  return {
    level: 'note',
    code: 'unused-suppression',
    ...(s.file ? { file: s.file } : {}),
    ...(s.location ? { range: s.location } : {}),
    message: `${describeSuppression(s)} matched no finding; remove it if the problem is fixed, or check the rule id and where it is written.`,
  };
}
