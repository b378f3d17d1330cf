/** One frame of a stack trace that synthesis recorded: where a call was made. */
export interface Frame {
  /** As the trace names it, `/`-separated, a `file://` URL turned back into a path. */
  file: string;
  line: number;
  column: number;
}

/** Longer text is no frame Node writes: it is skipped without being read. */
const MAX_FRAME_CHARS = 4096;

/** `:line:column` or `:line` at the end of a location. */
const LINE_AND_COLUMN = /:(\d{1,9})(?::(\d{1,9}))?$/;

/**
 * Folders that hold libraries rather than the user's code: npm packages (aws-cdk-lib and
 * constructs are installed there, also inside jsii's runtime folder), CDK's own source tree, and
 * Python's installed packages (CDK apps in Python run the same construct library through jsii).
 */
const LIBRARY_FOLDERS = new Set(['node_modules', 'aws-cdk-lib', '@aws-cdk', 'site-packages', 'dist-packages']);

/**
 * A frame in any form synthesis writes it: `new Bucket (/app/node_modules/aws-cdk-lib/…:1:234)`,
 * `Object.<anonymous> (/app/lib/storage.js:10:5)`, `    at new X (file:///app/lib/x.mjs:3:7)`, a
 * bare location, a Windows path. Runs of library frames that aws-cdk-lib collapses
 * (`...new Vpc in aws-cdk-lib...`), its notes, and frames with no place in a file are undefined.
 */
export function parseFrame(text: string): Frame | undefined {
  if (text.length > MAX_FRAME_CHARS) return undefined;
  let frame = text.trim();
  if (frame.startsWith('at ')) frame = frame.slice(3).trimStart();
  if (frame.startsWith('...')) return undefined;
  const location = frame.endsWith(')') ? insideLastParentheses(frame) : frame;
  const place = location === undefined ? null : LINE_AND_COLUMN.exec(location);
  if (!location || !place) return undefined;
  const file = pathOf(location.slice(0, place.index));
  const line = Number(place[1]);
  if (!isAbsolute(file) || line < 1) return undefined;
  return { file, line, column: Math.max(1, Number(place[2] ?? 1)) };
}

/** Does the frame lie in the user's own code: not a library, not Node's internals (which have no absolute path)? */
export function isUserFrame(frame: Frame): boolean {
  return !frame.file.split('/').some((part) => LIBRARY_FOLDERS.has(part));
}

/** `f (a (b) c)` → `a (b) c`: parentheses in a path (`Program Files (x86)`) are balanced. */
function insideLastParentheses(text: string): string | undefined {
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) return text.slice(i + 1, -1);
  }
  return undefined;
}

function pathOf(location: string): string {
  let file = location;
  if (file.startsWith('file://')) {
    file = file.slice('file://'.length);
    try {
      file = decodeURIComponent(file);
    } catch {
      // Not valid percent-encoding: kept as written.
    }
    // `file:///C:/app/x.js` names `C:/app/x.js`.
    if (/^\/[A-Za-z]:\//.test(file)) file = file.slice(1);
  }
  return file.replaceAll('\\', '/');
}

function isAbsolute(file: string): boolean {
  return file.startsWith('/') || /^[A-Za-z]:\//.test(file);
}
