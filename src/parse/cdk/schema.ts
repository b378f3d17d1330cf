import type {
  ArtifactManifest,
  ArtifactMetadataEntryType,
  ArtifactType,
  AssemblyManifest,
  AwsCloudFormationStackProperties,
  MetadataEntry,
  NestedCloudAssemblyProperties,
  PropertyMutationMetadataEntry,
} from '@aws-cdk/cloud-assembly-schema';

// The names this reader looks for, checked against @aws-cdk/cloud-assembly-schema when type-checking.
// Only types are imported: the schema package and its JSON schemas stay out of the bundle.

type Key<T> = keyof T & string;

/** `manifest.json`: the file at the top of every cloud assembly, nested ones included. */
export const MANIFEST = 'manifest.json';

export const ARTIFACTS: Key<AssemblyManifest> = 'artifacts';
export const VERSION: Key<AssemblyManifest> = 'version';

export const TYPE: Key<ArtifactManifest> = 'type';
export const PROPERTIES: Key<ArtifactManifest> = 'properties';
export const DISPLAY_NAME: Key<ArtifactManifest> = 'displayName';
export const METADATA: Key<ArtifactManifest> = 'metadata';
export const METADATA_FILE: Key<ArtifactManifest> = 'additionalMetadataFile';

export const STACK_ARTIFACT: `${ArtifactType.AWS_CLOUDFORMATION_STACK}` = 'aws:cloudformation:stack';
export const TEMPLATE_FILE: Key<AwsCloudFormationStackProperties> = 'templateFile';

export const NESTED_ASSEMBLY: `${ArtifactType.NESTED_CLOUD_ASSEMBLY}` = 'cdk:cloud-assembly';
export const DIRECTORY_NAME: Key<NestedCloudAssemblyProperties> = 'directoryName';

export const ENTRY_TYPE: Key<MetadataEntry> = 'type';
export const ENTRY_DATA: Key<MetadataEntry> = 'data';
export const ENTRY_TRACE: Key<MetadataEntry> = 'trace';
export const LOGICAL_ID: `${ArtifactMetadataEntryType.LOGICAL_ID}` = 'aws:cdk:logicalId';
export const CREATION_STACK: `${ArtifactMetadataEntryType.CREATION_STACK}` = 'aws:cdk:creationStack';
export const PROPERTY_ASSIGNMENT: `${ArtifactMetadataEntryType.PROPERTY_ASSIGNMENT}` = 'aws:cdk:propertyAssignment';
export const PROPERTY_NAME: Key<PropertyMutationMetadataEntry> = 'propertyName';
export const PROPERTY_TRACE: Key<PropertyMutationMetadataEntry> = 'stackTrace';

/** Metadata entry naming the template of the stack or nested stack at its path (not in the schema's enum). */
export const TEMPLATE_FILE_ENTRY = 'aws:cdk:templateFile';

/** Resource `Metadata` keys aws-cdk-lib writes in templates: the construct path, and a nested stack's template. */
export const PATH_METADATA = 'aws:cdk:path';
export const ASSET_PATH_METADATA = 'aws:asset:path';
