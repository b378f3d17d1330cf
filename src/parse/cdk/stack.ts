import path from 'node:path';
import type { ParseOptions, ParseResult } from '../format';
import { parseTemplate } from '../cloudformation';
import { LineTable } from '../../model';
import { readJson } from '../document/read-json';
import { appResource, nestedTemplateOf, type StackScope } from './app-resource';
import type { AssemblyFiles } from './assembly-files';
import { noticeAtRange } from '../document/notices';
import type { NamedPath, StackArtifact } from './manifest';
import { ConstructMetadata } from './metadata';
import type { SourceFiles } from './source-files';

/** Most levels of nested stacks followed below a stack; CDK apps nest a handful at most. */
const MAX_NESTING = 16;

/** What the stacks of one assembly share while they are read. */
export interface StackContext {
  files: AssemblyFiles;
  sources: SourceFiles;
  options: ParseOptions;
  out: ParseResult;
}

interface Template extends StackScope {
  file: NamedPath;
  /** Levels of nested stacks above it. */
  depth: number;
}

/**
 * One stack artifact: its construct metadata, its template and its nested stacks' templates, each
 * parsed by the CloudFormation parser and its resources placed in the app. Nested templates are
 * those the metadata names (`aws:cdk:templateFile`) and those the `aws:asset:path` of an
 * `AWS::CloudFormation::Stack` resource names (an app synthesized without stack traces may lack
 * the first, one without asset metadata the second); each is read once.
 */
export function readStack(stack: StackArtifact, dir: string, context: StackContext): void {
  if (!stack.template) {
    context.out.notices.push(noticeAtRange(stack.at, 'error', 'stack-without-template', `stack artifact ${stack.id} names no properties.templateFile, so its template cannot be found; it was not scanned. Run cdk synth again to rewrite the assembly.`));
    return;
  }
  const metadata = readMetadata(stack, dir, context);
  const queue: Template[] = [];
  const queued = new Set<string>();
  const enqueue = (template: Template) => {
    const abs = path.resolve(dir, template.file.name);
    if (queued.has(abs)) return;
    queued.add(abs);
    queue.push(template);
  };
  enqueue({ file: stack.template, name: stack.name, path: metadata.pathOfTemplate(stack.template.name) ?? `/${stack.name}`, depth: 0 });
  for (const named of metadata.templates()) enqueue({ file: { name: named.templateFile, at: stack.at }, name: named.path.slice(1), path: named.path, depth: 1 });
  for (let template = queue.shift(); template; template = queue.shift()) {
    for (const nested of readTemplate(template, dir, metadata, context)) enqueue(nested);
  }
}

/** Parses one template into the app's resources; returns the nested stacks' templates it names. */
function readTemplate(template: Template, dir: string, metadata: ConstructMetadata, { files, sources, options, out }: StackContext): Template[] {
  const file = files.open(dir, template.file, `the template of ${template.depth ? 'nested stack' : 'stack'} ${template.name}`, out.notices);
  if (!file) return [];
  const parsed = parseTemplate({ path: file.abs, rel: file.rel, text: file.text, format: 'cdk', syntax: 'json' }, options);
  out.notices.push(...parsed.notices);
  const nested: Template[] = [];
  for (const resource of parsed.resources) {
    out.resources.push(appResource(resource, template, metadata, sources));
    const link = nestedTemplateOf(resource);
    if (!link) continue;
    if (template.depth >= MAX_NESTING) {
      out.notices.push(noticeAtRange(link.at, 'warning', 'nesting-limit', `nested stacks go deeper than ${MAX_NESTING} levels here; ${link.name} and those below it were not scanned.`));
      continue;
    }
    const constructPath = metadata.pathOfTemplate(link.name);
    nested.push({ file: link, name: constructPath?.slice(1) ?? `${template.name}/${resource.address}`, path: constructPath, depth: template.depth + 1 });
  }
  return nested;
}

/** The artifact's inline metadata and its metadata file; without them, findings stay in the template. */
function readMetadata(stack: StackArtifact, dir: string, { files, options, out }: StackContext): ConstructMetadata {
  const metadata = new ConstructMetadata();
  if (stack.metadata) metadata.add(stack.metadata);
  if (!stack.metadataFile) return metadata;
  const file = files.open(dir, stack.metadataFile, `the metadata file of stack ${stack.name}`, out.notices);
  if (!file) return metadata;
  const syntax = readJson(file.text, new LineTable(file.rel, file.text), options.limits);
  out.notices.push(...syntax.notices);
  if (syntax.root) metadata.add(syntax.root);
  return metadata;
}
