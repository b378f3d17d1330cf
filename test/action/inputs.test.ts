import { describe, expect, it } from 'vitest';
import { ActionInputError, readInputs } from '../../src/action/inputs';

describe('Action inputs', () => {
  it('defaults to scanning . into iac-scan.sarif, leaving fail-on and category to the config', () => {
    expect(readInputs({})).toEqual({
      paths: ['.'],
      configPath: undefined,
      format: 'sarif',
      output: 'iac-scan.sarif',
      failOn: undefined,
      category: undefined,
      vars: [],
      varFiles: [],
      scanDate: undefined,
    });
    // The runner sets every declared input, empty when not given.
    expect(readInputs({ INPUT_PATHS: '', INPUT_CONFIG: '', 'INPUT_FAIL-ON': '', INPUT_OUTPUT: '  ', 'INPUT_SCAN-DATE': '' })).toEqual(readInputs({}));
  });

  it('splits paths on spaces and newlines', () => {
    expect(readInputs({ INPUT_PATHS: 'infra/a.yaml  infra/b\n\n  stacks/\r\n' }).paths).toEqual(['infra/a.yaml', 'infra/b', 'stacks/']);
  });

  it('reads Terraform variables one a line, so a value may hold spaces, and variable files like paths', () => {
    const inputs = readInputs({ INPUT_VARS: 'env=prod\n  tags_note=owned by platform \r\n\n', 'INPUT_VAR-FILES': 'prod.tfvars\n shared/common.tfvars.json' });
    expect(inputs.vars).toEqual(['env=prod', 'tags_note=owned by platform']);
    expect(inputs.varFiles).toEqual(['prod.tfvars', 'shared/common.tfvars.json']);
  });

  it('reads every input by its upper-cased name with hyphens kept', () => {
    const inputs = readInputs({
      INPUT_CONFIG: 'ci/iac-scan.yml',
      INPUT_FORMAT: 'json',
      INPUT_OUTPUT: 'out/report.json',
      'INPUT_FAIL-ON': 'high',
      INPUT_CATEGORY: 'infra',
    });
    expect(inputs).toMatchObject({
      configPath: 'ci/iac-scan.yml',
      format: 'json',
      output: 'out/report.json',
      failOn: 'high',
      category: 'infra',
    });
  });

  it("takes the scan date from scan-date, else from the step's SOURCE_DATE_EPOCH", () => {
    expect(readInputs({ 'INPUT_SCAN-DATE': ' 2025-12-31 ', SOURCE_DATE_EPOCH: '1767225600' }).scanDate).toBe('2025-12-31');
    expect(readInputs({ 'INPUT_SCAN-DATE': '', SOURCE_DATE_EPOCH: '1767225600' }).scanDate).toBe('2026-01-01');
    expect(() => readInputs({ 'INPUT_SCAN-DATE': '31/12/2025' })).toThrow(
      `input scan-date: "31/12/2025" is not valid; expected a calendar date written YYYY-MM-DD, e.g. 2026-03-31. Fix the 'with:' or 'env:' of this step.`,
    );
    expect(() => readInputs({ SOURCE_DATE_EPOCH: 'soon' })).toThrow(/^SOURCE_DATE_EPOCH "soon" is not valid; .* or give the date with input scan-date instead\./);
  });

  it('names the output after the format when none is given', () => {
    expect(readInputs({ INPUT_FORMAT: 'json' }).output).toBe('iac-scan.json');
    expect(readInputs({ INPUT_FORMAT: 'text' }).output).toBe('iac-scan.txt');
  });

  it('rejects unknown values, naming the input and what it accepts', () => {
    expect(() => readInputs({ 'INPUT_FAIL-ON': 'sometimes' })).toThrow(ActionInputError);
    expect(() => readInputs({ 'INPUT_FAIL-ON': 'sometimes' })).toThrow(
      'input fail-on: "sometimes" is not valid; expected one of critical, high, medium, low, none.',
    );
    expect(() => readInputs({ INPUT_FORMAT: 'html' })).toThrow(/input format: "html".*sarif, json, text/);
    expect(readInputs({ 'INPUT_FAIL-ON': 'none' }).failOn).toBe('none');
  });
});
