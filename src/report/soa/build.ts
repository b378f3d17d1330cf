import { compareText, SERVICE_MODELS, type Control, type ControlCatalog, type Rule, type ScanResult, type ServiceModel } from '../../model';
import { rowsByRule } from './rows';
import { serviceNames, servicesInUse } from './services';
import {
  RESOURCE_STATES,
  type CatalogControl,
  type CloudUse,
  type ControlEvidence,
  type ControlStatus,
  type InheritedControl,
  type ResourceRow,
  type ResourceState,
  type RuleEvidence,
  type Soa,
} from './types';

/**
 * The control the scan itself is evidence for: the customer's information security for its use
 * of cloud services. No rule checks it, and the provider's certification does not cover it.
 */
const CLOUD_USE_CONTROL = 'A.5.23';

/** The graver of two states has the lower index. */
const GRAVITY = new Map(RESOURCE_STATES.map((state, i) => [state, i]));

const STATUS_OF: Record<ResourceState, ControlStatus> = {
  failed: 'failing',
  undecided: 'undecided',
  accepted: 'accepted',
  passed: 'passing',
  'not-applicable': 'not-exercised',
};

/**
 * The Statement-of-Applicability evidence of a scan. Rows are Annex A controls and the ISO/IEC
 * 27017 cloud controls; an ISO/IEC 27002:2013 clause that ISO/IEC 27017 gives guidance on is the
 * same control under its 2013 number (ISO/IEC 27002:2022 Annex B), so it is shown as guidance
 * under its 2022 control, and a rule naming the clause evidences that control. Everything is in
 * catalog, rule-id or code order: the same scan gives the same report.
 */
export function buildSoa(result: ScanResult, toolVersion: string): Soa {
  const { catalog } = result;
  const rows = rowsByRule(result);
  const rules = [...result.rules].sort((a, b) => compareText(a.id, b.id));
  const listed = listedControls(catalog);

  const controls = listed
    .map((listing) => controlEvidence(listing, guidanceOf(listing.control, catalog), rules, rows))
    .filter((evidence) => evidence.rules.length);
  const services = servicesInUse(result.resources, catalog);
  // Every inherited part (premises, hardware, hypervisor, physical network) lies under every service.
  const inherited = services.models.length ? listed.filter(({ control }) => control.inherited).map((listing) => inheritedControl(listing, catalog)) : [];
  const evidenced = new Set(controls.map((c) => c.control.id));
  const notCovered = listed.filter(({ control }) => !evidenced.has(control.id) && !control.inherited && control.id !== CLOUD_USE_CONTROL);

  const gravest = gravestByPlace([...rows.values()].flat());
  const resourceCounts = countStates(gravest);
  const errors = result.notices.filter((n) => n.level === 'error').length;
  const checked = inScopeCount(resourceCounts);
  const byStatus = (status: ControlStatus) => controls.filter((c) => c.status === status).length;
  const cloudUse = cloudUseOf(catalog, serviceNames(services), checked);

  return {
    scan: {
      date: result.date,
      toolVersion,
      files: result.files,
      rules: result.rules.length,
      problems: result.notices.filter((n) => n.level !== 'note'),
      complete: errors === 0,
    },
    services,
    ...(cloudUse ? { cloudUse } : {}),
    controls,
    inherited,
    notCovered,
    summary: {
      controls: {
        evidenced: controls.length - byStatus('not-exercised'),
        failing: byStatus('failing'),
        undecided: byStatus('undecided'),
        accepted: byStatus('accepted'),
        passing: byStatus('passing'),
        notExercised: byStatus('not-exercised'),
        inherited: inherited.length,
        notCovered: notCovered.length,
      },
      resources: { scanned: result.resources.length, checked, ...resourceCounts },
      files: result.files.length,
      errors,
      complete: errors === 0,
    },
  };
}

/** The controls an SoA has rows for, in catalog order: Annex A, then the cloud controls. Clauses are guidance under Annex A. */
function listedControls(catalog: ControlCatalog): CatalogControl[] {
  return [
    ...[...catalog.controls.iso27001.values()].map((control) => ({ control, standard: 'iso27001' as const })),
    ...[...catalog.controls.iso27017.values()].filter((c) => c.group === 'cloud').map((control) => ({ control, standard: 'iso27017' as const })),
  ];
}

