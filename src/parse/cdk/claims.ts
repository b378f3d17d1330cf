import { ARTIFACTS, MANIFEST, VERSION } from './schema';

/**
 * Is this a cloud assembly's manifest? A file named `manifest.json` holding a JSON object that
 * mentions `artifacts` and `version`. Decided from the text without parsing it; a manifest.json of
 * another kind (a web app's) that passes is told it is not an assembly when parsed.
 */
export function claimsManifest(rel: string, text: string): 'json' | undefined {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  if (name !== MANIFEST) return undefined;
  if (/\S/.exec(text)?.[0] !== '{') return undefined;
  return text.includes(`"${ARTIFACTS}"`) && text.includes(`"${VERSION}"`) ? 'json' : undefined;
}
