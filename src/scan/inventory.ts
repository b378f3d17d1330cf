import { compareText, type Resource, type ScannedResource } from '../model';

/**
 * The resources as evidence reports list them: where each is and what it is, sorted by the place
 * a reader knows it by. Attribute values stay behind, so the result holds no more than a line a resource.
 */
export function inventory(resources: readonly Resource[]): ScannedResource[] {
  return resources.map(scannedResource).sort(compareScanned);
}

function scannedResource(resource: Resource): ScannedResource {
  const scanned: ScannedResource = {
    key: resource.key,
    address: resource.address,
    type: resource.type,
    format: resource.format,
    family: resource.family,
    file: resource.file,
    at: resource.userCode?.created ?? resource.range,
  };
  if (resource.context) scanned.context = resource.context;
  return scanned;
}

function compareScanned(a: ScannedResource, b: ScannedResource): number {
  return (
    compareText(a.at.file, b.at.file) ||
    a.at.start.line - b.at.start.line ||
    a.at.start.column - b.at.start.column ||
    compareText(a.address, b.address) ||
    compareText(a.key, b.key)
  );
}
