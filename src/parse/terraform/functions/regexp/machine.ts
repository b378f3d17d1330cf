import { MAX_PATTERN_INSTRUCTIONS } from '../limits';
import { classMatches, type CharClass } from './charclass';
import { parsePattern, type Assertion, type PatternNode } from './parse';

/**
 * A compiled pattern run by a Pike VM: all alternatives advance together one character at a
 * time, so matching costs at most (text length × program size) steps whatever the pattern.
 * Scanned code is untrusted, and a backtracking engine (JavaScript's RegExp) can take
 * exponential time on patterns such as `(a|a)*b`. Threads are kept in priority order, which
 * gives the leftmost-first matches of RE2 and Go that Terraform uses.
 */
type Instruction =
  | { op: 'char'; cls: CharClass }
  | { op: 'split'; first: number; second: number }
  | { op: 'jump'; to: number }
  | { op: 'save'; slot: number }
  | { op: 'assert'; kind: Assertion }
  | { op: 'match' };

/** The pattern compiles to more instructions than iac-scan runs (counted repetitions multiply). */
export class PatternTooLarge extends Error {}

/** The steps one call may take are used up. */
export class BudgetExceeded extends Error {}

export class StepBudget {
  constructor(private remaining: number) {}

  spend(): void {
    if (--this.remaining < 0) throw new BudgetExceeded();
  }
}

interface Thread {
  pc: number;
  /** Start and end offsets of the match and of each group, -1 where unset. */
  slots: number[];
}

export class Regex {
  private constructor(
    private readonly program: Instruction[],
    readonly groupCount: number,
    /** `groupNames[i]`: the name of group i, if any (index 0 is the whole match). */
    readonly groupNames: readonly (string | undefined)[],
  ) {}

  /** Throws `PatternError` (Terraform rejects the pattern) or `PatternTooLarge`. */
  static compile(source: string): Regex {
    const parsed = parsePattern(source);
    const program: Instruction[] = [];
    const compiler = new Compiler(program);
    compiler.emit({ op: 'save', slot: 0 });
    compiler.node(parsed.root);
    compiler.emit({ op: 'save', slot: 1 });
    compiler.emit({ op: 'match' });
    return new Regex(program, parsed.groupCount, parsed.names);
  }

  /**
   * The leftmost-first match that starts at or after `from`: its slots (`[start, end, group1
   * start, group1 end, ...]`, UTF-16 offsets, -1 for groups that did not take part).
   */
  search(text: string, from: number, budget: StepBudget): number[] | undefined {
    const marks = new Int32Array(this.program.length).fill(-1);
    const empty = new Array<number>(2 * (this.groupCount + 1)).fill(-1);
    let current: Thread[] = [];
    let next: Thread[] = [];
    let generation = 0;
    let matched: number[] | undefined;
    for (let pos = from; ; ) {
      // Until a match is found, a new attempt starts at every position, behind the older ones.
      if (!matched) this.addThread(current, 0, empty, text, pos, marks, generation, budget);
      else if (current.length === 0) break;
      const codePoint = pos < text.length ? (text.codePointAt(pos) as number) : -1;
      const width = codePoint > 0xffff ? 2 : 1;
      generation++;
      for (const thread of current) {
        budget.spend();
        const instruction = this.program[thread.pc];
        if (instruction.op === 'match') {
          // Threads behind this one have lower priority: the match stands against them.
          matched = thread.slots;
          break;
        }
        if (instruction.op === 'char' && codePoint >= 0 && classMatches(instruction.cls, codePoint)) {
          this.addThread(next, thread.pc + 1, thread.slots, text, pos + width, marks, generation, budget);
        }
      }
      if (pos >= text.length) break;
      [current, next] = [next, current];
      next.length = 0;
      pos += width;
    }
    return matched;
  }

