import { compareText, SERVICE_MODELS, type Control, type Notice, type Rule, type ScanResult } from '../../model';
import { TOOL_NAME } from '../names';
import type { ReportOptions } from '../options';
import { plural } from '../summary';
import { buildSoa } from './build';
import { CLOUD_USE_FRAMING } from './framing';
import { code, place, prose, tableHead, tableRow } from './markdown-text';
import { serviceNames } from './services';
import type { CloudUse, ControlEvidence, ControlStatus, InheritedControl, ResourceRow, ResourceState, Soa } from './types';

const STATE_LABEL: Record<ResourceState, string> = {
  failed: 'failed',
  undecided: 'not decidable before deployment',
  accepted: 'accepted risk',
  passed: 'passed',
  'not-applicable': 'not applicable',
};

/** The states counted in the tables, in order, and their column headings. */
const COUNTED: readonly { state: ResourceState; heading: string }[] = [
  { state: 'failed', heading: 'failed' },
  { state: 'undecided', heading: 'not decidable' },
  { state: 'accepted', heading: 'accepted' },
  { state: 'passed', heading: 'passed' },
];

/**
 * The most passed and not-applicable rows a control lists under itself. Above it they are counted
 * per rule, and each rule's are listed once at the end, however many controls the rule evidences:
 * a large tree has thousands per control, which bury the failures. Failed, undecidable and
 * accepted rows are always listed in full, under every control they count for; the soa-json form
 * lists every row under every control.
 */
export const LISTED_PASSES = 25;

const STATUS_LABEL: Record<ControlStatus, string> = {
  failing: '**failing**',
  undecided: '**not decidable before deployment**',
  accepted: 'passing, with accepted risks',
  passing: 'passing',
  'not-exercised': 'no resource in scope',
};

/** `--format soa`: the Statement-of-Applicability evidence as a Markdown document (docs/soa.md). */
export function renderSoaMarkdown(result: ScanResult, options: ReportOptions): string {
  const soa = buildSoa(result, options.toolVersion);
  const exercised = soa.controls.filter((c) => c.status !== 'not-exercised');
  const idle = soa.controls.filter((c) => c.status === 'not-exercised');
  const sections = [
    header(soa),
    servicesSection(soa),
    soa.cloudUse ? cloudUseSection(soa.cloudUse, soa) : [],
    controlsSection(exercised),
    idle.length ? idleSection(idle) : [],
    inheritedSection(soa.inherited, soa),
    notCoveredSection(soa),
    scanSection(soa),
    summarySection(soa),
    passesSection(exercised),
  ];
  return `${sections.filter((s) => s.length).map((s) => s.join('\n')).join('\n\n')}\n`;
}

function header(soa: Soa): string[] {
  const { scan, summary } = soa;
  const lines = [
    '# Statement of Applicability: cloud evidence',
    '',
    'Evidence for the cloud part of an ISO/IEC 27001:2022 Statement of Applicability, with the ISO/IEC 27017 cloud controls. ' +
      'It comes from a scan of infrastructure code before deployment: it shows what the code would deploy, not the running account.',
    '',
    `- Scan date: ${scan.date}`,
    `- Tool: ${TOOL_NAME} ${prose(scan.toolVersion)}, ${plural(scan.rules, 'rule')}`,
    `- Scope: ${plural(summary.files, 'file')} (listed under Scan), ${plural(summary.resources.scanned, 'resource')}`,
  ];
  if (scan.complete) return lines;
  const errors = scan.problems.filter((n) => n.level === 'error');
  return [
    ...lines,
    '',
    `> **The evidence is incomplete.** ${plural(errors.length, 'error')} stopped part of the input from being checked, and nothing below covers that part:`,
    '>',
    ...errors.map((n) => `> - ${problemLine(n)}`),
  ];
}

function servicesSection(soa: Soa): string[] {
  const { models, unmapped } = soa.services;
  const lines = ['## Service models in use', ''];
  if (!models.length) lines.push('The scanned code declares no resource of a service the controls catalog knows.');
  else {
    lines.push(
      'Who operates a control depends on the service model of the service (see docs/controls.md). The scanned code uses:',
      '',
      ...tableHead(['service model', 'services (resources)', 'who runs what']),
      ...models.map(({ title, summary, services }) => tableRow([prose(title), services.map((s) => `${prose(s.service)} (${s.resources})`).join(', '), prose(summary)])),
    );
  }
  if (unmapped.length) {
    lines.push('', `Resource types in no service model of the catalog, so no owner split applies to them: ${unmapped.map((u) => `${code(u.type)} (${u.resources})`).join(', ')}.`);
  }
  return lines;
}

