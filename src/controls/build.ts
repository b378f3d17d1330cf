import type { CheckFamily, Control, ControlCatalog, ControlGroup, Notice, Owner, ServiceEntry, ServiceModel, ServiceModelInfo, Standard } from '../model';
import { nodeAt, rangeOf, type Segment, type YamlFile } from '../config/yaml-file';
import { nearestIds } from './nearest';

export const CATALOG_CODE = 'controls-invalid';

/** A control as the schema guarantees it. */
interface RawControl {
  id: string;
  title: string;
  split: Record<ServiceModel, Owner>;
  note?: string;
  notes?: Partial<Record<ServiceModel, string>>;
  inherited?: { scope: string; evidence: string };
  related?: string[];
}

interface RawClause {
  id: string;
  title: string;
  annexA: string;
  cloudGuidance?: boolean;
}

type RawService = { service: string; model: ServiceModel } & Partial<Record<CheckFamily, string[]>>;

/** A schema-valid catalog file with its nodes, so errors can point at them. */
export interface CatalogFile<T> {
  yaml: YamlFile;
  data: T;
}

export interface CatalogFiles {
  iso27001: CatalogFile<{ controls: RawControl[] }>;
  iso27017: CatalogFile<{ cloud: RawControl[]; clauses: RawClause[] }>;
  serviceModels: CatalogFile<{ models: Record<ServiceModel, ServiceModelInfo>; services: RawService[] }>;
}

type Report = (file: CatalogFile<unknown>, segments: Segment[], message: string) => void;

/**
 * The catalog from its schema-valid files, checking what the schema cannot: each control and
 * each resource type prefix listed once, and every Annex A control a clause or a cloud control
 * refers to present in iso27001.yaml. Errors point at the offending line.
 */
export function buildCatalog(files: CatalogFiles): { catalog?: ControlCatalog; errors: Notice[] } {
  const errors: Notice[] = [];
  const report: Report = (file, segments, message) => {
    errors.push({ level: 'error', code: CATALOG_CODE, file: file.yaml.rel, range: rangeOf(file.yaml, nodeAt(file.yaml, segments)), message });
  };

  const controls: Record<Standard, Map<string, Control>> = { iso27001: new Map(), iso27017: new Map() };
  const firstLines = new Map<string, number>();
  const add = (standard: Standard, control: Control, file: CatalogFile<unknown>, at: Segment[]) => {
    const line = rangeOf(file.yaml, nodeAt(file.yaml, at)).start.line;
    const first = firstLines.get(control.id);
    if (first !== undefined) {
      report(file, at, `"${control.id}" is already listed at line ${first}; list each control once.`);
      return;
    }
    firstLines.set(control.id, line);
    controls[standard].set(control.id, control);
  };
  const annexA = (id: string, file: CatalogFile<unknown>, at: Segment[]): Control | undefined => {
    const found = controls.iso27001.get(id);
    if (!found) report(file, at, `"${id}" is not a control of ${files.iso27001.yaml.rel} (nearest: ${nearestIds(id, controls.iso27001.keys()).join(', ')}); add it there or correct the id.`);
    return found;
  };

  const { iso27001, iso27017 } = files;
  iso27001.data.controls.forEach((raw, i) => add('iso27001', toControl(raw, 'annex-a'), iso27001, ['controls', i, 'id']));
  iso27017.data.cloud.forEach((raw, i) => {
    raw.related?.forEach((id, j) => annexA(id, iso27017, ['cloud', i, 'related', j]));
    add('iso27017', toControl(raw, 'cloud'), iso27017, ['cloud', i, 'id']);
  });
  iso27017.data.clauses.forEach((raw, i) => {
    const target = annexA(raw.annexA, iso27017, ['clauses', i, 'annexA']);
    // A 2013 clause is its 2022 control under an older number: same split, same inherited part.
    // Its notes stay with that control, which the clause names.
    if (!target) return;
    const clause: Control = { id: raw.id, group: 'clause', title: raw.title, split: target.split, notes: {}, annexA: raw.annexA, cloudGuidance: raw.cloudGuidance ?? true };
    if (target.inherited) clause.inherited = target.inherited;
    add('iso27017', clause, iso27017, ['clauses', i, 'id']);
  });
  const services = serviceTable(files.serviceModels, report);

  if (errors.length) return { errors };
  return { catalog: { controls, models: files.serviceModels.data.models, services }, errors };
}

function toControl(raw: RawControl, group: ControlGroup): Control {
  const control: Control = { id: raw.id, group, title: raw.title, split: raw.split, notes: raw.notes ?? {} };
  if (raw.note) control.note = raw.note;
  if (raw.inherited) control.inherited = raw.inherited;
  if (raw.related) control.related = raw.related;
  return control;
}

function serviceTable(file: CatalogFiles['serviceModels'], report: Report): ServiceEntry[] {
  const owners = new Map<string, string>();
  return file.data.services.map((raw, i) => {
    const entry: ServiceEntry = { service: raw.service, model: raw.model, cloudformation: raw.cloudformation ?? [], terraform: raw.terraform ?? [] };
    for (const family of ['cloudformation', 'terraform'] as const) {
      entry[family].forEach((prefix, j) => {
        const first = owners.get(prefix);
        if (first !== undefined) report(file, ['services', i, family, j], `"${prefix}" is already listed for ${first}; list each prefix under one service.`);
        else owners.set(prefix, raw.service);
      });
    }
    return entry;
  });
}
