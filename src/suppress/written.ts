import type { Range } from '../model';

/** A suppression as written, before it is checked or matched. */
export interface WrittenSuppression {
  kind: 'inline' | 'metadata' | 'config';
  /** Rule ids; `*` stands for every rule. */
  ids: string[];
  reason: string;
  until?: string;
  location?: Range;
  /** For notices when there is no location. */
  file?: string;
  /** Written for cdk-nag, whose rule this is; `ids` are our rules that declare it equivalent. */
  cdkNagId?: string;
}

/** A suppression that passed every check, with what it matched so far. */
export interface ActiveSuppression extends WrittenSuppression {
  used: boolean;
}

export function names(s: WrittenSuppression, ruleId: string): boolean {
  return s.ids.includes(ruleId) || s.ids.includes('*');
}

/** How a notice names a suppression: `iac-scan:ignore aws-x`, `ignore entry for aws-x`. */
export function describeSuppression(s: WrittenSuppression): string {
  const ids = s.ids.join(',');
  if (s.cdkNagId) return `cdk_nag suppression of ${s.cdkNagId} (${ids})`;
  if (s.kind === 'inline') return `iac-scan:ignore ${ids}`;
  if (s.kind === 'metadata') return `Metadata iac-scan ignore ${ids}`;
  return `config ignore entry for ${ids}`;
}