  /** Follows jumps, splits, saves and assertions from `pc`, adding threads in priority order. */
  private addThread(
    list: Thread[],
    pc: number,
    slots: number[],
    text: string,
    pos: number,
    marks: Int32Array,
    generation: number,
    budget: StepBudget,
  ): void {
    const stack: Thread[] = [{ pc, slots }];
    while (stack.length > 0) {
      const thread = stack.pop() as Thread;
      if (marks[thread.pc] === generation) continue;
      marks[thread.pc] = generation;
      budget.spend();
      const instruction = this.program[thread.pc];
      switch (instruction.op) {
        case 'jump':
          stack.push({ pc: instruction.to, slots: thread.slots });
          break;
        case 'split':
          // Popped first, so `first` and everything it reaches come before `second`.
          stack.push({ pc: instruction.second, slots: thread.slots }, { pc: instruction.first, slots: thread.slots });
          break;
        case 'save': {
          const saved = thread.slots.slice();
          saved[instruction.slot] = pos;
          stack.push({ pc: thread.pc + 1, slots: saved });
          break;
        }
        case 'assert':
          if (holds(instruction.kind, text, pos)) stack.push({ pc: thread.pc + 1, slots: thread.slots });
          break;
        default:
          list.push(thread);
      }
    }
  }
}

class Compiler {
  constructor(private readonly program: Instruction[]) {}

  emit(instruction: Instruction): number {
    if (this.program.length >= MAX_PATTERN_INSTRUCTIONS) throw new PatternTooLarge();
    return this.program.push(instruction) - 1;
  }

  node(node: PatternNode): void {
    switch (node.type) {
      case 'char':
        this.emit({ op: 'char', cls: node.cls });
        return;
      case 'assert':
        this.emit({ op: 'assert', kind: node.kind });
        return;
      case 'capture':
        this.emit({ op: 'save', slot: 2 * node.index });
        this.node(node.body);
        this.emit({ op: 'save', slot: 2 * node.index + 1 });
        return;
      case 'concat':
        node.items.forEach((item) => this.node(item));
        return;
      case 'alt':
        this.alternation(node.items);
        return;
      case 'repeat':
        this.repetition(node.body, node.min, node.max, node.greedy);
    }
  }

  private alternation(branches: PatternNode[]): void {
    const exits: number[] = [];
    branches.forEach((branch, i) => {
      if (i === branches.length - 1) return this.node(branch);
      const split = this.emit({ op: 'split', first: this.program.length + 1, second: -1 });
      this.node(branch);
      exits.push(this.emit({ op: 'jump', to: -1 }));
      this.patchSplit(split, this.program.length, true);
    });
    for (const exit of exits) (this.program[exit] as { to: number }).to = this.program.length;
  }

  private repetition(body: PatternNode, min: number, max: number, greedy: boolean): void {
    for (let i = 0; i < min; i++) this.node(body);
    if (max === Infinity) {
      const loop = this.emit({ op: 'split', first: -1, second: -1 });
      this.node(body);
      this.emit({ op: 'jump', to: loop });
      this.patchSplit(loop, this.program.length, greedy);
      return;
    }
    // Each optional copy may be skipped to the end: x{1,3} is x(x(x)?)?.
    const skips: number[] = [];
    for (let i = min; i < max; i++) {
      skips.push(this.emit({ op: 'split', first: -1, second: -1 }));
      this.node(body);
    }
    for (const skip of skips) this.patchSplit(skip, this.program.length, greedy);
  }

  /** The split at `at` either enters what follows it or leaves to `exit`; `greedy` prefers entering. */
  private patchSplit(at: number, exit: number, greedy: boolean): void {
    const enter = at + 1;
    this.program[at] = { op: 'split', first: greedy ? enter : exit, second: greedy ? exit : enter };
  }
}

function holds(kind: Assertion, text: string, pos: number): boolean {
  switch (kind) {
    case 'textStart':
      return pos === 0;
    case 'textEnd':
      return pos === text.length;
    case 'lineStart':
      return pos === 0 || text.charCodeAt(pos - 1) === 0x0a;
    case 'lineEnd':
      return pos === text.length || text.charCodeAt(pos) === 0x0a;
    case 'wordBoundary':
      return isWordAt(text, pos - 1) !== isWordAt(text, pos);
    case 'notWordBoundary':
      return isWordAt(text, pos - 1) === isWordAt(text, pos);
  }
}

/** `\b` looks at ASCII word characters only, as in RE2. */
function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const c = text.charCodeAt(index);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}
