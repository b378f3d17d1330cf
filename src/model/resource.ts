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
  /** The user's own place when the resource was made elsewhere (a module call), shown as related places. */
  origin?: Range[];
  /**
   * Where the user's own code made the resource, when the file it was read from was generated
   * (a CDK template): findings point here, and the generated place becomes a related location.
   */
  userCode?: UserCodePlaces;
  /** Resource-level data that is not a property (CloudFormation `Metadata`), used by suppressions. */
  metadata?: Value;
  /**
   * The `Metadata` of the whole template the resource is in, shared by its resources (the same
   * object), where suppressions for every resource of a stack are written (cdk-nag's
   * `addStackSuppressions`).
   */
  templateMetadata?: Value;
  /** Display context: the stack, construct path or module the resource belongs to. */
  context?: { stack?: string; constructPath?: string; module?: string };
}

/** Lines of the user's source that made a resource (a CDK app's `new Bucket(…)`), as far as they are known. */
export interface UserCodePlaces {
  /** The statement that created the resource. */
  created?: Range;
  /** By top-level attribute name, the statement that last set it. */
  properties: Map<string, Range>;
}
