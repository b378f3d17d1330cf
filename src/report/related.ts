import type { Finding, RelatedLocation } from '../model';

/**
 * The places a reader needs besides the finding's own: where its value came from, then where
 * the resource was really written when it was made elsewhere (a module call, a CDK line).
 */
export function relatedPlaces(finding: Finding): RelatedLocation[] {
  // A Terraform resource's origins are the module calls that made it, outermost first.
  const made = finding.resource.family === 'terraform' ? 'is made through this module call' : 'is declared here';
  const origins = (finding.resource.origin ?? []).map((range) => ({ range, message: `${finding.resource.address} ${made}` }));
  return [...finding.related, ...origins];
}
