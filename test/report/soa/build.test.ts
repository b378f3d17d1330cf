import { describe, expect, it } from 'vitest';
import type { Evaluation, Finding, Resource } from '../../../src/model';
import { buildSoa } from '../../../src/report/soa/build';
import type { ControlEvidence, ResourceState } from '../../../src/report/soa/types';
import { range, resource } from '../../helpers/scan-result';
import { bucket, custom, db, ENCRYPTION, failing, key, MONITORING, outcome, ROTATION, scanOf, type ScanParts } from './scan';

const control = (parts: ScanParts, id: string): ControlEvidence | undefined => buildSoa(scanOf(parts), '1.2.3').controls.find((c) => c.control.id === id);

describe('SoA rows: what each rule made of each resource', () => {
  const accepted: Finding = failing(ENCRYPTION, db, { suppression: { kind: 'inline', justification: 'test data only', until: '2027-01-31' } });
  it.each<[string, Partial<ScanParts>, Record<string, unknown>]>([
    ['an open finding fails, at the finding', { findings: [failing(ENCRYPTION, db)], evaluations: [outcome(ENCRYPTION, db, 'fail')] }, { state: 'failed', message: 'OrdersDb breaks aws-rds-storage-encrypted', at: range('stack.yaml', 5, 7, 5, 30) }],
    ['a suppressed finding is an accepted risk, with its justification', { findings: [accepted], evaluations: [outcome(ENCRYPTION, db, 'fail')] }, { state: 'accepted', suppression: accepted.suppression }],
    ['a pass', { evaluations: [outcome(ENCRYPTION, db, 'pass')] }, { state: 'passed', at: db.range }],
    ["a pass by the provider's default", { evaluations: [outcome(ENCRYPTION, db, 'pass', { byDefault: true })] }, { state: 'passed', byDefault: true }],
    ['an unknown is undecided, never a pass', { evaluations: [outcome(ENCRYPTION, db, 'unknown', { why: 'StorageEncrypted is unknown' })] }, { state: 'undecided', why: 'StorageEncrypted is unknown' }],
    ["out of the rule's scope", { evaluations: [outcome(ENCRYPTION, db, 'not-applicable')] }, { state: 'not-applicable' }],
  ])('%s', (_name, parts, expected) => {
    const rows = control({ resources: [db], ...parts }, 'A.8.24')!.rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rule: 'aws-rds-storage-encrypted', address: 'OrdersDb', type: 'AWS::RDS::DBInstance', model: 'container', service: 'Amazon RDS', ...expected });
  });

  it("shows a CDK resource's construct path, and its stack in the address", () => {
    const made = resource('cdk.out/App.template.json', 'Db1234', 'AWS::RDS::DBInstance', range('cdk.out/App.template.json', 9, 5, 9, 11), {
      context: { stack: 'App', constructPath: 'App/Orders/Db' },
      userCode: { created: range('lib/app.ts', 14, 5, 14, 40), properties: new Map() },
    });
    const [row] = control({ resources: [made], evaluations: [outcome(ENCRYPTION, made, 'pass')] }, 'A.8.24')!.rows;
    expect(row).toMatchObject({ address: 'App/Db1234', constructPath: 'App/Orders/Db', at: range('lib/app.ts', 14, 5, 14, 40) });
  });
});

describe('SoA controls', () => {
  const GRAVEST_FIRST: ResourceState[] = ['failed', 'undecided', 'accepted', 'passed', 'not-applicable'];

  /** One resource per state, all under the encryption rule. */
  function withStates(states: ResourceState[]): ScanParts {
    const resources: Resource[] = states.map((_, i) => resource('stack.yaml', `Db${i}`, 'AWS::RDS::DBInstance', range('stack.yaml', 10 * i + 1, 3, 10 * i + 1, 6)));
    const findings: Finding[] = [];
    const evaluations: Evaluation[] = [];
    states.forEach((state, i) => {
      const r = resources[i];
      if (state === 'failed') findings.push(failing(ENCRYPTION, r));
      else if (state === 'accepted') findings.push(failing(ENCRYPTION, r, { suppression: { kind: 'config', justification: 'replaced next quarter' } }));
      else evaluations.push(outcome(ENCRYPTION, r, ({ passed: 'pass', undecided: 'unknown', 'not-applicable': 'not-applicable' } as const)[state]));
    });
    return { resources, findings, evaluations };
  }

  it.each<[ResourceState[], ControlEvidence['status']]>([
    [['passed', 'failed', 'undecided', 'accepted'], 'failing'],
    [['passed', 'accepted', 'undecided'], 'undecided'],
    [['passed', 'accepted', 'not-applicable'], 'accepted'],
    [['passed', 'not-applicable'], 'passing'],
    [['not-applicable'], 'not-exercised'],
    [[], 'not-exercised'],
  ])('%j make the control %s', (states, status) => {
    const evidence = control(withStates(states), 'A.8.24')!;
    expect(evidence.status).toBe(status);
    expect(evidence.rows.map((r) => r.state)).toEqual([...states].sort((a, b) => GRAVEST_FIRST.indexOf(a) - GRAVEST_FIRST.indexOf(b)));
  });

  it('counts each resource once, by its gravest state under all the rules of the control', () => {
    const parts: ScanParts = {
      resources: [db, key],
      findings: [failing(ENCRYPTION, db)],
      evaluations: [outcome(ENCRYPTION, db, 'fail'), outcome(ROTATION, key, 'pass'), outcome(ROTATION, db, 'unknown')],
    };
    expect(control(parts, 'A.8.24')!.counts).toEqual({ failed: 1, undecided: 0, accepted: 0, passed: 1, 'not-applicable': 0 });
  });

  it('shows a 2013 clause under its 2022 control: a rule naming only the clause evidences the control', () => {
    const evidence = control({ resources: [key], evaluations: [outcome(ROTATION, key, 'pass')] }, 'A.8.24')!;
    expect(evidence.guidance.map((c) => c.id)).toEqual(['10.1.1', '10.1.2']);
    expect(evidence.rules.map((r) => [r.rule.id, r.via, r.resources])).toEqual([
      ['aws-kms-key-rotation', ['10.1.2'], 1],
      ['aws-rds-storage-encrypted', ['A.8.24', '10.1.1'], 0],
    ]);
    const soa = buildSoa(scanOf({ resources: [key] }), '1.2.3');
    expect(soa.controls.some((c) => c.control.id === '10.1.2' || c.control.group === 'clause')).toBe(false);
  });

  it('keeps the ISO/IEC 27017 cloud controls as their own rows', () => {
    const evidence = control({ resources: [db], evaluations: [outcome(MONITORING, db, 'pass')] }, 'CLD.12.4.5')!;
    expect(evidence).toMatchObject({ standard: 'iso27017', status: 'passing', guidance: [] });
  });

  it('names the service models in use under each control, where its owner split applies', () => {
    const evidence = control({ resources: [db, key], evaluations: [outcome(ENCRYPTION, db, 'pass'), outcome(ROTATION, key, 'pass')] }, 'A.8.24')!;
    expect(evidence.inUse).toEqual([
      { model: 'container', services: ['Amazon RDS'] },
      { model: 'abstracted', services: ['AWS KMS'] },
    ]);
    expect([evidence.control.split.container, evidence.control.split.abstracted]).toEqual(['customer', 'shared']);
  });
});

