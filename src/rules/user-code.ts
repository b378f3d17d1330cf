import type { Range, RelatedLocation } from '../model';
import type { Failure } from './eval/outcome';

/**
 * Where a finding points when the failing resource was generated from code the user wrote (a CDK
 * construct): the line that set the failing top-level property when that was recorded, else the
 * line that created the resource. The generated template's place, which nobody edits, becomes the
 * first related location. Undefined when no such line is known: the template place stays primary.
 */
export function placeInUserCode(failure: Failure): { at: Range; related: RelatedLocation } | undefined {
  const code = failure.resource.userCode;
  if (!code) return undefined;
  const at = code.properties.get(topProperty(failure.path)) ?? code.created;
  if (!at) return undefined;
  const what = failure.path || failure.resource.address;
  return { at, related: { range: failure.at, message: `template location: ${what} in ${failure.at.file}` } };
}

/** `SecurityGroupIngress` of `SecurityGroupIngress[0].CidrIp`. */
function topProperty(path: string): string {
  const end = path.search(/[.[]/);
  return end === -1 ? path : path.slice(0, end);
}
