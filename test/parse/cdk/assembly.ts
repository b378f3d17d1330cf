/**
 * Hand-written cloud assemblies for the CDK tests: the manifest, template and metadata shapes
 * cdk synth writes (see fixtures/cdk-app/cdk.out for a real one), built small enough to read.
 */
import path from 'node:path';
import { cdk } from '../../../src/parse/cdk';
import { DEFAULT_LIMITS, type ParseResult } from '../../../src/parse/format';
import { Workspace } from '../../../src/parse/workspace';
import type { Resource } from '../../../src/model';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** `manifest.json` with the given artifacts. */
export function manifest(artifacts: Record<string, Json>): string {
  return json({ version: '55.0.0', artifacts });
}

export function stackArtifact(templateFile: string, extra: { displayName?: string; metadataFile?: string; metadata?: Json } = {}): Json {
  const artifact: Record<string, Json> = { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile } };
  if (extra.displayName) artifact.displayName = extra.displayName;
  if (extra.metadataFile) artifact.additionalMetadataFile = extra.metadataFile;
  if (extra.metadata) artifact.metadata = extra.metadata;
  return artifact;
}

export function stageArtifact(directoryName: string, displayName: string): Json {
  return { type: 'cdk:cloud-assembly', properties: { directoryName, displayName } };
}

/** A resource as CDK writes it: its construct path in `aws:cdk:path`, and any other metadata. */
export function cfnResource(type: string, constructPath: string | undefined, properties: Record<string, Json> = {}, metadata: Record<string, Json> = {}): Json {
  const meta = constructPath === undefined ? metadata : { 'aws:cdk:path': constructPath, ...metadata };
  return { Type: type, Properties: properties, Metadata: meta };
}

export function template(resources: Record<string, Json>): string {
  return json({ Resources: resources });
}

/** A metadata file (or an artifact's inline `metadata`): construct path → entries. */
export function metadataFile(entries: Record<string, Json[]>): string {
  return json(entries);
}

export const logicalId = (id: string): Json => ({ type: 'aws:cdk:logicalId', data: id });
export const creationStack = (...frames: string[]): Json => ({ type: 'aws:cdk:creationStack', data: frames });
export const propertyAssignment = (propertyName: string, ...stackTrace: string[]): Json => ({
  type: 'aws:cdk:propertyAssignment',
  data: { propertyName, stackTrace },
});
export const templateFileEntry = (file: string): Json => ({ type: 'aws:cdk:templateFile', data: file });

/** Pretty-printed, one key a line, as cdk synth writes: line numbers in assertions stay readable. */
export function json(value: Json): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}

/** Parses the assembly whose manifest is `manifestRel` under `root`, as the pipeline hands it over. */
export function parseAssemblyAt(root: string, manifestRel: string, text: string): ParseResult {
  return cdk.parse([{ path: path.join(root, manifestRel), rel: manifestRel, text, format: 'cdk', syntax: 'json' }], {
    root,
    parameters: new Map(),
    limits: DEFAULT_LIMITS,
    workspace: new Workspace(root, 10 << 20),
  });
}

export function byAddress(result: ParseResult, address: string, stack?: string): Resource {
  const found = result.resources.find((r) => r.address === address && (stack === undefined || r.context?.stack === stack));
  if (!found) throw new Error(`no resource ${address}; have ${result.resources.map((r) => `${r.context?.stack}/${r.address}`).join(', ')}`);
  return found;
}