function cloudUseSection(cloudUse: CloudUse, soa: Soa): string[] {
  const { control } = cloudUse;
  const scope = cloudUse.services.length
    ? `This scan checked ${plural(cloudUse.checked, 'resource')} of the services in use (${cloudUse.services.map(prose).join(', ')}) with ${plural(soa.scan.rules, 'rule')} on ${soa.scan.date}.`
    : `This scan found no resource of a cloud service the catalog knows; its ${plural(soa.scan.rules, 'rule')} checked nothing here.`;
  return [
    `## ${control.id} ${prose(control.title)}`,
    '',
    `Status: evidenced in part by this scan${soa.scan.complete ? '' : ' (incomplete: see the errors above)'}. Owner: ${ownerLine(control, [])}.`,
    '',
    prose(CLOUD_USE_FRAMING),
    '',
    scope,
  ];
}

function controlsSection(controls: ControlEvidence[]): string[] {
  const lines = [
    '## Controls evidenced by the rules',
    '',
    "A control's status is its resources' gravest state: failing (a finding no one accepted), not decidable before deployment " +
      '(a value the code leaves to deployment time, never counted as a pass), passing with accepted risks (every finding suppressed with a justification), passing.',
    '',
  ];
  if (!controls.length) return [...lines, 'No rule that ran had a resource in scope.'];
  lines.push(
    ...tableHead(['control', 'title', 'status', 'owner here', ...COUNTED.map((c) => c.heading)]),
    ...controls.map((c) => tableRow([c.control.id, prose(c.control.title), STATUS_LABEL[c.status], ownersHere(c), ...COUNTED.map(({ state }) => String(c.counts[state]))])),
  );
  for (const evidence of controls) lines.push('', ...controlSection(evidence));
  return lines;
}

function controlSection(evidence: ControlEvidence): string[] {
  const { control, counts } = evidence;
  const tally = COUNTED.filter(({ state }) => counts[state]).map(({ state }) => `${counts[state]} ${STATE_LABEL[state]}`);
  // A rule whose `where` left out every resource of its types still has rows, and is counted.
  const used = evidence.rules.filter((r) => r.resources > 0 || r.counts['not-applicable'] > 0);
  const unused = evidence.rules.filter((r) => !used.includes(r));
  const lines = [
    `### ${control.id} ${prose(control.title)}`,
    '',
    `Status: ${STATUS_LABEL[evidence.status]}. Resources: ${tally.join(', ')}.`,
    '',
    origin(evidence),
    '',
    `Owner: ${ownerLine(control, evidence.inUse)}.`,
    '',
    ...tableHead(['rule', 'title', 'severity', 'names it as', ...COUNTED.map((c) => c.heading), 'not applicable']),
    ...used.map(({ rule, via, counts: n }) =>
      tableRow([code(rule.id), prose(rule.title), rule.severity, via.join(', '), ...[...COUNTED.map((c) => c.state), 'not-applicable' as const].map((s) => String(n[s]))]),
    ),
  ];
  if (unused.length) {
    lines.push('', `${plural(unused.length, 'more rule')} evidence${unused.length === 1 ? 's' : ''} this control but had no resource in scope here: ${unused.map((r) => code(r.rule.id)).join(', ')}.`);
  }
  const passes = evidence.rows.filter(isPass);
  const listed = listsPasses(evidence) ? evidence.rows : evidence.rows.filter((row) => !isPass(row));
  if (listed.length) lines.push('', ...tableHead(['state', 'resource', 'type', 'location', 'rule', 'detail']), ...listed.map((row) => tableRow(resourceCells(row))));
  else lines.push('', 'No resource failed, waits for deployment or has an accepted risk under this control.');
  if (listed.length < evidence.rows.length) lines.push('', passesNote(passes));
  return lines;
}

const isPass = (row: ResourceRow) => row.state === 'passed' || row.state === 'not-applicable';

