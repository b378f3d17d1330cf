import type { Finding, RelatedLocation } from '../model';

/**
 * The places a reader needs besides the finding's own: where its value came from, then where
 * the resource was really written when it was made elsewhere (a module call, a CDK line).
 */
export function relatedPlaces(finding: Finding): RelatedLocation[] {
  const origins = (finding.resource.origin ?? []).map((range) => ({
    range,
    message: `${finding.resource.address} is declared here`,
  }));
  return [...finding.related, ...origins];
}
