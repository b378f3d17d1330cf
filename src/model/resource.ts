import type { CheckFamily, FormatId, Range } from './source';
import type { MapValue, Value } from './value';

/** One resource as a rule sees it: a type, an address and an attribute tree. No syntax. */
export interface Resource {
  /** Unique across the whole scan; what `ResourceRef.key` points at. e.g. `templates/app.yaml#Bucket`. */
  key: string;
  /** What users call it: the logical ID, or the Terraform address (`module.x.aws_s3_bucket.b["k"]`). */
  address: string;
  /** `AWS::S3::Bucket`, `aws_s3_bucket`. */
  type: string;
  format: FormatId;
  /** Which rule checks apply to it. */
  family: CheckFamily;
  /** File the resource is defined in, relative to the scan root. */
  file: string;
  /**
   * What one deployment holds and references can reach: a template, a Terraform root module.
   * Relations never look beyond it, so an unknown in one stack cannot mute findings in another.
   * Defaults to `file`.
   */
  unit?: string;
  /** CloudFormation: the resolved `Properties` (an empty map when absent). Terraform: the block body. */
  attributes: MapValue;
  /** The logical-ID key or the block header: where a finding about a missing property points. */
  range: Range;
  /** The user's own place when the resource was made elsewhere: a module call, a CDK source line. */
  origin?: Range[];
  /** Resource-level data that is not a property (CloudFormation `Metadata`), used by suppressions. */
  metadata?: Value;
  /** Display context: the stack, construct path or module the resource belongs to. */
  context?: { stack?: string; constructPath?: string; module?: string };
}
