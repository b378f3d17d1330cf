import { createScanner } from 'jsonc-parser/lib/esm/main';

/** `terraform show -json` writes JSON; users name it `plan.json`, `tfplan.json`. */
export const EXTENSIONS = ['.json'];

/** jsonc-parser's SyntaxKind values: it is a const enum, which isolated modules cannot import. */
const TOKEN = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, comma: 5, string: 10, eof: 17 } as const;

/**
 * Is this Terraform's JSON? A top-level object with `planned_values` or `resource_changes` is a
 * plan. One with `format_version` and `terraform_version` but neither is Terraform output of
 * another kind (a state's `values`): it is claimed too, so that the user is told it is not a plan
 * instead of it being skipped in silence. Decided by content, never by file name.
 *
 * Cheap: a substring test rejects other JSON at once, and the top-level keys are then read with
 * a token scanner that stops at the first decisive key (Terraform writes `format_version` and
 * `terraform_version` first). Invalid JSON after the keys is still claimed, so the parse reports it.
 */
export function claimsPlan(text: string): 'json' | undefined {
  if (!mentionsPlanKeys(text) || firstNonBlank(text) !== '{') return undefined;
  const scanner = createScanner(text, true);
  const keys = new Set<string>();
  let depth = 0;
  let expectKey = false;
  for (let token = scanner.scan(); token !== TOKEN.eof; token = scanner.scan()) {
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
      depth++;
      expectKey = depth === 1;
    } else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) {
      if (--depth <= 0) return undefined;
    } else if (token === TOKEN.comma) {
      expectKey = depth === 1;
    } else if (token === TOKEN.string && expectKey) {
      expectKey = false;
      keys.add(scanner.getTokenValue());
      if (isPlan(keys)) return 'json';
    } else {
      expectKey = false;
    }
  }
  return undefined;
}

function isPlan(keys: Set<string>): boolean {
  return keys.has('planned_values') || keys.has('resource_changes') || (keys.has('format_version') && keys.has('terraform_version'));
}

function mentionsPlanKeys(text: string): boolean {
  return (
    text.includes('"planned_values"') ||
    text.includes('"resource_changes"') ||
    (text.includes('"format_version"') && text.includes('"terraform_version"'))
  );
}

function firstNonBlank(text: string): string | undefined {
  const match = /\S/.exec(text);
  return match?.[0];
}
