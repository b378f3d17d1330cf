import type { Range } from '../../model';
import { LIMITS } from './limits';
import type { NoticeSink } from './notices';

/**
 * Lazy evaluations in progress (a local, a module output, a resource's attributes), so that one
 * that needs itself is reported as a cycle instead of recursing until the stack breaks.
 */
export class EvaluationGuard {
  private readonly active: string[] = [];
  private readonly activeSet = new Set<string>();

  constructor(private readonly notices: NoticeSink) {}

  /** `key` names the evaluation as users read it (`module.a.local.x`) and is unique per module instance. */
  run<T>(key: string, label: string, at: Range, compute: () => T, onFailure: (why: string) => T): T {
    if (this.activeSet.has(key)) {
      const chain = [...this.active.slice(this.active.indexOf(key)), key].join(' → ');
      this.notices.warn('reference-cycle', `${label} depends on itself (${chain}); Terraform would stop here. The values in the cycle are treated as unknown.`, at);
      return onFailure(`${label} depends on itself`);
    }
    if (this.active.length >= LIMITS.nesting) {
      this.notices.warn('nesting-limit', `${label} is reached through more than ${LIMITS.nesting} nested references; it is treated as unknown.`, at);
      return onFailure(`${label} is nested too deeply for the scanner`);
    }
    this.active.push(key);
    this.activeSet.add(key);
    try {
      return compute();
    } finally {
      this.active.pop();
      this.activeSet.delete(key);
    }
  }
}
