import type { ConfigFile } from './config-files';
import type { Attribute, Block, Body, Expression } from './hcl/ast';
import { parseExpression } from './hcl';
import { pinSpans } from './json-syntax';
import type { NoticeSink } from './notices';
import { mergeOverrideFiles } from './overrides';
import { readType, type TypeConstraint } from './type-constraints';

/**
 * What one module folder declares, across its files: the static shape, before anything is
 * evaluated. Declarations keep their file so their expressions can be placed.
 */
export interface ModuleConfig {
  /** Absolute folder. */
  dir: string;
  variables: Map<string, VariableDecl>;
  locals: Map<string, LocalDecl>;
  outputs: Map<string, Declared>;
  /** Managed resources and data sources in file and source order. */
  resources: ResourceDecl[];
  /** By `managed.type.name` or `data.type.name`. */
  resourceByName: Map<string, ResourceDecl>;
  /** Managed resource types declared, so `aws_x.y` is known as a reference. */
  managedTypes: Set<string>;
  calls: Map<string, CallDecl>;
}

export interface Declared {
  name: string;
  /** The file of the block; with override files merged in, a copy whose line table also places the overrides' nodes. */
  file: ConfigFile;
  block: Block;
  /** The override files merged into the block (relative paths), in the order they were applied. */
  overrides?: string[];
}

export interface VariableDecl extends Declared {
  default?: Attribute;
  sensitive: boolean;
  /** `nullable = false`: a null argument takes the default. */
  nullable: boolean;
  /** What values given to it are converted to (`any` when it has no type). */
  type: TypeConstraint;
}

export interface LocalDecl {
  name: string;
  file: ConfigFile;
  attribute: Attribute;
}

export interface ResourceDecl extends Declared {
  mode: 'managed' | 'data';
  type: string;
}

export interface CallDecl extends Declared {
  /** The `source` as written (Terraform requires a literal string). */
  source?: string;
}

export function readModuleConfig(dir: string, files: ConfigFile[], notices: NoticeSink): ModuleConfig {
  const config: ModuleConfig = {
    dir,
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    resources: [],
    resourceByName: new Map(),
    managedTypes: new Set(),
    calls: new Map(),
  };
  const declare = <T extends { name: string; file: ConfigFile }>(map: Map<string, T>, what: string, decl: T, at: { start: number; end: number }) => {
    if (map.has(decl.name)) {
      notices.warn('duplicate-declaration', `${what} "${decl.name}" is declared twice in this module; Terraform would stop here. The first declaration is used.`, decl.file.lines.range(at.start, at.end));
    } else map.set(decl.name, decl);
  };
  const merged = mergeOverrideFiles(files, notices);
  for (const file of merged.files) {
    for (const item of file.body.items) {
      if (item.type !== 'Block') continue;
      const [first, second] = item.labels.map((l) => l.value);
      const overrides = merged.overriddenBy.get(item);
      switch (item.blockType) {
        case 'variable':
          if (first !== undefined) declare(config.variables, 'variable', variableDecl(first, file, item), item.typeSpan);
          break;
        case 'locals':
          for (const attr of item.body.items) {
            if (attr.type === 'Attribute') declare(config.locals, 'local', { name: attr.name, file, attribute: attr }, attr.nameSpan);
          }
          break;
        case 'output':
          if (first !== undefined) declare(config.outputs, 'output', { name: first, file, block: item }, item.typeSpan);
          break;
        case 'module':
          if (first !== undefined) declare(config.calls, 'module', { name: first, file, block: item, source: staticText(attribute(item.body, 'source')?.value), ...(overrides && { overrides }) }, item.typeSpan);
          break;
        case 'resource':
        case 'data': {
          if (first === undefined || second === undefined) break;
          const mode = item.blockType === 'resource' ? 'managed' : 'data';
          const decl: ResourceDecl = { name: second, file, block: item, mode, type: first, ...(overrides && { overrides }) };
          const key = `${mode}.${first}.${second}`;
          if (config.resourceByName.has(key)) {
            const label = `${mode === 'data' ? 'data.' : ''}${first}.${second}`;
            notices.warn('duplicate-declaration', `${label} is declared twice in this module; Terraform would stop here. The first declaration is used.`, file.lines.range(item.start, item.typeSpan.end));
            break;
          }
          config.resourceByName.set(key, decl);
          config.resources.push(decl);
          if (mode === 'managed') config.managedTypes.add(first);
          break;
        }
      }
    }
  }
  return config;
}

function variableDecl(name: string, file: ConfigFile, block: Block): VariableDecl {
  const type = typeExpression(attribute(block.body, 'type')?.value);
  return {
    name,
    file,
    block,
    default: attribute(block.body, 'default'),
    sensitive: staticBool(attribute(block.body, 'sensitive')?.value) === true,
    nullable: staticBool(attribute(block.body, 'nullable')?.value) !== false,
    type: type ? readType(type) : { kind: 'any' },
  };
}

/** The type constraint as an expression; JSON syntax (and Terraform 0.11) writes it as a string, whose nodes are placed at it. */
function typeExpression(expr: Expression | undefined): Expression | undefined {
  const text = staticText(expr);
  if (text === undefined || !expr) return expr;
  const parsed = parseExpression(text);
  if (parsed.expr) pinSpans(parsed.expr, expr);
  return parsed.expr;
}

export function attribute(body: Body, name: string): Attribute | undefined {
  for (const item of body.items) if (item.type === 'Attribute' && item.name === name) return item;
  return undefined;
}

/** A string written as a plain literal, without interpolation. */
function staticText(expr: Expression | undefined): string | undefined {
  if (expr?.type !== 'Template') return undefined;
  let text = '';
  for (const part of expr.parts) {
    if (part.type !== 'TemplateLiteral') return undefined;
    text += part.value;
  }
  return text;
}

function staticBool(expr: Expression | undefined): boolean | undefined {
  if (expr?.type === 'Literal' && typeof expr.value === 'boolean') return expr.value;
  const text = staticText(expr);
  return text === 'true' ? true : text === 'false' ? false : undefined;
}
