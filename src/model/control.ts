import type { Owner } from './rule';

/**
 * How much of a service the provider runs, after AWS's shared-responsibility model:
 * `infrastructure` (EC2: the customer patches the operating system), `container` (RDS: the
 * provider patches, the customer configures), `abstracted` (S3, DynamoDB: the provider runs
 * everything below the API and sets the defaults).
 */
export type ServiceModel = 'infrastructure' | 'container' | 'abstracted';
export const SERVICE_MODELS: readonly ServiceModel[] = ['infrastructure', 'container', 'abstracted'];

/** The two lists a rule names its controls in (`controls.iso27001`, `controls.iso27017`). */
export type Standard = 'iso27001' | 'iso27017';

/**
 * Where a control comes from: ISO/IEC 27001:2022 Annex A, one of ISO/IEC 27017's own cloud
 * controls (`CLD.x.y.z`), or an ISO/IEC 27002:2013 clause as ISO/IEC 27017 takes it over.
 */
export type ControlGroup = 'annex-a' | 'cloud' | 'clause';

export interface Control {
  /** As rules name it: `A.8.24`, `CLD.9.5.2`, `12.4.1`. */
  id: string;
  group: ControlGroup;
  /** The standard's own short title. */
  title: string;
  /** Who operates the control in each service model. */
  split: Record<ServiceModel, Owner>;
  /** One line on the control as a whole, where it helps. */
  note?: string;
  /** Why the split is so in one model, where a line helps. */
  notes: Partial<Record<ServiceModel, string>>;
  /** The part the provider operates and no infrastructure code can show, and how a customer evidences it. */
  inherited?: { scope: string; evidence: string };
  /** A clause's ISO/IEC 27001:2022 Annex A control (ISO/IEC 27002:2022 Annex B); its split is that control's, its notes are there. */
  annexA?: string;
  /** A clause's: whether ISO/IEC 27017 adds cloud guidance to it (it does to 37), or applies ISO/IEC 27002's text unchanged. */
  cloudGuidance?: boolean;
  /** A cloud control's closest Annex A controls: the catalog's reading, as no official correspondence exists. */
  related?: string[];
}

/** AWS services by resource type, so a resource's service model is known. */
export interface ServiceEntry {
  service: string;
  model: ServiceModel;
  /** CloudFormation service namespaces: `AWS::EC2` covers `AWS::EC2::Instance`. */
  cloudformation: string[];
  /** Terraform type prefixes: `aws_db` covers `aws_db_instance`, not `aws_dbx`. */
  terraform: string[];
}

export interface ServiceModelInfo {
  title: string;
  summary: string;
}

/** The controls catalog shipped in `controls/` (see docs/controls.md). */
export interface ControlCatalog {
  /** By the list a rule names them in; each map in the catalog files' order. */
  controls: Record<Standard, Map<string, Control>>;
  models: Record<ServiceModel, ServiceModelInfo>;
  services: ServiceEntry[];
}
