import type { Range } from '../../model';
import type { NoticeSink } from './notices';

/**
 * Bounds that keep hostile configurations cheap. Real ones stay far below them: the largest
 * module trees nest four or five deep, and a root module rarely plans more than a few thousand
 * instances.
 */
export const LIMITS = {
  /** Module calls nested deeper than this are not followed. */
  moduleDepth: 10,
  /** Resource instances one root module may produce, all modules together. */
  instances: 10_000,
  /** Expressions evaluated per root module. */
  steps: 2_000_000,
  /** Characters that string templates may build per root module. */
  chars: 16 << 20,
  /** Lazy evaluations (a local needing a local needing a module output...) nested at once. */
  nesting: 120,
};

/** What one root module may still spend; once spent, what remains evaluates to unknown and one warning says so. */
export class Budget {
  private steps = LIMITS.steps;
  private chars = LIMITS.chars;
  private instances = LIMITS.instances;
  private warned = new Set<string>();

  constructor(
    private readonly notices: NoticeSink,
    private readonly unit: string,
  ) {}

  step(at: Range): boolean {
    return --this.steps >= 0 || this.exhausted('evaluation-limit', `the root module ${this.unit} takes more than ${LIMITS.steps} evaluation steps; the rest is treated as unknown. Simplify the expressions, or scan a smaller part.`, at);
  }

  text(length: number, at: Range): boolean {
    this.chars -= length;
    return this.chars >= 0 || this.exhausted('text-limit', `string templates in the root module ${this.unit} build more than ${LIMITS.chars} characters; the rest are treated as unknown.`, at);
  }

  instance(at: Range): boolean {
    return --this.instances >= 0 || this.exhausted('instance-limit', `the root module ${this.unit} expands to more than ${LIMITS.instances} resource instances; the rest were not checked.`, at);
  }

  private exhausted(code: string, message: string, at: Range): false {
    if (!this.warned.has(code)) {
      this.warned.add(code);
      this.notices.warn(code, message, at);
    }
    return false;
  }
}
