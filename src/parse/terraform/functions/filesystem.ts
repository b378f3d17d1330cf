import path from 'node:path';
import type { MapValue, Range, Value } from '../../../model';
import { spec, type Call, type FunctionSpec, type FunctionTable } from './call';
import { spanOf } from './positions';
import { withPattern } from './regex';

/**
 * Files and paths. A relative path is relative to `ctx.moduleDir`. Every read goes
 * through the Workspace, which refuses anything outside the scan root: such a read, or a file
 * too large or not text, gives an Unknown that says why. A file that does not exist is an error,
 * as in Terraform (so `try(file(x), "")` takes the fallback).
 */
export const filesystemFunctions: FunctionTable = {
  file: spec(1, 1, (c) => {
    const { text, rel } = readFile(c, c.asString(c.args[0]));
    // The whole file is the value's origin: jsondecode(file(...)) then points into the file.
    return { ...c.string(text), origin: [wholeFile(rel, text)] };
  }),
  fileexists: spec(1, 1, (c) => {
    const abs = resolvePath(c, c.asString(c.args[0]));
    const names = c.ctx.workspace.list(path.dirname(abs));
    if (names === undefined && !c.ctx.workspace.contains(abs)) c.unknown(`fileexists() looks outside the scan root, where iac-scan reads nothing`);
    return c.bool(names?.includes(path.basename(abs)) ?? false);
  }),
  fileset: spec(2, 2, (c) => fileSet(c, c.asString(c.args[0]), c.asString(c.args[1]))),
  templatefile: spec(2, 2, (c) => {
    const written = c.asString(c.args[0]);
    const vars = c.asMap(c.args[1]);
    for (const name of vars.entries.keys()) {
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) c.fail(`"${name}" is not a valid template variable name`);
    }
    const { text, rel } = readFile(c, written);
    return render(c, text, vars, wholeFile(rel, text));
  }),
  templatestring: spec(2, 2, (c) => render(c, c.asString(c.args[0]), c.asMap(c.args[1]), c.args[0].range)),
  abspath: spec(1, 1, (c) => c.string(resolvePath(c, c.asString(c.args[0])).split(path.sep).join('/'))),
  dirname: spec(1, 1, (c) => c.string(directoryOf(c.asString(c.args[0])))),
  basename: spec(1, 1, (c) => c.string(baseName(c.asString(c.args[0])))),
  pathexpand: spec(1, 1, (c) => {
    const written = c.asString(c.args[0]);
    if (written === '~' || written.startsWith('~/')) c.unknown('pathexpand() gives the home folder of the machine that runs Terraform');
    return c.string(written);
  }),
  filebase64: fileBytes(),
  filemd5: fileBytes(),
  filesha1: fileBytes(),
  filesha256: fileBytes(),
  filesha512: fileBytes(),
  filebase64sha256: fileBytes(),
  filebase64sha512: fileBytes(),
};

/** Functions of a file's raw bytes (often an archive): iac-scan reads text files only. */
function fileBytes(): FunctionSpec {
  return spec(1, 1, (c) => c.unknown(`${c.name}() works on the bytes of ${c.asString(c.args[0])}, which iac-scan does not read`));
}

function resolvePath(call: Call, written: string): string {
  if (written === '~' || written.startsWith('~/')) call.unknown(`${call.name}() reads from the home folder, which iac-scan does not read`);
  return path.resolve(call.ctx.moduleDir, written);
}

function readFile(call: Call, written: string): { text: string; rel: string } {
  const abs = resolvePath(call, written);
  const workspace = call.ctx.workspace;
  const read = workspace.readText(abs);
  if ('text' in read) return read;
  if (!workspace.contains(abs)) call.unknown(`${call.name}() reads ${written}: ${read.error}`);
  if (!workspace.list(path.dirname(abs))?.includes(path.basename(abs))) call.fail(`no file exists at ${written}`);
  return call.unknown(`${call.name}() cannot read ${written}: ${read.error}`);
}

function wholeFile(rel: string, text: string): Range {
  return spanOf(rel, { line: 1, column: 1 }, text);
}

/** Templates calling templatefile or templatestring again would recurse without end; Terraform forbids it. */
let templatesRendering = 0;

function render(call: Call, text: string, vars: MapValue, at: Range): Value {
  if (templatesRendering > 0) call.fail(`${call.name}() cannot be called from inside a template`);
  templatesRendering++;
  try {
    return call.ctx.renderTemplate(text, vars, at);
  } finally {
    templatesRendering--;
  }
}

/**
 * `fileset(path, pattern)`: files in one folder whose names match the pattern's last segment
 * (`*`, `?`, `[...]`, `{a,b}`), as paths relative to `path`. Wildcards in folder names, which
 * need a walk of the tree, give an Unknown.
 */
function fileSet(call: Call, base: string, pattern: string): Value {
  const slash = pattern.lastIndexOf('/');
  const folder = pattern.slice(0, slash + 1);
  if (/[*?[{\\]/.test(folder)) call.unknown('fileset() with wildcards in folder names is not evaluated by iac-scan');
  const abs = resolvePath(call, path.join(base, folder));
  const names = call.ctx.workspace.list(abs);
  if (names === undefined && !call.ctx.workspace.contains(abs)) call.unknown('fileset() looks outside the scan root, where iac-scan reads nothing');
  // Globs come from scanned code too: they run on the linear pattern engine.
  const matches = withPattern(call, globPattern(pattern.slice(slash + 1)), (re, budget) =>
    (names ?? []).filter((name) => re.search(name, 0, budget) !== undefined).map((name) => path.posix.join(folder, name)),
  );
  call.checkCount(matches.length);
  return call.list(matches.sort().map((match) => call.string(match)));
}

/** A file-name glob as an anchored RE2 pattern. */
function globPattern(glob: string): string {
  let source = '^';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    const classEnd = ch === '[' ? glob.indexOf(']', i + 2) : -1;
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (classEnd !== -1) {
      source += `[${glob.slice(i + 1, classEnd).replace(/^!/, '^')}]`;
      i = classEnd;
    } else if (ch === '{') {
      source += '(?:';
      braces++;
    } else if (ch === ',' && braces > 0) source += '|';
    else if (ch === '}' && braces > 0) {
      source += ')';
      braces--;
    } else if (ch === '\\' && i + 1 < glob.length) source += quoteChar(glob[++i]);
    else source += quoteChar(ch);
  }
  return `${source}${')'.repeat(braces)}$`;
}

function quoteChar(ch: string): string {
  return /[\\.+*?()|[\]{}^$]/.test(ch) ? `\\${ch}` : ch;
}

/** Go's `filepath.Base`: the last element, trailing slashes ignored; "." for "", "/" for slashes only. */
function baseName(written: string): string {
  if (written === '') return '.';
  let end = written.length;
  while (end > 0 && written[end - 1] === '/') end--;
  if (end === 0) return '/';
  return written.slice(written.lastIndexOf('/', end - 1) + 1, end);
}

/** Go's `filepath.Dir`: everything before the last slash, cleaned. */
function directoryOf(written: string): string {
  const folder = written.slice(0, written.lastIndexOf('/') + 1);
  if (folder === '') return '.';
  const clean = path.posix.normalize(folder);
  return clean.length > 1 && clean.endsWith('/') ? clean.slice(0, -1) : clean;
}
