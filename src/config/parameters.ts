import { readFileSync } from 'node:fs';
import type { Notice } from '../model';
import type { SuppliedParameter } from '../parse/format';
import { relativePath } from './paths';
import { dotted, nodeAt, parseYamlFile, rangeOf, type Segment, type YamlFile } from './yaml-file';

const CODE = 'parameter-file';
/** CloudFormation's rule for logical names, parameters included. */
const PARAMETER_NAME = /^[A-Za-z0-9]+$/;

/**
 * Reads CloudFormation parameter values from a JSON or YAML file in any of the usual shapes:
 * the AWS CLI's `[{ParameterKey, ParameterValue}]`, CodePipeline's template configuration
 * `{Parameters: {K: V}}`, or a plain `{K: V}` map. Lists become comma-separated text, as
 * CloudFormation passes `CommaDelimitedList` values.
 */
export function loadParameterFile(file: string, root: string): { parameters: Map<string, SuppliedParameter>; notices: Notice[] } {
  const rel = relativePath(root, file);
  const parameters = new Map<string, SuppliedParameter>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return { parameters, notices: [{ level: 'error', code: CODE, file: rel, message: `the parameter file could not be read (${reason}); check the path.` }] };
  }
  const parsed = parseYamlFile(text, rel, CODE, 'a parameter file');
  if (parsed.notices.length) return { parameters, notices: parsed.notices };
  const reader = new EntryReader(parsed.file, parameters);
  reader.read(parsed.data);
  return { parameters, notices: reader.notices };
}

class EntryReader {
  readonly notices: Notice[] = [];

  constructor(
    private readonly file: YamlFile,
    private readonly parameters: Map<string, SuppliedParameter>,
  ) {}

  read(data: unknown): void {
    if (Array.isArray(data)) data.forEach((entry, i) => this.cliEntry(entry, [i]));
    else if (isMap(data) && isMap(data.Parameters)) this.map(data.Parameters, ['Parameters']);
    else if (isMap(data)) this.map(data, []);
    else this.problem([], 'expected a list of {ParameterKey, ParameterValue}, a map {Parameters: {Name: value}}, or a map {Name: value}');
  }

  private cliEntry(entry: unknown, at: Segment[]): void {
    if (!isMap(entry) || typeof entry.ParameterKey !== 'string') {
      this.problem(at, 'expected a map with ParameterKey and ParameterValue');
      return;
    }
    if (entry.UsePreviousValue === true && entry.ParameterValue === undefined) {
      this.problem(at, `UsePreviousValue cannot be known before deployment; give ${entry.ParameterKey} a ParameterValue or drop the entry`, 'warning');
      return;
    }
    this.set(entry.ParameterKey, entry.ParameterValue, [...at, 'ParameterValue']);
  }

  private map(map: Record<string, unknown>, at: Segment[]): void {
    for (const [name, value] of Object.entries(map)) this.set(name, value, [...at, name]);
  }

  private set(name: string, value: unknown, at: Segment[]): void {
    if (!PARAMETER_NAME.test(name)) {
      this.problem(at, `"${name}" is not a parameter name; expected letters and digits only`);
      return;
    }
    const text = asText(value);
    if (text === undefined) this.problem(at, 'expected a text, a number, true or false, or a list of these');
    else this.parameters.set(name, { value: text, from: this.file.rel });
  }

  private problem(at: Segment[], expected: string, level: Notice['level'] = 'error'): void {
    const where = dotted(at);
    this.notices.push({
      level,
      code: CODE,
      file: this.file.rel,
      range: rangeOf(this.file, nodeAt(this.file, at)),
      message: `${where ? `${where}: ` : ''}${expected}.`,
    });
  }
}

function asText(value: unknown): string | undefined {
  if (isScalar(value)) return String(value);
  if (Array.isArray(value) && value.every(isScalar)) return value.map(String).join(',');
  return undefined;
}

function isScalar(x: unknown): x is string | number | boolean {
  return typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
}

function isMap(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** `--param Key=Value`: the value may contain `=`; the key must be a parameter name. */
export function parseParamFlag(flag: string): { name: string; parameter: SuppliedParameter } | { error: string } {
  const eq = flag.indexOf('=');
  const name = eq < 0 ? '' : flag.slice(0, eq);
  if (!PARAMETER_NAME.test(name)) {
    return { error: `--param ${JSON.stringify(flag)} is not Name=Value with a CloudFormation parameter name (letters and digits); write e.g. --param Environment=prod.` };
  }
  return { name, parameter: { value: flag.slice(eq + 1), from: '--param' } };
}
