import path from 'node:path';
import { LineTable, type SourceFile } from '../../model';
import type { ParseOptions, ParseResult } from '../format';
import { readJson } from '../document/read-json';
import { AssemblyFiles, type AssemblyFile } from './assembly-files';
import { noticeAtRange } from '../document/notices';
import { readManifest } from './manifest';
import { MANIFEST } from './schema';
import { sourceComments } from './source-comments';
import { SourceFiles } from './source-files';
import { readStack, type StackContext } from './stack';

/** Most levels of nested assemblies (stages within stages) followed. */
const MAX_STAGE_DEPTH = 16;

/**
 * One cloud assembly, from the manifest.json discovery handed over: the stacks of its manifest and
 * of its nested assemblies (stages, each in its own `assembly-*` folder with its own manifest).
 * Asset folders (`asset.*`) are never read: no manifest entry read here leads into them, and
 * discovery gives no other parser any file of the assembly.
 */
export function parseAssembly(manifest: SourceFile, options: ParseOptions): ParseResult {
  const folder = path.dirname(manifest.path);
  const files = new AssemblyFiles(folder, options.workspace);
  files.markRead(manifest.path);
  const context: StackContext = {
    files,
    // Stack traces are matched against the app's folder first: the one holding cdk.out.
    sources: new SourceFiles(options.workspace, path.dirname(folder)),
    options,
    out: { resources: [], notices: [], comments: [] },
  };
  readAssembly({ abs: manifest.path, rel: manifest.rel, text: manifest.text }, 0, context);
  context.out.comments.push(...sourceComments(context.out.resources, options.workspace));
  return context.out;
}

function readAssembly(file: AssemblyFile, depth: number, context: StackContext): void {
  const { out } = context;
  const lines = new LineTable(file.rel, file.text);
  const syntax = readJson(file.text, lines, context.options.limits);
  out.notices.push(...syntax.notices);
  if (!syntax.root) return;
  const { manifest, notices } = readManifest(syntax.root, lines);
  out.notices.push(...notices);
  if (!manifest) return;
  const dir = path.dirname(file.abs);
  for (const stack of manifest.stacks) readStack(stack, dir, context);
  for (const nested of manifest.assemblies) {
    if (!nested.directory) {
      out.notices.push(noticeAtRange(nested.at, 'error', 'assembly-without-directory', `nested assembly ${nested.id} names no properties.directoryName, so its stacks cannot be found; they were not scanned.`));
    } else if (depth >= MAX_STAGE_DEPTH) {
      out.notices.push(noticeAtRange(nested.at, 'warning', 'nesting-limit', `nested assemblies go deeper than ${MAX_STAGE_DEPTH} levels here; ${nested.id} and those below it were not scanned.`));
    } else {
      const named = { name: path.join(nested.directory.name, MANIFEST), at: nested.directory.at };
      const inner = context.files.open(dir, named, `the manifest of nested assembly ${nested.id}`, out.notices);
      if (inner) readAssembly(inner, depth + 1, context);
    }
  }
}
