import type { SuppliedParameter } from '../format';
import { scalarText, type MapEntry, type MapNode, type Node } from '../document/syntax';

export interface Parameter {
  name: string;
  type: string;
  noEcho: boolean;
  /** The `Default` as written. */
  default?: Node;
  /** A value given at scan time; it wins over the Default. */
  supplied?: SuppliedParameter;
}

/** The sections of a template that resolution looks things up in. */
export interface Sections {
  parameters: Map<string, Parameter>;
  mappings: Map<string, MapEntry>;
  conditions: Map<string, MapEntry>;
  resources: Map<string, MapEntry>;
  /** SAM's `Globals`, by section (`Function`, `Api`, …). */
  globals: Map<string, MapEntry>;
  /** The template's own `Metadata`. */
  metadata?: Node;
  /** `Transform` names the SAM transform, which adds resources of its own (sam-implicit-apis.ts). */
  samTransform: boolean;
}

const EMPTY = new Map<string, MapEntry>();

export function readSections(root: MapNode, supplied: Map<string, SuppliedParameter>): Sections {
  return {
    parameters: readParameters(section(root, 'Parameters'), supplied),
    mappings: section(root, 'Mappings'),
    conditions: section(root, 'Conditions'),
    resources: section(root, 'Resources'),
    globals: section(root, 'Globals'),
    metadata: root.entries.get('Metadata')?.value,
    samTransform: transformNames(root).includes('AWS::Serverless-2016-10-31'),
  };
}

/** The macros `Transform` names: one name or a list of them. */
function transformNames(root: MapNode): string[] {
  const node = root.entries.get('Transform')?.value;
  const items = node?.kind === 'seq' ? node.items : [node];
  return items.map(scalarText).filter((name) => name !== undefined);
}

function section(root: MapNode, name: string): Map<string, MapEntry> {
  const node = root.entries.get(name)?.value;
  return node?.kind === 'map' ? node.entries : EMPTY;
}

function readParameters(entries: Map<string, MapEntry>, supplied: Map<string, SuppliedParameter>): Map<string, Parameter> {
  const parameters = new Map<string, Parameter>();
  for (const [name, { value }] of entries) {
    const fields = value.kind === 'map' ? value.entries : EMPTY;
    parameters.set(name, {
      name,
      type: scalarText(fields.get('Type')?.value) ?? 'String',
      noEcho: scalarText(fields.get('NoEcho')?.value)?.toLowerCase() === 'true',
      default: fields.get('Default')?.value,
      supplied: supplied.get(name),
    });
  }
  return parameters;
}

/** `CommaDelimitedList` and `List<…>` parameters are lists; their members are trimmed. */
export function isListType(type: string): boolean {
  return type === 'CommaDelimitedList' || type.startsWith('List<');
}

/** `AWS::SSM::Parameter::Value<…>` parameters hold a Parameter Store name; the value is read at deploy time. */
export function isSsmType(type: string): boolean {
  return type.startsWith('AWS::SSM::Parameter::Value<');
}
