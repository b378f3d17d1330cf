import type { Range, UserCodePlaces } from '../../model';
import { isUserFrame, parseFrame } from './frames';
import { isBelow, type ConstructMetadata } from './metadata';
import type { SourceFiles } from './source-files';

/** Most constructs above a resource asked for a creation stack: a hostile path may be endlessly deep. */
const MAX_ANCESTORS = 32;

/**
 * The lines of the app that made the construct at `path`: where it was created (its own creation
 * stack, else that of the nearest construct above it inside its stack, as an L2's child may have
 * none), and where each property was last set when synthesis recorded that. Undefined when no
 * line could be found in the scan root.
 */
export function userCodeOf(path: string, stackPath: string | undefined, metadata: ConstructMetadata, files: SourceFiles): UserCodePlaces | undefined {
  let created: Range | undefined;
  let at: string | undefined = path;
  for (let asked = 0; at && !created && asked <= MAX_ANCESTORS; asked++, at = parentWithin(at, stackPath)) {
    const trace = metadata.get(at)?.creationStack;
    if (trace) created = userLine(trace, files);
  }
  const properties = new Map<string, Range>();
  // In recorded order: a later assignment is the one that stands.
  for (const { property, trace } of metadata.get(path)?.assignments ?? []) {
    const line = userLine(trace, files);
    if (line) properties.set(property, line);
  }
  return created || properties.size ? { ...(created ? { created } : {}), properties } : undefined;
}

/**
 * The first frame of a trace that lies in the user's code and names a file in the scan root. A
 * frame whose file is not in the root (compiled output that is not committed) gives way to its
 * caller, which is still a line of the app that led to the resource.
 */
function userLine(trace: readonly string[], files: SourceFiles): Range | undefined {
  for (const text of trace) {
    const frame = parseFrame(text);
    if (!frame || !isUserFrame(frame)) continue;
    const file = files.rel(frame.file);
    if (file === undefined) continue;
    const at = { line: frame.line, column: frame.column };
    return { file, start: at, end: at };
  }
  return undefined;
}

/** The construct above `path`, while it is still inside the stack (the stack's own creation is not the resource's). */
function parentWithin(path: string, stackPath: string | undefined): string | undefined {
  const parent = path.slice(0, path.lastIndexOf('/'));
  return stackPath !== undefined && isBelow(parent, stackPath) ? parent : undefined;
}
