import type { LineTable, Notice, Range } from '../../model';
import { mapAt, textAt } from '../document/nodes';
import { noticeAt } from '../document/notices';
import type { Node } from '../document/syntax';
import { ARTIFACTS, DIRECTORY_NAME, DISPLAY_NAME, METADATA, METADATA_FILE, NESTED_ASSEMBLY, PROPERTIES, STACK_ARTIFACT, TEMPLATE_FILE, TYPE } from './schema';

/** A file or folder an artifact names, relative to its manifest's folder, and where it is named. */
export interface NamedPath {
  name: string;
  at: Range;
}

export interface StackArtifact {
  id: string;
  /** How the app names the stack, hierarchically for a stack in a stage (`Prod/Storage`). */
  name: string;
  template?: NamedPath;
  metadataFile?: NamedPath;
  /** The artifact's own `metadata`, of the same shape as its metadata file. */
  metadata?: Node;
  /** The artifact's ID in the manifest, where problems with the artifact as a whole are reported. */
  at: Range;
}

/** A stage's own cloud assembly: a folder with its own manifest. */
export interface NestedAssembly {
  id: string;
  directory?: NamedPath;
  at: Range;
}

export interface Manifest {
  stacks: StackArtifact[];
  assemblies: NestedAssembly[];
}

/**
 * The artifacts of a manifest that hold resources: CloudFormation stacks and nested assemblies.
 * Other artifacts (asset manifests, the tree, reports) are not read.
 */
export function readManifest(root: Node, lines: LineTable): { manifest?: Manifest; notices: Notice[] } {
  const artifacts = mapAt(root, ARTIFACTS);
  if (!artifacts) {
    const notice = noticeAt(lines, 'warning', 'not-an-assembly', `Expected a cloud assembly manifest: a JSON object with "${ARTIFACTS}", as cdk synth writes it. The file was not scanned as a CDK app.`, root.start, root.start + 1);
    return { notices: [notice] };
  }
  const manifest: Manifest = { stacks: [], assemblies: [] };
  for (const { key: id, keyStart, keyEnd, value: artifact } of artifacts.entries.values()) {
    const at = lines.range(keyStart, keyEnd);
    const properties = mapAt(artifact, PROPERTIES);
    const type = textAt(artifact, TYPE);
    if (type === STACK_ARTIFACT) {
      manifest.stacks.push({
        id,
        name: textAt(artifact, DISPLAY_NAME) ?? id,
        template: namedPath(lines, properties, TEMPLATE_FILE),
        metadataFile: namedPath(lines, artifact, METADATA_FILE),
        metadata: mapAt(artifact, METADATA),
        at,
      });
    } else if (type === NESTED_ASSEMBLY) {
      manifest.assemblies.push({ id, directory: namedPath(lines, properties, DIRECTORY_NAME), at });
    }
  }
  return { manifest, notices: [] };
}

function namedPath(lines: LineTable, node: Node | undefined, key: string): NamedPath | undefined {
  const value = node?.kind === 'map' ? node.entries.get(key)?.value : undefined;
  const name = textAt(node, key);
  return value && name ? { name, at: lines.range(value.start, value.end) } : undefined;
}
