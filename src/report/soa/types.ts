import type { Control, Notice, Range, Rule, ServiceModel, Standard, Suppression } from '../../model';

/**
 * The Statement-of-Applicability evidence of one scan, independent of markup, so the Markdown and
 * JSON forms cannot drift. Built by `buildSoa`; see docs/soa.md.
 */
export interface Soa {
  scan: ScanFacts;
  services: ServicesInUse;
  /** A.5.23, which the scan itself evidences in part; absent only if the catalog lacks it. */
  cloudUse?: CloudUse;
  /** Annex A and ISO/IEC 27017 cloud controls that rules which ran evidence, by control id. */
  controls: ControlEvidence[];
  /** What the provider operates for the services in use; empty when none is in use. */
  inherited: InheritedControl[];
  /** Controls of the catalog no rule that ran evidences and the provider does not operate. */
  notCovered: CatalogControl[];
  summary: SoaSummary;
}

export interface ScanFacts {
  /** YYYY-MM-DD, the scan's own date. */
  date: string;
  toolVersion: string;
  /** Scanned files, relative to the scan root, sorted. */
  files: string[];
  rules: number;
  /** Errors and warnings; an error means some input went unchecked. */
  problems: Notice[];
  /** False when any error notice says part of the input was not checked. */
  complete: boolean;
}

export interface ServicesInUse {
  /** Per service model with resources in the scan, in model order. */
  models: { model: ServiceModel; title: string; summary: string; services: { service: string; resources: number }[] }[];
  /** Resource types the catalog's service table does not cover (another provider, a custom resource), by type. */
  unmapped: { type: string; resources: number }[];
}

/** A catalog control, with the standard it is listed in. */
export interface CatalogControl {
  control: Control;
  standard: Standard;
}

/**
 * A resource's state under one rule, gravest first: a finding open, an outcome that waits for
 * deployment, a finding accepted by a suppression, a pass, or out of the rule's scope.
 */
export type ResourceState = 'failed' | 'undecided' | 'accepted' | 'passed' | 'not-applicable';
export const RESOURCE_STATES: readonly ResourceState[] = ['failed', 'undecided', 'accepted', 'passed', 'not-applicable'];

/** One line of evidence: a rule's outcome on a resource, or one finding of it. */
export interface ResourceRow {
  state: ResourceState;
  rule: string;
  /** File and address: the same resource however many views of it were scanned. */
  place: string;
  /** The address with its stack or module, as other reports show it. */
  address: string;
  constructPath?: string;
  type: string;
  /** The finding's place for failed and accepted rows, else where the resource is written. */
  at: Range;
  model?: ServiceModel;
  service?: string;
  /** Failed and accepted: the finding's message. */
  message?: string;
  /** Undecided: what waits for deployment. */
  why?: string;
  /** Passed: only by the provider's default. */
  byDefault?: boolean;
  /** Accepted: the suppression and its justification. */
  suppression?: Suppression;
}

/** A control's status, from its resources' gravest states; `not-exercised` when no resource was in scope. */
export type ControlStatus = 'failing' | 'undecided' | 'accepted' | 'passing' | 'not-exercised';

export interface RuleEvidence {
  rule: Rule;
  /** The ids the rule names this control by: the control's own, or a 2013 clause that is it in 2022. */
  via: string[];
  /** Resources in the rule's scope (not-applicable ones left out). */
  resources: number;
  /** Distinct resources by their gravest state under this rule, not-applicable ones included. */
  counts: Record<ResourceState, number>;
}

export interface ControlEvidence extends CatalogControl {
  /** The ISO/IEC 27002:2013 clauses (with or without ISO/IEC 27017 cloud guidance) that are this control in 2022. */
  guidance: Control[];
  status: ControlStatus;
  rules: RuleEvidence[];
  /** Gravest state first, then by place in the code. */
  rows: ResourceRow[];
  /** Distinct resources by their gravest state under this control's rules. */
  counts: Record<ResourceState, number>;
  /** The service models of the resources in scope, with their services: where the split applies here. */
  inUse: { model: ServiceModel; services: string[] }[];
}

export interface InheritedControl extends CatalogControl {
  guidance: Control[];
  scope: string;
  evidence: string;
}

export interface CloudUse extends CatalogControl {
  /** Services in use, by service model, then by name. */
  services: string[];
  /** Resources some rule checked. */
  checked: number;
}

export interface SoaSummary {
  controls: {
    /** With a resource in scope of their rules. */
    evidenced: number;
    failing: number;
    undecided: number;
    accepted: number;
    passing: number;
    /** Evidenced by rules that found no resource in scope here. */
    notExercised: number;
    inherited: number;
    notCovered: number;
  };
  /** Distinct resources: all scanned, then those in some rule's scope by their gravest state. */
  resources: { scanned: number; checked: number } & Record<ResourceState, number>;
  files: number;
  errors: number;
  complete: boolean;
}
