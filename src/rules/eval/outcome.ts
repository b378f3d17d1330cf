import type { Range, RelatedLocation, Resource } from '../../model';

/** One reason a condition does not hold, at one place. */
export interface Failure {
  /** The resource the failure sits in: the checked one, or another one reached by `related`/`target`. */
  resource: Resource;
  at: Range;
  /** The property path in `resource` that decided it; empty for the resource itself. */
  path: string;
  message: string;
  related: RelatedLocation[];
  /** Set when a provider default decided it rather than a written value, so `not` of it relies on that default. */
  fromDefault?: DefaultUse;
}

/** A pass that holds only because the provider's default applies; `--strict` turns it into a failure. */
export interface DefaultUse {
  resource: Resource;
  at: Range;
  path: string;
  /** "VersioningConfiguration.Status is not set explicitly (provider default: Enabled)". */
  message: string;
}

export interface Pass {
  kind: 'pass';
  /** The place that proved it, where `not` puts its failure. */
  resource: Resource;
  at: Range;
  path: string;
  /** What was found, for `not`'s message: "PubliclyAccessible is true". */
  found?: string;
  /** What the opposite condition expects, for `not`'s message: "anything but true". */
  contrary?: string;
  defaults: DefaultUse[];
}

export interface Fail {
  kind: 'fail';
  failures: Failure[];
}

export interface Unknown {
  kind: 'unknown';
  why: string;
}

/** The tri-state outcome of every condition (docs/rule-language.md, "Outcomes"). */
export type Outcome = Pass | Fail | Unknown;

export function pass(resource: Resource, at: Range, path: string, extra: Partial<Pick<Pass, 'found' | 'contrary' | 'defaults'>> = {}): Pass {
  return { kind: 'pass', resource, at, path, defaults: [], ...extra };
}

export function fail(...failures: Failure[]): Fail {
  return { kind: 'fail', failures };
}

export function unknown(why: string): Unknown {
  return { kind: 'unknown', why };
}

/**
 * Every part must hold: any failure fails (with all failures), else any unknown is unknown, else
 * pass. No parts is a pass at `empty`, the place that proved there was nothing to check.
 */
export function allOf(outcomes: Outcome[], empty: Pass): Outcome {
  const failures: Failure[] = [];
  let firstUnknown: Unknown | undefined;
  let firstPass: Pass | undefined;
  const defaults: DefaultUse[] = [];
  for (const o of outcomes) {
    if (o.kind === 'fail') failures.push(...o.failures);
    else if (o.kind === 'unknown') firstUnknown ??= o;
    else {
      firstPass ??= o;
      defaults.push(...o.defaults);
    }
  }
  if (failures.length) return fail(...failures);
  if (firstUnknown) return firstUnknown;
  if (!firstPass) return empty;
  return outcomes.length === 1 ? firstPass : { ...firstPass, defaults };
}

/** Replaces generated failure messages with the rule author's `message`, when one is given. */
export function withMessage(outcome: Outcome, message: unknown): Outcome {
  if (outcome.kind !== 'fail' || typeof message !== 'string') return outcome;
  return fail(...outcome.failures.map((f) => ({ ...f, message })));
}

/**
 * At least one must hold: the first pass that needs no provider default, else the first pass,
 * else the first unknown, else undefined (the caller decides which failures to report).
 */
export function bestPass(outcomes: Outcome[]): Pass | Unknown | undefined {
  let relying: Pass | undefined;
  let firstUnknown: Unknown | undefined;
  for (const o of outcomes) {
    if (o.kind === 'pass') {
      if (o.defaults.length === 0) return o;
      relying ??= o;
    } else if (o.kind === 'unknown') firstUnknown ??= o;
  }
  return relying ?? firstUnknown;
}