describe('SoA services, inherited controls, A.5.23 and gaps', () => {
  it('lists the services in use by model, and the types the catalog places in none', () => {
    const soa = buildSoa(scanOf({ resources: [bucket, db, custom, key] }), '1.2.3');
    expect(soa.services.models.map((m) => [m.model, m.services])).toEqual([
      ['container', [{ service: 'Amazon RDS', resources: 1 }]],
      ['abstracted', [{ service: 'AWS KMS', resources: 1 }, { service: 'Amazon S3', resources: 1 }]],
    ]);
    expect(soa.services.unmapped).toEqual([{ type: 'Custom::Seeder', resources: 1 }]);
  });

  it('inherits nothing through code that uses no service the catalog knows', () => {
    expect(buildSoa(scanOf({ resources: [custom] }), '1.2.3').inherited).toEqual([]);
  });

  it('inherits the provider-operated controls for the services in use, with their evidence', () => {
    const soa = buildSoa(scanOf({ resources: [db] }), '1.2.3');
    expect(soa.inherited.map((i) => i.control.id)).toEqual(['A.7.1', 'A.7.2', 'A.7.3', 'A.7.4', 'A.7.5', 'A.7.8', 'A.7.10', 'A.7.11', 'A.7.12', 'A.7.13', 'A.7.14', 'CLD.9.5.1', 'CLD.13.1.4']);
    expect(soa.inherited.find((i) => i.control.id === 'A.7.14')!.guidance.map((c) => c.id)).toEqual(['11.2.7']);
    expect(soa.inherited.every((i) => i.evidence === "the provider's certification")).toBe(true);
  });

  it('gives A.5.23 its own place as evidenced in part by the scan, never as a gap', () => {
    const soa = buildSoa(scanOf({ resources: [db, key], evaluations: [outcome(ENCRYPTION, db, 'pass')] }), '1.2.3');
    expect(soa.cloudUse).toMatchObject({ control: { id: 'A.5.23' }, services: ['Amazon RDS', 'AWS KMS'], checked: 1 });
    expect(soa.cloudUse!.control.split).toEqual({ infrastructure: 'customer', container: 'customer', abstracted: 'customer' });
    const gaps = soa.notCovered.map((c) => c.control.id);
    expect(gaps).not.toContain('A.5.23');
    expect(gaps).toContain('A.5.19');
    expect(gaps).toContain('CLD.6.3.1');
    // Evidenced and inherited controls are not gaps.
    expect(gaps).not.toContain('A.8.24');
    expect(gaps).not.toContain('A.7.1');
  });

  it('sums up controls and resources, and says when the evidence is incomplete', () => {
    const parts: ScanParts = {
      resources: [db, key, custom],
      findings: [failing(ENCRYPTION, db)],
      evaluations: [outcome(ENCRYPTION, db, 'fail'), outcome(ROTATION, key, 'unknown'), outcome(MONITORING, db, 'pass')],
      notices: [{ level: 'error', code: 'parse-error', file: 'broken.yaml', message: 'expected a mapping' }, { level: 'note', code: 'unused-suppression', message: 'x' }],
    };
    const { summary, scan } = buildSoa(scanOf(parts), '1.2.3');
    expect(summary.controls).toMatchObject({ evidenced: 3, failing: 1, passing: 2, undecided: 0, accepted: 0, inherited: 13 });
    expect(summary.resources).toEqual({ scanned: 3, checked: 2, failed: 1, undecided: 1, accepted: 0, passed: 0, 'not-applicable': 0 });
    expect([summary.complete, scan.complete, summary.errors]).toEqual([false, false, 1]);
    expect(scan.problems.map((n) => n.code)).toEqual(['parse-error']);
  });
});
