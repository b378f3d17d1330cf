import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/parse/format';
import { terraformPlan } from '../../../src/parse/tfplan';
import { Workspace } from '../../../src/parse/workspace';
import { makeTree } from '../../discover/tree';
import { creates, plain, planJson, planned, prop, resource, span, spanOf } from './helpers';

const MAIN_TF = `module "store" {
  source = "./modules/store"
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"

  versioning {
    enabled = false
  }
}
`;

const STORE_TF = `resource "aws_s3_bucket" "this" {
  bucket        = "store"
  force_destroy = true
}
`;

const PLAN = planJson({
  root: {
    resources: [planned('aws_s3_bucket.logs', { bucket: 'logs', versioning: [{ enabled: false, mfa_delete: false }], acl: 'private' })],
    child_modules: [{ address: 'module.store', resources: [planned('module.store.aws_s3_bucket.this', { bucket: 'store', force_destroy: true })] }],
  },
  changes: [creates('aws_s3_bucket.logs'), creates('module.store.aws_s3_bucket.this')],
  configuration: { module_calls: { store: { source: './modules/store', module: {} } } },
});

/** The plan scanned from a real folder with the `.tf` files beside it, parsed by the registry's plan parser. */
function scan(files: Record<string, string>, rel = 'infra/plan.json') {
  const root = makeTree(files);
  const file = { path: path.join(root, rel), rel, text: files[rel], format: 'terraform-plan' as const, syntax: 'json' as const };
  return terraformPlan.parse([file], { root, parameters: new Map(), limits: DEFAULT_LIMITS, workspace: new Workspace(root, 1 << 20) });
}

describe('plans beside their .tf files, read with the HCL parser', () => {
  it('point resources and written attributes at the .tf lines, keeping the plan as unit', () => {
    const result = scan({ 'infra/plan.json': PLAN, 'infra/main.tf': MAIN_TF, 'infra/modules/store/main.tf': STORE_TF });
    expect(result.notices).toEqual([]);
    const logs = resource(result, 'aws_s3_bucket.logs');
    expect([logs.file, logs.unit, span(logs.range)]).toEqual(['infra/main.tf', 'infra/plan.json', spanOf(MAIN_TF, 'resource "aws_s3_bucket" "logs"')]);
    expect(span(prop(result, 'aws_s3_bucket.logs', 'bucket')?.range)).toBe(spanOf(MAIN_TF, '"logs"', 'bucket = '));
    expect(span(prop(result, 'aws_s3_bucket.logs', 'versioning.0.enabled')?.range)).toBe(spanOf(MAIN_TF, 'false'));
    // Left to the provider: only the plan has it.
    expect(span(prop(result, 'aws_s3_bucket.logs', 'acl')?.range)).toBe(spanOf(PLAN, '"private"'));
    expect(plain(logs.attributes)).toEqual({ bucket: 'logs', versioning: [{ enabled: false, mfa_delete: false }], acl: 'private' });
  });

  it('find a local module through its source, with the module call as origin', () => {
    const result = scan({ 'infra/plan.json': PLAN, 'infra/main.tf': MAIN_TF, 'infra/modules/store/main.tf': STORE_TF });
    const store = resource(result, 'module.store.aws_s3_bucket.this');
    expect([store.file, span(store.range)]).toEqual(['infra/modules/store/main.tf', spanOf(STORE_TF, 'resource "aws_s3_bucket" "this"')]);
    expect(span(prop(result, 'module.store.aws_s3_bucket.this', 'force_destroy')?.range)).toBe(spanOf(STORE_TF, 'true'));
    expect(store.origin?.map((r) => [r.file, span(r)])).toEqual([['infra/main.tf', spanOf(MAIN_TF, 'module "store"')]]);
  });

  it('keep plan positions when the plan is not beside its configuration', () => {
    const result = scan({ 'plans/plan.json': PLAN, 'infra/main.tf': MAIN_TF }, 'plans/plan.json');
    expect(resource(result, 'aws_s3_bucket.logs').file).toBe('plans/plan.json');
  });
});