/** `530 passed (2 by the provider's default), 36 not applicable`, of passed and not-applicable rows. */
function passTally(passes: readonly ResourceRow[]): string {
  const passed = passes.filter((row) => row.state === 'passed');
  const byDefault = passed.filter((row) => row.byDefault).length;
  const outside = passes.length - passed.length;
  return `${passed.length} passed${byDefault ? ` (${byDefault} by the provider's default)` : ''}${outside ? `, ${outside} not applicable` : ''}`;
}

function listsPasses(evidence: ControlEvidence): boolean {
  let passes = 0;
  for (const row of evidence.rows) if (isPass(row) && ++passes > LISTED_PASSES) return false;
  return true;
}

/** What a control leaves out of its table: how many passes (a row per rule and resource), and where they are. */
function passesNote(passes: readonly ResourceRow[]): string {
  return (
    `Not listed here, being more than ${LISTED_PASSES}: ${passTally(passes)}, a row per rule and resource. ` +
    'The rules table above counts them per rule; "Passing resources, by rule" at the end lists each rule\'s once, for all the controls it evidences.'
  );
}

/** Which standard the control is from, and the 2013 clauses that are it now, marked where ISO/IEC 27017 gives no cloud guidance. */
function origin({ control, standard, guidance }: Pick<ControlEvidence, 'control' | 'standard' | 'guidance'>): string {
  if (standard === 'iso27017') {
    const related = control.related?.length ? ` Closest Annex A controls (the catalog's reading): ${control.related.join(', ')}.` : '';
    return `ISO/IEC 27017 cloud control.${related}`;
  }
  const clauses = guidance.map((c) => `${c.id} ${prose(c.title)}${c.cloudGuidance ? '' : ' (no cloud guidance in ISO/IEC 27017)'}`).join('; ');
  return `ISO/IEC 27001:2022 Annex A.${clauses ? ` The ISO/IEC 27002:2013 clauses that are this control, as ISO/IEC 27017 takes them over: ${clauses}.` : ''}`;
}

/** A row's cells: state, resource, type, location, rule, detail. */
function resourceCells(row: ResourceRow): string[] {
  const name = row.constructPath ? `${code(row.address)} (${code(row.constructPath)})` : code(row.address);
  return [STATE_LABEL[row.state], name, code(row.type), place(row.at), code(row.rule), detail(row)];
}

function detail(row: ResourceRow): string {
  switch (row.state) {
    case 'failed':
      return prose(row.message ?? '');
    case 'accepted': {
      const s = row.suppression!;
      const written = s.location ? ` at ${place(s.location)}` : '';
      const until = s.until ? `, until ${s.until}` : '';
      return `accepted (${s.kind}${written}${until}): ${prose(s.justification)}. Finding: ${prose(row.message ?? '')}`;
    }
    case 'undecided':
      return prose(row.why ?? '');
    case 'passed':
      return row.byDefault ? "by the provider's default, not written in the code" : '';
    case 'not-applicable':
      return "outside the rule's scope";
  }
}

function idleSection(controls: ControlEvidence[]): string[] {
  return [
    '## Controls with no resource in scope',
    '',
    'Rules that ran evidence these controls, but the scanned code has no resource they apply to.',
    '',
    ...tableHead(['control', 'title', 'rules']),
    ...controls.map((c) => tableRow([c.control.id, prose(c.control.title), c.rules.map((r) => code(r.rule.id)).join(', ')])),
  ];
}

function inheritedSection(inherited: InheritedControl[], soa: Soa): string[] {
  const lines = ['## Inherited from the provider', ''];
  if (!inherited.length) return [...lines, 'The scanned code uses no service the controls catalog knows, so it inherits nothing through it.'];
  const services = serviceNames(soa.services).map(prose);
  return [
    ...lines,
    `For the services in use (${services.join(', ')}), the provider operates what these controls cover, and no infrastructure code can show it. ` +
      "The evidence is the provider's certification: for AWS, its ISO/IEC 27001, ISO/IEC 27017 and SOC 2 reports in AWS Artifact, " +
      'which the customer obtains and reviews (A.5.19, A.5.22). A control with a customer part as well is also listed above with its rules.',
    '',
    ...tableHead(['control', 'title', 'owner', 'inherited', 'evidence']),
    ...inherited.map((i) => {
      const guidance = i.guidance.length ? ` (ISO/IEC 27002:2013: ${i.guidance.map((c) => c.id).join(', ')})` : '';
      return tableRow([i.control.id, `${prose(i.control.title)}${guidance}`, ownerLine(i.control, []), prose(i.scope), prose(i.evidence)]);
    }),
  ];
}

function notCoveredSection(soa: Soa): string[] {
  if (!soa.notCovered.length) return [];
  return [
    '## Not evidenced by this scan',
    '',
    'No rule that ran evidences these controls of the catalog, and the provider does not operate them: ' +
      "their evidence is the customer's policies, procedures and records, or a rule pack that checks them.",
    '',
    ...tableHead(['control', 'title', 'owner']),
    ...soa.notCovered.map(({ control }) => tableRow([control.id, prose(control.title), ownerLine(control, [])])),
  ];
}

function scanSection(soa: Soa): string[] {
  const { scan } = soa;
  const lines = ['## Scan', '', `Files scanned (${scan.files.length}), relative to the scan root:`, '', ...scan.files.map((f) => `- ${code(f)}`)];
  if (!scan.files.length) lines.push('- none');
  if (scan.problems.length) lines.push('', `Problems (${scan.problems.length}):`, '', ...scan.problems.map((n) => `- ${problemLine(n)}`));
  return lines;
}

function summarySection(soa: Soa): string[] {
  const { controls: c, resources: r, files, errors, complete } = soa.summary;
  const unchecked = r.scanned - r.checked;
  return [
    '## Summary',
    '',
    `- Controls evidenced with resources in scope: ${c.evidenced} (${c.failing} failing, ${c.undecided} not decidable before deployment, ${c.accepted} passing with accepted risks, ${c.passing} passing).`,
    `- Controls whose rules had no resource in scope: ${c.notExercised}.`,
    `- Controls inherited from the provider: ${c.inherited}.`,
    ...(soa.cloudUse ? [`- ${soa.cloudUse.control.id}: evidenced in part by this scan.`] : []),
    `- Controls not evidenced by this scan: ${c.notCovered}.`,
    `- Resources: ${r.scanned} scanned; ${r.checked} in scope of a rule (${r.failed} failed, ${r.undecided} not decidable before deployment, ${r.accepted} accepted, ${r.passed} passed); ${unchecked} in no rule's scope.`,
    `- Scan date ${soa.scan.date}, ${TOOL_NAME} ${prose(soa.scan.toolVersion)}, ${plural(files, 'file')} scanned, ${plural(errors, 'error')}: ${complete ? 'the evidence is complete for the files scanned' : 'the evidence is incomplete'}.`,
  ];
}

/**
 * Each rule's passed and not-applicable rows, once, for the rules of the controls too large to list
 * them (LISTED_PASSES); a long list is folded in a `<details>` block, which GitHub shows closed.
 */
function passesSection(controls: ControlEvidence[]): string[] {
  const rules = new Map<string, { rule: Rule; controls: string[]; rows: ResourceRow[] }>();
  const folded = new Set<string>();
  for (const evidence of controls) {
    const large = !listsPasses(evidence);
    for (const { rule } of evidence.rules) {
      const entry = rules.get(rule.id);
      if (entry) entry.controls.push(evidence.control.id);
      else rules.set(rule.id, { rule, controls: [evidence.control.id], rows: evidence.rows.filter((row) => row.rule === rule.id && isPass(row)) });
      if (large) folded.add(rule.id);
    }
  }
  const listed = [...folded].map((id) => rules.get(id)!).filter((entry) => entry.rows.length).sort((a, b) => compareText(a.rule.id, b.rule.id));
  if (!listed.length) return [];
  const lines = [
    '## Passing resources, by rule',
    '',
    `The passed and not-applicable resources of the rules of the controls that have more than ${LISTED_PASSES} of them, ` +
      'listed once per rule for all the controls it evidences. The controls above count them per rule, and list every failed, undecidable and accepted resource themselves.',
  ];
  for (const { rule, controls: ids, rows } of listed) {
    const tally = passTally(rows);
    const table = [...tableHead(['state', 'resource', 'type', 'location', 'detail']), ...rows.map((row) => tableRow(resourceCells(row).toSpliced(4, 1)))];
    lines.push('', `### ${code(rule.id)} ${prose(rule.title)}`, '', `Evidences ${ids.join(', ')}. Resources: ${tally}.`, '');
    if (rows.length <= LISTED_PASSES) lines.push(...table);
    else lines.push('<details>', `<summary>${tally}</summary>`, '', ...table, '', '</details>');
  }
  return lines;
}

/**
 * A control's owner in each service model, the models in use marked: `customer in every service
 * model`, or `infrastructure customer · **container customer** (in use: Amazon RDS) · abstracted shared`.
 */
function ownerLine(control: Control, inUse: ControlEvidence['inUse']): string {
  const owners = new Set(SERVICE_MODELS.map((m) => control.split[m]));
  const used = new Map(inUse.map((u) => [u.model, u.services]));
  if (owners.size === 1 && !used.size) return `${control.split.infrastructure} in every service model`;
  return SERVICE_MODELS.map((m) => {
    const services = used.get(m);
    return services ? `**${m} ${control.split[m]}** (in use: ${services.map(prose).join(', ')})` : `${m} ${control.split[m]}`;
  }).join(' · ');
}

/** The owners in the service models in use, for the overview table. */
function ownersHere(evidence: ControlEvidence): string {
  return [...new Set(evidence.inUse.map((u) => evidence.control.split[u.model]))].join(', ') || '—';
}

function problemLine(n: Notice): string {
  const where = n.range ? ` ${place(n.range)}` : n.file !== undefined ? ` ${code(n.file)}` : '';
  return `${n.level} ${code(n.code)}${where}: ${prose(n.message)}`;
}
