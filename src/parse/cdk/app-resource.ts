import { literalText, mapEntry, type Resource } from '../../model';
import type { NamedPath } from './manifest';
import type { ConstructMetadata } from './metadata';
import { ASSET_PATH_METADATA, PATH_METADATA } from './schema';
import type { SourceFiles } from './source-files';
import { userCodeOf } from './user-code';

/** The stack a template belongs to, as the app names it. */
export interface StackScope {
  /** `Prod/Storage`; `Prod/Storage/Audit` for a nested stack. */
  name: string;
  /** Its construct path as the metadata keys it (`/Prod/Storage`), when known. */
  path?: string;
}

/**
 * A template's resource as part of a CDK app: format `cdk` (its family stays `cloudformation`, so
 * every CloudFormation check applies), its stack and construct path for reports, and the lines of
 * the app that made it.
 */
export function appResource(resource: Resource, stack: StackScope, metadata: ConstructMetadata, sources: SourceFiles): Resource {
  const written = literalText(mapEntry(resource.metadata, PATH_METADATA));
  const path = written !== undefined ? `/${written.replace(/^\/+/, '')}` : stack.path && metadata.pathOfLogicalId(resource.address, stack.path);
  const app: Resource = { ...resource, format: 'cdk', context: { stack: stack.name } };
  if (!path) return app;
  app.context = { stack: stack.name, constructPath: path.slice(1) };
  const userCode = userCodeOf(path, stack.path, metadata, sources);
  if (userCode) app.userCode = userCode;
  return app;
}

/** The template of the nested stack a resource deploys, from the `aws:asset:path` CDK gives it. */
export function nestedTemplateOf(resource: Resource): NamedPath | undefined {
  if (resource.type !== 'AWS::CloudFormation::Stack') return undefined;
  const value = mapEntry(resource.metadata, ASSET_PATH_METADATA);
  const name = literalText(value);
  return value && name ? { name, at: value.range } : undefined;
}