/** The 2013 clauses that are this Annex A control in 2022. */
function guidanceOf(control: Control, catalog: ControlCatalog): Control[] {
  return [...catalog.controls.iso27017.values()].filter((c) => c.group === 'clause' && c.annexA === control.id);
}

function controlEvidence(listing: CatalogControl, guidance: Control[], rules: readonly Rule[], rowsOf: Map<string, ResourceRow[]>): ControlEvidence {
  const { control, standard } = listing;
  const clauses = new Set(guidance.map((c) => c.id));
  const ruleEvidence: RuleEvidence[] = [];
  const rows: ResourceRow[] = [];
  for (const rule of rules) {
    const via = [
      ...(rule.controls[standard].includes(control.id) ? [control.id] : []),
      ...(standard === 'iso27001' ? rule.controls.iso27017.filter((id) => clauses.has(id)) : []),
    ];
    if (!via.length) continue;
    const own = rowsOf.get(rule.id) ?? [];
    const counts = countStates(gravestByPlace(own));
    ruleEvidence.push({ rule, via, resources: inScopeCount(counts), counts });
    rows.push(...own);
  }
  const counts = countStates(gravestByPlace(rows));
  const status = STATUS_OF[RESOURCE_STATES.find((state) => counts[state] > 0) ?? 'not-applicable'];
  return { control, standard, guidance, status, rules: ruleEvidence, rows: rows.sort(compareRows), counts, inUse: modelsInUse(rows.filter(inScope)) };
}

function inheritedControl(listing: CatalogControl, catalog: ControlCatalog): InheritedControl {
  const { scope, evidence } = listing.control.inherited!;
  return { ...listing, guidance: guidanceOf(listing.control, catalog), scope, evidence };
}

function cloudUseOf(catalog: ControlCatalog, services: string[], checked: number): CloudUse | undefined {
  const control = catalog.controls.iso27001.get(CLOUD_USE_CONTROL);
  return control && { control, standard: 'iso27001', services, checked };
}

const inScope = (row: ResourceRow) => row.state !== 'not-applicable';

const inScopeCount = (counts: Record<ResourceState, number>) => RESOURCE_STATES.reduce((n, s) => (s === 'not-applicable' ? n : n + counts[s]), 0);

/** Each resource's gravest state over the rows. */
function gravestByPlace(rows: readonly ResourceRow[]): Map<string, ResourceState> {
  const gravest = new Map<string, ResourceState>();
  for (const row of rows) {
    const earlier = gravest.get(row.place);
    if (!earlier || GRAVITY.get(row.state)! < GRAVITY.get(earlier)!) gravest.set(row.place, row.state);
  }
  return gravest;
}

function countStates(gravest: Map<string, ResourceState>): Record<ResourceState, number> {
  const counts = Object.fromEntries(RESOURCE_STATES.map((s) => [s, 0])) as Record<ResourceState, number>;
  for (const state of gravest.values()) counts[state]++;
  return counts;
}

function modelsInUse(rows: readonly ResourceRow[]): ControlEvidence['inUse'] {
  const services = new Map<ServiceModel, Set<string>>();
  for (const row of rows) if (row.model) services.set(row.model, (services.get(row.model) ?? new Set()).add(row.service!));
  return SERVICE_MODELS.filter((m) => services.has(m)).map((model) => ({ model, services: [...services.get(model)!].sort(compareText) }));
}

/** Gravest first, then by place in the code, address and rule. */
function compareRows(a: ResourceRow, b: ResourceRow): number {
  return (
    GRAVITY.get(a.state)! - GRAVITY.get(b.state)! ||
    compareText(a.at.file, b.at.file) ||
    a.at.start.line - b.at.start.line ||
    a.at.start.column - b.at.start.column ||
    compareText(a.address, b.address) ||
    compareText(a.rule, b.rule)
  );
}
