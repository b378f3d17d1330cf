import { textAt } from '../document/nodes';
import { scalarText, type Node } from '../document/syntax';
import {
  CREATION_STACK,
  ENTRY_DATA,
  ENTRY_TRACE,
  ENTRY_TYPE,
  LOGICAL_ID,
  PROPERTY_ASSIGNMENT,
  PROPERTY_NAME,
  PROPERTY_TRACE,
  TEMPLATE_FILE_ENTRY,
} from './schema';

/** Frames kept per trace: the user's frame comes within the first few, and a hostile trace may hold millions. */
const MAX_FRAMES = 64;

/** What synthesis recorded about one construct path (`/Prod/Storage/Bucket/Resource`). */
export interface ConstructFacts {
  logicalId?: string;
  /** `aws:cdk:creationStack`, or the `trace` of the logical ID entry, which is where older CDK versions put it. */
  creationStack?: string[];
  /** `aws:cdk:propertyAssignment` (synthesized with CDK_DEBUG=true), in the order recorded. */
  assignments: { property: string; trace: string[] }[];
  /** A stack's or nested stack's template, relative to its assembly folder. */
  templateFile?: string;
}

/**
 * The construct metadata of one stack artifact and its nested stacks: its `metadata` and its
 * `additionalMetadataFile` share one shape, construct path → `[{ type, data, trace? }]`.
 */
export class ConstructMetadata {
  private readonly byPath = new Map<string, ConstructFacts>();
  /** Built when first asked for, from everything added so far. */
  private byLogicalId?: Map<string, string[]>;
  private stackPaths?: string[];

  add(metadata: Node): void {
    if (metadata.kind !== 'map') return;
    for (const { key: path, value: entries } of metadata.entries.values()) {
      if (entries.kind !== 'seq') continue;
      for (const entry of entries.items) this.addEntry(path, entry);
    }
    this.byLogicalId = undefined;
    this.stackPaths = undefined;
  }

  get(path: string): ConstructFacts | undefined {
    return this.byPath.get(path);
  }

  /** The construct path of the stack or nested stack whose template is `templateFile`. */
  pathOfTemplate(templateFile: string): string | undefined {
    for (const [path, facts] of this.byPath) if (facts.templateFile === templateFile) return path;
    return undefined;
  }

  /** Every template named in the metadata, with the construct path of its stack. */
  templates(): { path: string; templateFile: string }[] {
    return [...this.byPath].flatMap(([path, facts]) => (facts.templateFile ? [{ path, templateFile: facts.templateFile }] : []));
  }

  /**
   * The construct path that has `logicalId` in the stack at `stackPath`, for templates synthesized
   * without `aws:cdk:path` resource metadata. Logical IDs are unique within a template only, so a
   * path inside a nested stack of that stack does not count.
   */
  pathOfLogicalId(logicalId: string, stackPath: string): string | undefined {
    this.stackPaths ??= this.templates().map((t) => t.path);
    const nested = this.stackPaths.filter((path) => isBelow(path, stackPath));
    return this.withLogicalId(logicalId).find((path) => isBelow(path, stackPath) && !nested.some((n) => isBelow(path, n)));
  }

  private withLogicalId(logicalId: string): string[] {
    if (!this.byLogicalId) {
      this.byLogicalId = new Map();
      for (const [path, facts] of this.byPath) {
        if (facts.logicalId === undefined) continue;
        const paths = this.byLogicalId.get(facts.logicalId);
        if (paths) paths.push(path);
        else this.byLogicalId.set(facts.logicalId, [path]);
      }
    }
    return this.byLogicalId.get(logicalId) ?? [];
  }

  private addEntry(path: string, entry: Node): void {
    const type = textAt(entry, ENTRY_TYPE);
    const field = (key: string) => (entry.kind === 'map' ? entry.entries.get(key)?.value : undefined);
    const data = field(ENTRY_DATA);
    if (data === undefined) return;
    switch (type) {
      case LOGICAL_ID: {
        const facts = this.factsOf(path);
        facts.logicalId = scalarText(data);
        const trace = field(ENTRY_TRACE);
        if (trace && !facts.creationStack) facts.creationStack = frames(trace);
        break;
      }
      case CREATION_STACK:
        this.factsOf(path).creationStack = frames(data);
        break;
      case PROPERTY_ASSIGNMENT: {
        const property = textAt(data, PROPERTY_NAME);
        const trace = data.kind === 'map' ? data.entries.get(PROPERTY_TRACE)?.value : undefined;
        if (property !== undefined && trace) this.factsOf(path).assignments.push({ property, trace: frames(trace) });
        break;
      }
      case TEMPLATE_FILE_ENTRY:
        this.factsOf(path).templateFile = scalarText(data);
        break;
    }
  }

  private factsOf(path: string): ConstructFacts {
    let facts = this.byPath.get(path);
    if (!facts) {
      facts = { assignments: [] };
      this.byPath.set(path, facts);
    }
    return facts;
  }
}

/** Is construct path `path` below `stack` (`/Dev/Bucket/Resource` below `/Dev`)? */
export function isBelow(path: string, stack: string): boolean {
  return path.length > stack.length && path.startsWith(stack) && path[stack.length] === '/';
}

function frames(node: Node): string[] {
  if (node.kind !== 'seq') return [];
  const out: string[] = [];
  for (const item of node.items.slice(0, MAX_FRAMES)) {
    if (item.kind === 'scalar' && typeof item.value === 'string') out.push(item.value);
  }
  return out;
}
