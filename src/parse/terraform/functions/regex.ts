import type { Value } from '../../../model';
import { spec, type Call, type FunctionTable } from './call';
import { MAX_ITEMS, MAX_REGEX_STEPS } from './limits';
import { BudgetExceeded, PatternTooLarge, Regex, StepBudget } from './regexp/machine';
import { PatternError } from './regexp/parse';
import { codePointWidth } from './text';

/**
 * `regex`, `regexall`, and the `/pattern/` form of `replace`, with Go's RE2 semantics on the
 * linear-time engine in regexp/ (never JavaScript's backtracking RegExp: patterns come from
 * scanned code). Each call has a step budget; past it the result is Unknown.
 */
export const regexFunctions: FunctionTable = {
  regex: spec(2, 2, (c) =>
    withPattern(c, c.asString(c.args[0]), (re, budget) => {
      const text = c.asString(c.args[1]);
      checkGroups(c, re);
      const slots = re.search(text, 0, budget);
      if (!slots) return c.fail('the pattern did not match any part of the given string');
      return captures(c, re, text, slots);
    }),
  ),
  regexall: spec(2, 2, (c) =>
    withPattern(c, c.asString(c.args[0]), (re, budget) => {
      const text = c.asString(c.args[1]);
      checkGroups(c, re);
      const results: Value[] = [];
      eachMatch(re, text, budget, (slots) => {
        if (results.length === MAX_ITEMS) c.checkCount(MAX_ITEMS + 1);
        results.push(captures(c, re, text, slots));
      });
      return c.list(results);
    }),
  ),
};

/** `replace(text, "/pattern/", replacement)`: `$1`, `${1}`, `$name` and `$$` in the replacement, as in Go. */
export function replacePattern(call: Call, text: string, pattern: string, replacement: string): string {
  return withPattern(call, pattern, (re, budget) => {
    const parts: string[] = [];
    let length = 0;
    const put = (part: string) => {
      length += part.length;
      call.checkLength(length);
      parts.push(part);
    };
    let copiedTo = 0;
    for (let searchFrom = 0; searchFrom <= text.length; ) {
      const slots = re.search(text, searchFrom, budget);
      if (!slots) break;
      const [start, end] = slots;
      put(text.slice(copiedTo, start));
      // An empty match right where the previous match ended is not replaced a second time.
      if (end > copiedTo || start === 0) put(expand(re, replacement, text, slots));
      copiedTo = end;
      // Always move on by at least one character.
      const width = codePointWidth(text, searchFrom) || 1;
      searchFrom = searchFrom + width > end ? searchFrom + width : end;
    }
    put(text.slice(copiedTo));
    return parts.join('');
  });
}

/** Runs `body` on a compiled pattern: an invalid pattern fails the call, too much work makes it Unknown. */
export function withPattern<T>(call: Call, pattern: string, body: (re: Regex, budget: StepBudget) => T): T {
  let re: Regex;
  try {
    re = Regex.compile(pattern);
  } catch (e) {
    if (e instanceof PatternError) call.fail(`invalid regular expression: ${e.message}`);
    if (e instanceof PatternTooLarge) call.unknown(`${call.name}() has a pattern too large for iac-scan to run`);
    throw e;
  }
  try {
    return body(re, new StepBudget(MAX_REGEX_STEPS));
  } catch (e) {
    if (e instanceof BudgetExceeded) call.unknown(`${call.name}() would take more matching work than iac-scan allows one call`);
    throw e;
  }
}

function checkGroups(call: Call, re: Regex): void {
  const names = re.groupNames.slice(1);
  if (names.some((n) => n === undefined) && names.some((n) => n !== undefined)) {
    call.fail('a pattern must not mix named and unnamed capture groups');
  }
}

/** What one match gives: the matched text without groups, a list for unnamed groups, a map for named ones. */
function captures(call: Call, re: Regex, text: string, slots: number[]): Value {
  if (re.groupCount === 0) return call.string(text.slice(slots[0], slots[1]));
  const groups: Value[] = [];
  for (let i = 1; i <= re.groupCount; i++) {
    groups.push(slots[2 * i] < 0 ? call.nil() : call.string(text.slice(slots[2 * i], slots[2 * i + 1])));
  }
  const names = re.groupNames.slice(1);
  if (names[0] === undefined) return call.list(groups);
  return call.map(new Map(names.map((name, i) => [name as string, groups[i]])));
}

/** Every match, as Go's `FindAll` finds them: an empty match right after a match is skipped. */
function eachMatch(re: Regex, text: string, budget: StepBudget, visit: (slots: number[]) => void): void {
  let previousEnd = -1;
  for (let pos = 0; pos <= text.length; ) {
    const slots = re.search(text, pos, budget);
    if (!slots) return;
    const [start, end] = slots;
    const empty = end === pos;
    const accept = !(empty && start === previousEnd);
    pos = empty ? pos + (codePointWidth(text, pos) || 1) : end;
    previousEnd = end;
    if (accept) visit(slots);
  }
}

/**
 * The replacement for one match, as Go's `Expand`: `$$` is a dollar; `$name` takes the longest
 * run of letters, digits and underscores (so `$1x` is the group named "1x", which is empty);
 * `${name}` delimits it; a name of digits without a leading zero is a group number.
 */
function expand(re: Regex, template: string, text: string, slots: number[]): string {
  let out = '';
  let i = 0;
  for (let dollar = template.indexOf('$'); dollar !== -1; dollar = template.indexOf('$', i)) {
    out += template.slice(i, dollar);
    if (template.startsWith('$', dollar + 1)) {
      out += '$';
      i = dollar + 2;
      continue;
    }
    GROUP_REFERENCE.lastIndex = dollar + 1;
    const reference = GROUP_REFERENCE.exec(template);
    if (!reference) {
      out += '$';
      i = dollar + 1;
      continue;
    }
    out += groupText(re, reference[1] ?? reference[2], text, slots);
    i = dollar + 1 + reference[0].length;
  }
  return out + template.slice(i);
}

/** Sticky, so that it reads in place rather than on a copy of the rest of the template. */
const GROUP_REFERENCE = /\{(\w+)\}|(\w+)/y;

function groupText(re: Regex, name: string, text: string, slots: number[]): string {
  const number = /^(?:0|[1-9]\d{0,7})$/.test(name) ? Number(name) : -1;
  const index = number >= 0 ? number : re.groupNames.indexOf(name);
  if (index < 0 || index > re.groupCount || slots[2 * index] < 0) return '';
  return text.slice(slots[2 * index], slots[2 * index + 1]);
}
