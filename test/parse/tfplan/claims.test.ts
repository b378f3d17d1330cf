import { describe, expect, it } from 'vitest';
import { terraformPlanParser } from '../../../src/parse/tfplan';
import { NO_PLACES, planJson } from './helpers';

const claims = (text: string, rel = 'plan.json') => terraformPlanParser(() => NO_PLACES).claims(rel, text);

describe('claims', () => {
  it('claims a plan by its top-level keys, whatever the file is called', () => {
    expect(claims(planJson({}))).toBe('json');
    expect(claims(planJson({}), 'out/whatever.json')).toBe('json');
    expect(claims('{"resource_changes": []}')).toBe('json');
    expect(claims('\n  {"planned_values": {}}')).toBe('json');
  });

  it('claims other Terraform JSON output, so that it can be told it is not a plan', () => {
    expect(claims('{"format_version": "1.0", "terraform_version": "1.5.0", "values": {"root_module": {}}}')).toBe('json');
  });

  it('claims a plan that is cut short after its keys, so that the parse can report where', () => {
    expect(claims('{"format_version": "1.2", "planned_values": {"root_module": {"resources": [')).toBe('json');
  });

  it('does not claim JSON where those names are not top-level keys', () => {
    expect(claims('{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [{"Key": "planned_values"}]}}}}')).toBeUndefined();
    expect(claims('{"nested": {"planned_values": {}, "resource_changes": []}}')).toBeUndefined();
    expect(claims('{"note": "see \\"planned_values\\""}')).toBeUndefined();
    expect(claims('[{"planned_values": {}}]')).toBeUndefined();
    expect(claims('{"format_version": "1.0", "provider_schemas": {}}')).toBeUndefined();
  });

  it('does not claim other JSON, and never throws on garbage', () => {
    expect(claims('{"name": "x", "version": "1.0.0"}', 'package.json')).toBeUndefined();
    expect(claims('')).toBeUndefined();
    expect(claims('"planned_values"')).toBeUndefined();
    expect(claims('{"planned_values"')).toBe('json');
    expect(claims('}}}{"planned_values": 1')).toBeUndefined();
  });
});
