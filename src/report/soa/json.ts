import type { ScanResult } from '../../model';
import { jsonNotice, jsonSuppression, span } from '../json';
import { TOOL_NAME } from '../names';
import type { ReportOptions } from '../options';
import { buildSoa } from './build';
import { CLOUD_USE_FRAMING } from './framing';
import type { CatalogControl, ControlEvidence, ResourceRow } from './types';

/** Bumped on any incompatible change to the shape documented in docs/soa.md. */
export const SOA_JSON_VERSION = 1;

/** `--format soa-json`: the Statement-of-Applicability evidence as data, every key always present. */
export function renderSoaJson(result: ScanResult, options: ReportOptions): string {
  const soa = buildSoa(result, options.toolVersion);
  const report = {
    version: SOA_JSON_VERSION,
    tool: { name: TOOL_NAME, version: soa.scan.toolVersion },
    scan: {
      date: soa.scan.date,
      complete: soa.scan.complete,
      files: soa.scan.files,
      rules: soa.scan.rules,
      problems: soa.scan.problems.map(jsonNotice),
    },
    services: soa.services,
    cloudUse: soa.cloudUse
      ? { ...controlJson(soa.cloudUse), status: 'evidenced-in-part', services: soa.cloudUse.services, resourcesChecked: soa.cloudUse.checked, note: CLOUD_USE_FRAMING }
      : null,
    controls: soa.controls.map(evidenceJson),
    inherited: soa.inherited.map((i) => ({ ...controlJson(i), guidance: i.guidance.map(({ id, title, cloudGuidance }) => ({ id, title, cloudGuidance })), scope: i.scope, evidence: i.evidence })),
    notCovered: soa.notCovered.map(controlJson),
    summary: soa.summary,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function controlJson({ control, standard }: CatalogControl) {
  return { id: control.id, standard, title: control.title, split: control.split, related: control.related ?? [] };
}

function evidenceJson(evidence: ControlEvidence) {
  return {
    ...controlJson(evidence),
    guidance: evidence.guidance.map(({ id, title, cloudGuidance }) => ({ id, title, cloudGuidance })),
    status: evidence.status,
    inUse: evidence.inUse.map(({ model, services }) => ({ model, owner: evidence.control.split[model], services })),
    rules: evidence.rules.map(({ rule, via, resources, counts }) => ({ id: rule.id, title: rule.title, severity: rule.severity, owner: rule.owner, via, resources, counts })),
    counts: evidence.counts,
    resources: evidence.rows.map(rowJson),
  };
}

function rowJson(row: ResourceRow) {
  return {
    state: row.state,
    rule: row.rule,
    address: row.address,
    constructPath: row.constructPath ?? null,
    type: row.type,
    model: row.model ?? null,
    service: row.service ?? null,
    file: row.at.file,
    range: span(row.at),
    message: row.message ?? null,
    why: row.why ?? null,
    byDefault: row.byDefault ?? false,
    suppression: row.suppression ? jsonSuppression(row.suppression) : null,
  };
}
