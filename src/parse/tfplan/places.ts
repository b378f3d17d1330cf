import type { Range } from '../../model';

/**
 * Where things are written in a module's `.tf` files: what the plan's resources are mapped back
 * to, so that findings point at the user's code rather than at generated JSON. Behind an
 * interface, so the mapping does not depend on how `.tf` files are read.
 */
export interface ConfigPlaces {
  /** The `resource "type" "name"` block among the `.tf` files of folder `dir` (absolute). */
  resource(dir: string, type: string, name: string): BlockPlace | undefined;
  /** The header of the `module "name"` block among the `.tf` files of `dir`. */
  moduleCall(dir: string, name: string): Range | undefined;
}

export interface BlockPlace {
  /** `resource "aws_s3_bucket" "b"`, `versioning`: where a finding about a missing property points. */
  header: Range;
  body: BodyPlace;
}

export interface BodyPlace {
  /** `name = value`: the name and the value expression. */
  attributes: Map<string, { name: Range; value: Range }>;
  /** Nested blocks by type, in the order written. */
  blocks: Map<string, BlockPlace[]>;
  /** `dynamic "type"` blocks, by the type they generate: how many they make is not written. */
  dynamic: Map<string, Range>;
}
