import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

function dir(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'iac-scan-config-')));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const VALID = `# every setting once
include: ["templates/**"]
exclude: ["**/test/**"]
rules:
  include: { owners: [customer, shared], severities: [critical, high] }
  exclude: { ids: [aws-s3-versioning], controls: [CLD.12.4.5] }
severity:
  aws-logs-retention: low
fail-on: high
strict: true
packs: [rules/extra]
parameters: { Environment: prod, Days: 30 }
parameter-files: [params/prod.json]
ignore:
  - rules: [aws-s3-versioning]
    paths: ["legacy/**"]
    reason: scratch buckets, emptied nightly
    until: 2030-01-31
  - rules: ["*"]
    reason: vendored
category: iac-scan-prod
`;

describe('loadConfig', () => {
  it('has no config and no notice when there is no file', () => {
    expect(loadConfig(dir({}))).toEqual({ config: {}, notices: [] });
  });

  it('reads every setting, with paths made absolute from the config file and ignore entries located', () => {
    const root = dir({ '.iac-scan.yml': VALID });
    const { config, notices } = loadConfig(root);
    expect(notices).toEqual([]);
    expect(config).toMatchObject({
      include: ['templates/**'],
      exclude: ['**/test/**'],
      rules: { include: { owners: ['customer', 'shared'], severities: ['critical', 'high'] }, exclude: { ids: ['aws-s3-versioning'], controls: ['CLD.12.4.5'] } },
      severity: { 'aws-logs-retention': 'low' },
      'fail-on': 'high',
      strict: true,
      packs: [path.join(root, 'rules/extra')],
      parameters: { Environment: 'prod', Days: 30 },
      'parameter-files': [path.join(root, 'params/prod.json')],
      category: 'iac-scan-prod',
    });
    expect(config.ignore?.[0]).toMatchObject({ rules: ['aws-s3-versioning'], until: '2030-01-31', location: { file: '.iac-scan.yml', start: { line: 15, column: 5 } } });
    expect(config.ignore?.[1].location?.start.line).toBe(19);
  });

  it('takes .iac-scan.yaml too, and an explicit file relative to the root, resolving paths from its folder', () => {
    expect(loadConfig(dir({ '.iac-scan.yaml': 'strict: true\n' })).config).toEqual({ strict: true });
    const root = dir({ 'ci/scan.yml': 'packs: [../rules]\n' });
    expect(loadConfig(root, 'ci/scan.yml').config).toEqual({ packs: [path.join(root, 'rules')] });
  });

  it('warns when both default names exist, and uses .iac-scan.yml', () => {
    const { config, notices } = loadConfig(dir({ '.iac-scan.yml': 'strict: true\n', '.iac-scan.yaml': 'strict: false\n' }));
    expect(config).toEqual({ strict: true });
    expect(notices).toMatchObject([{ level: 'warning', code: 'config-ambiguous', file: '.iac-scan.yaml' }]);
  });

  it('is an error when the --config file does not exist', () => {
    expect(loadConfig(dir({}), 'nope.yml').notices).toMatchObject([{ level: 'error', file: 'nope.yml' }]);
  });
});

/** The one error notice for a config text, as `line:column message`. */
function errors(text: string): string[] {
  const { config, notices } = loadConfig(dir({ '.iac-scan.yml': text }));
  expect(config).toEqual({});
  return notices.map((n) => {
    expect(n).toMatchObject({ level: 'error', code: 'config-invalid', file: '.iac-scan.yml' });
    return `${n.range?.start.line}:${n.range?.start.column} ${n.message}`;
  });
}

describe('loadConfig errors name the line, what was expected, and what to do', () => {
  it('a value outside the allowed set', () => {
    expect(errors('strict: true\nfail-on: sometimes\n')).toEqual(['2:10 fail-on: "sometimes" is not valid; expected one of critical, high, medium, low, none.']);
  });

  it('a value of the wrong type, deep in a list', () => {
    expect(errors('rules:\n  include:\n    owners: [customer, landlord]\n')).toEqual([
      '3:24 rules.include.owners[1]: "landlord" is not valid; expected one of customer, shared, provider.',
    ]);
    expect(errors('strict: "yes"\n')).toEqual(['1:9 strict: "yes" is not valid; expected true or false.']);
    expect(errors('include: templates/**\n')).toEqual([
      '1:10 include: "templates/**" is not valid; expected a list of path globs relative to the scan root, e.g. ["templates/**"].',
    ]);
  });

  it('an unknown key, with the likely intended one', () => {
    expect(errors('fail_on: high\n')).toEqual([expect.stringMatching(/^1:1 unknown key "fail_on"; did you mean "fail-on"\? expected one of include, exclude, rules,/)]);
  });

  it('a missing required key, at the entry', () => {
    expect(errors('ignore:\n  - rules: [aws-x]\n    paths: [a]\n')).toEqual([
      '2:5 ignore[0]: "reason" is missing; add it: a sentence saying why the finding is accepted.',
    ]);
  });

  it('a malformed date and an empty rule list', () => {
    expect(errors('ignore:\n  - rules: []\n    reason: r\n    until: 31/12/2030\n')).toEqual([
      '2:12 ignore[0].rules: the list is empty; expected a list of rule ids, or ["*"] for every rule.',
      '4:12 ignore[0].until: "31/12/2030" is not valid; expected a date written YYYY-MM-DD, e.g. 2026-12-31.',
    ]);
  });

  it('a parameter name CloudFormation would refuse', () => {
    expect(errors('parameters:\n  Env-Name: prod\n')).toEqual(['2:3 parameters: the name "Env-Name" is not valid; expected letters and digits only.']);
  });

  it('YAML syntax and duplicate keys', () => {
    expect(errors('strict: true\nstrict: false\n')).toEqual([expect.stringMatching(/^2:1 Map keys must be unique; the config file must be valid YAML or JSON/)]);
    expect(errors('exclude: [a\nstrict: true\n')).toHaveLength(1);
  });

  it('a document that is not a map', () => {
    expect(errors('- a\n- b\n')).toEqual(['1:1 a list is not valid; expected a map of settings such as include, exclude, rules, fail-on and ignore.']);
  });
});
