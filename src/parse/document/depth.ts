/**
 * Where JSON text first nests objects and arrays deeper than `maxDepth`, or undefined. A plain
 * loop over the characters, strings skipped: the JSON reader recurses once per level, so text
 * nested a hundred thousand deep must be stopped before it is read, not while.
 */
export function tooDeepAt(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > maxDepth) return i;
    } else if (c === '}' || c === ']') depth--;
  }
  return undefined;
}
