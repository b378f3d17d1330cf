import type { Range, Resource, UnknownValue, Value } from '../../model';
import { joinIndex, joinKey, parsePath, type Step } from './path-syntax';
import { propertyRange } from './ranges';

/** Where paths are evaluated: a resource's attributes, or one item of an `each`. */
export interface Scope {
  resource: Resource;
  /** The value paths start from. */
  base: Value;
  /** The concrete path of `base` in the resource's attributes (`SecurityGroupIngress[1]`), '' at the top. */
  basePath: string;
  /** Where a missing property points when nothing on its path is present. */
  fallback: Range;
}

export function resourceScope(resource: Resource): Scope {
  return { resource, base: resource.attributes, basePath: '', fallback: resource.range };
}

/** What a path reached, once per matched value. Every hit has the concrete path and a range. */
export type Hit =
  | { kind: 'value'; value: Exclude<Value, UnknownValue>; path: string; at: Range }
  | { kind: 'unknown'; value: UnknownValue; path: string; at: Range }
  /** `at` is the nearest present property on the way, or the scope's fallback. A null counts as absent. */
  | { kind: 'absent'; path: string; at: Range };

/**
 * Walks `pathText` from the scope's base. Wildcards give one hit per item; a wildcard over an
 * empty collection gives one absent hit there, so "every block must have X" does not pass
 * silently when there is no block. A single value where `[*]` expects a list counts as a
 * one-item list: CloudFormation accepts either for many properties (IAM `Statement`, `Action`).
 */
export function resolve(scope: Scope, pathText: string): Hit[] {
  const steps = parsePath(pathText);
  const hits: Hit[] = [];
  walk(scope.base, steps, 0, scope.basePath, scope.fallback, hits);
  return hits;
}

function walk(value: Value, steps: Step[], i: number, path: string, here: Range, hits: Hit[]): void {
  if (value.kind === 'literal' && value.value === null) {
    hits.push({ kind: 'absent', path: render(path, steps, i), at: here });
    return;
  }
  if (i === steps.length) {
    if (value.kind === 'unknown') hits.push({ kind: 'unknown', value, path, at: here });
    else hits.push({ kind: 'value', value, path, at: here });
    return;
  }
  if (value.kind === 'unknown') {
    hits.push({ kind: 'unknown', value, path, at: here });
    return;
  }
  const step = steps[i];
  const missing = () => hits.push({ kind: 'absent', path: render(path, steps, i), at: here });
  switch (step.kind) {
    case 'key': {
      const next = value.kind === 'map' ? value.entries.get(step.key) : undefined;
      if (next === undefined || value.kind !== 'map') return void missing();
      const nextPath = joinKey(path, step.key);
      walk(next, steps, i + 1, nextPath, propertyRange(next, value.keyRanges.get(step.key)), hits);
      return;
    }
    case 'index': {
      const next = value.kind === 'list' ? value.items[step.index] : undefined;
      if (next === undefined) return void missing();
      walk(next, steps, i + 1, joinIndex(path, step.index), propertyRange(next, undefined), hits);
      return;
    }
    case 'items':
    case 'values': {
      if (value.kind === 'list') {
        if (value.items.length === 0) return void missing();
        value.items.forEach((item, n) => walk(item, steps, i + 1, joinIndex(path, n), propertyRange(item, undefined), hits));
        return;
      }
      if (value.kind === 'map' && step.kind === 'values') {
        if (value.entries.size === 0) return void missing();
        for (const [key, item] of value.entries) {
          walk(item, steps, i + 1, joinKey(path, key), propertyRange(item, value.keyRanges.get(key)), hits);
        }
        return;
      }
      if (step.kind === 'items') return walk(value, steps, i + 1, path, here, hits);
      return void missing();
    }
  }
}

/** The concrete path so far followed by the steps not taken, for messages about what is missing. */
function render(path: string, steps: Step[], from: number): string {
  let out = path;
  for (let i = from; i < steps.length; i++) {
    const s = steps[i];
    if (s.kind === 'key') out = joinKey(out, s.key);
    else if (s.kind === 'index') out = joinIndex(out, s.index);
    else if (s.kind === 'items') out = `${out}[*]`;
    else out = joinKey(out, '*');
  }
  return out;
}
