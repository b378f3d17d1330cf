/**
 * Terraform addresses and references as text: `module.a["x"].aws_s3_bucket.b[0]`,
 * `aws_s3_bucket.b.id`, `var.logging["target_bucket"]`. Read into steps so that two spellings of
 * one instance key (`["a"]`, `["\u0061"]`) compare equal.
 */

export type Step = { kind: 'name'; name: string } | { kind: 'index'; key: string };

/** A module instance on a resource's path: the call's name and, under count or for_each, its key. */
export interface ModuleStep {
  name: string;
  key?: string;
}

/** One resource instance, as `planned_values` addresses it. */
export interface InstanceAddress {
  module: ModuleStep[];
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** The count index or for_each key, canonical (see `canonicalKey`). */
  key?: string;
}


/**
 * A traversal: a root name, then `.name` and `[key]` steps. Keys are canonical: a number as
 * written, a string as its JSON text. Undefined for text that is not a traversal.
 */
export function parseTraversal(text: string): Step[] | undefined {
  const steps: Step[] = [];
  let i = 0;
  const name = (): boolean => {
    const start = i;
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
    if (i === start) return false;
    steps.push({ kind: 'name', name: text.slice(start, i) });
    return true;
  };
  if (!name()) return undefined;
  while (i < text.length) {
    if (text[i] === '.') {
      i++;
      if (!name()) return undefined;
    } else if (text[i] === '[') {
      const close = keyEnd(text, i + 1);
      if (close === -1) return undefined;
      const key = canonicalKey(text.slice(i + 1, close));
      if (key === undefined) return undefined;
      steps.push({ kind: 'index', key });
      i = close + 1;
    } else return undefined;
  }
  return steps;
}

/** Letters, digits, `_` and `-`: what Terraform names are made of. */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;
}

/** Where the `]` closing a key that starts at `from` is; a quoted key may contain `]`. */
function keyEnd(text: string, from: number): number {
  if (text[from] !== '"') return text.indexOf(']', from);
  for (let i = from + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return text[i + 1] === ']' ? i + 1 : -1;
  }
  return -1;
}

/** `0` stays `0`; `"a"` (with any escapes) becomes its JSON text. Undefined when it is neither. */
function canonicalKey(raw: string): string | undefined {
  if (/^\d+$/.test(raw)) return String(Number(raw));
  if (!raw.startsWith('"')) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? JSON.stringify(value) : undefined;
  } catch {
    return undefined;
  }
}

/** The canonical key of a planned resource's `index` field (a number or a string). */
export function keyOfIndex(index: unknown): string | undefined {
  if (typeof index === 'number' && Number.isInteger(index) && index >= 0) return String(index);
  if (typeof index === 'string') return JSON.stringify(index);
  return undefined;
}

export function parseInstanceAddress(text: string): InstanceAddress | undefined {
  const steps = parseTraversal(text);
  if (!steps) return undefined;
  const module: ModuleStep[] = [];
  let i = 0;
  while (isName(steps[i], 'module') && steps[i + 1]?.kind === 'name') {
    const key = steps[i + 2]?.kind === 'index' ? (steps[i + 2] as { key: string }).key : undefined;
    module.push(key === undefined ? { name: nameOf(steps[i + 1]) } : { name: nameOf(steps[i + 1]), key });
    i += key === undefined ? 2 : 3;
  }
  const mode = isName(steps[i], 'data') ? 'data' : 'managed';
  if (mode === 'data') i++;
  const [type, name, index, ...rest] = steps.slice(i);
  if (type?.kind !== 'name' || name?.kind !== 'name' || rest.length) return undefined;
  if (index && index.kind !== 'index') return undefined;
  const address: InstanceAddress = { module, mode, type: type.name, name: name.name };
  if (index) address.key = index.key;
  return address;
}

/** `module.a["x"].module.b`; empty for the root module. */
export function moduleText(module: readonly ModuleStep[]): string {
  return module.map((m) => `module.${m.name}${m.key === undefined ? '' : `[${m.key}]`}`).join('.');
}

/** The canonical address text, so that two spellings of one instance find each other. */
export function instanceText(a: InstanceAddress): string {
  const prefix = a.module.length ? `${moduleText(a.module)}.` : '';
  return `${prefix}${a.mode === 'data' ? 'data.' : ''}${a.type}.${a.name}${a.key === undefined ? '' : `[${a.key}]`}`;
}

/** Steps as text again, for the attribute part of a reference: `versioning[0].enabled`. */
export function stepsText(steps: readonly Step[]): string {
  return steps.map((s, i) => (s.kind === 'index' ? `[${s.key}]` : i === 0 ? s.name : `.${s.name}`)).join('');
}

function isName(step: Step | undefined, name: string): boolean {
  return step?.kind === 'name' && step.name === name;
}

function nameOf(step: Step | undefined): string {
  return step?.kind === 'name' ? step.name : '';
}
