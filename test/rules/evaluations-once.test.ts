import { describe, expect, it } from 'vitest';
import type { CheckOutcome, Evaluation } from '../../src/model';
import { evaluationsOnce, resourcesOnce } from '../../src/rules';
import { range, resource } from '../helpers/scan-result';

// A configuration resource, the plan's view of it (moved to its `.tf` line), and a resource only the plan has.
const at = range('main.tf', 9, 1, 9, 30);
const configured = resource('main.tf', 'aws_ebs_volume.data', 'aws_ebs_volume', at, { key: 'main.tf#aws_ebs_volume.data', format: 'terraform', family: 'terraform' });
const planned = resource('main.tf', 'aws_ebs_volume.data', 'aws_ebs_volume', at, { key: 'plan.json#aws_ebs_volume.data', format: 'terraform-plan', family: 'terraform', unit: 'plan.json' });
const planOnly = resource('plan.json', 'aws_s3_bucket.logs', 'aws_s3_bucket', range('plan.json', 40, 1, 40, 9), { key: 'plan.json#aws_s3_bucket.logs', format: 'terraform-plan', family: 'terraform' });

const evaluation = (key: string, outcome: CheckOutcome): Evaluation => ({ rule: 'aws-ebs-encryption', resource: key, outcome });

describe('a plan scanned beside its configuration', () => {
  it('lists each resource once, the configuration over the plan, whatever the order', () => {
    expect(resourcesOnce([planned, configured, planOnly])).toEqual([configured, planOnly]);
    expect(resourcesOnce([configured, planned, planOnly])).toEqual([configured, planOnly]);
  });

  it.each<[CheckOutcome, CheckOutcome, CheckOutcome]>([
    // The plan knows the value the configuration leaves to a variable.
    ['unknown', 'fail', 'fail'],
    ['unknown', 'pass', 'pass'],
    ['unknown', 'not-applicable', 'not-applicable'],
    ['pass', 'unknown', 'pass'],
    ['unknown', 'unknown', 'unknown'],
    ['pass', 'fail', 'fail'],
  ])('folds the plan into the configuration: %s beside %s is %s', (fromConfig, fromPlan, merged) => {
    const once = evaluationsOnce([evaluation(planned.key, fromPlan), evaluation(configured.key, fromConfig)], [configured, planned], resourcesOnce([configured, planned]));
    expect(once).toEqual([expect.objectContaining({ resource: configured.key, outcome: merged })]);
  });

  it('keeps what only the plan has, and keeps rules apart', () => {
    const once = evaluationsOnce(
      [evaluation(planOnly.key, 'fail'), evaluation(configured.key, 'pass'), { ...evaluation(configured.key, 'pass'), rule: 'other' }],
      [configured, planned, planOnly],
      resourcesOnce([configured, planned, planOnly]),
    );
    expect(once.map((e) => `${e.rule} ${e.resource} ${e.outcome}`)).toEqual([
      'aws-ebs-encryption plan.json#aws_s3_bucket.logs fail',
      'aws-ebs-encryption main.tf#aws_ebs_volume.data pass',
      'other main.tf#aws_ebs_volume.data pass',
    ]);
  });
});
