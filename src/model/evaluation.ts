import type { Resource } from './resource';
import type { Range } from './source';

/**
 * What one rule made of one resource: it holds (`pass`), it does not (`fail`, with findings), it
 * cannot be decided before deployment (`unknown`: a value the code leaves to deployment time), or
 * the rule's `where` leaves the resource out (`not-applicable`).
 */
export type CheckOutcome = 'pass' | 'fail' | 'unknown' | 'not-applicable';

/**
 * One rule's outcome on one resource, kept for evidence reports (which resources a control's
 * rules checked, not only the ones that failed). Keys, not values, so a large scan stays small.
 */
export interface Evaluation {
  /** The rule's id. */
  rule: string;
  /** The checked resource's `Resource.key`; `ScanResult.resources` has it. */
  resource: string;
  outcome: CheckOutcome;
  /** `unknown`: why the outcome cannot be decided, e.g. "StorageEncrypted is unknown: Ref to parameter Encrypt". */
  why?: string;
  /** `pass`: it holds only by the provider's default, not by a value the code writes. */
  byDefault?: boolean;
}

/** A resource as evidence reports list it: where it is and what it is, without its attribute values. */
export interface ScannedResource {
  key: string;
  address: string;
  type: string;
  format: Resource['format'];
  family: Resource['family'];
  /** The file it was read from, relative to the scan root. */
  file: string;
  /** Where the user wrote it: the CDK app's line for a synthesized resource, else the resource itself. */
  at: Range;
  context?: Resource['context'];
}
