import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadControlCatalog, nearestIds, serviceOf, shippedCatalog } from '../../src/controls';
import { builtinControlsDir, builtinRulesDir, loadRules } from '../../src/rules';
import { formatNotice } from '../../src/scan/notices';

const catalog = shippedCatalog();
const annexA = catalog.controls.iso27001;
const iso27017 = catalog.controls.iso27017;

describe('the shipped controls catalog', () => {
  it('holds the ISO/IEC 27001:2022 Annex A controls cloud rules evidence, with their official titles', () => {
    const required = ['A.5.15', 'A.5.17', 'A.5.18', 'A.5.23', 'A.5.30', 'A.8.2', 'A.8.3', 'A.8.5', 'A.8.8', 'A.8.9', 'A.8.10', 'A.8.12', 'A.8.13', 'A.8.14', 'A.8.15', 'A.8.16', 'A.8.20', 'A.8.21', 'A.8.22', 'A.8.24', 'A.8.32'];
    expect(required.filter((id) => !annexA.has(id))).toEqual([]);
    expect(annexA.get('A.5.23')?.title).toBe('Information security for use of cloud services');
    expect(annexA.get('A.8.9')?.title).toBe('Configuration management');
    expect(annexA.get('A.8.20')?.title).toBe('Networks security');
    expect(annexA.get('A.8.24')?.title).toBe('Use of cryptography');
  });

  it("holds ISO/IEC 27017's seven cloud controls", () => {
    const cloud = [...iso27017.values()].filter((c) => c.group === 'cloud').map((c) => `${c.id} ${c.title}`);
    expect(cloud).toEqual([
      'CLD.6.3.1 Shared roles and responsibilities within a cloud computing environment',
      'CLD.8.1.5 Removal of cloud service customer assets',
      'CLD.9.5.1 Segregation in virtual computing environments',
      'CLD.9.5.2 Virtual machine hardening',
      'CLD.12.1.5 Administrator\'s operational security',
      'CLD.12.4.5 Monitoring of cloud services',
      'CLD.13.1.4 Alignment of security management for virtual and physical networks',
    ]);
  });

  it('maps each ISO/IEC 27002:2013 clause to its 2022 Annex A control as ISO/IEC 27002:2022 Annex B does, and gives it that split', () => {
    const expected: Record<string, string> = {
      '9.1.2': 'A.5.15', '9.2.1': 'A.5.16', '9.2.3': 'A.8.2', '9.2.4': 'A.5.17', '9.4.1': 'A.8.3', '9.4.2': 'A.8.5',
      '10.1.1': 'A.8.24', '10.1.2': 'A.8.24', '12.1.2': 'A.8.32', '12.1.3': 'A.8.6', '12.3.1': 'A.8.13', '12.4.1': 'A.8.15',
      '12.4.3': 'A.8.15', '12.4.4': 'A.8.17', '12.6.1': 'A.8.8', '13.1.3': 'A.8.22', '13.2.1': 'A.5.14', '14.1.2': 'A.8.26',
      '17.2.1': 'A.8.14', '18.1.3': 'A.5.33',
    };
    for (const [clause, control] of Object.entries(expected)) {
      const found = iso27017.get(clause);
      expect(found?.group, clause).toBe('clause');
      expect(found?.annexA, clause).toBe(control);
      expect(found?.split, clause).toEqual(annexA.get(control)?.split);
    }
  });

  it('marks the clauses ISO/IEC 27017 applies without cloud guidance of its own, and only those', () => {
    // ISO/IEC 27017 adds cloud guidance to 37 clauses of ISO/IEC 27002:2013 (12.4.3 among them);
    // 9.4.2, 13.2.1, 14.1.2 and 17.2.1 it takes over unchanged.
    const without = [...iso27017.values()].filter((c) => c.group === 'clause' && !c.cloudGuidance).map((c) => c.id);
    expect(without).toEqual(['9.4.2', '13.2.1', '14.1.2', '17.2.1']);
    expect(iso27017.get('12.4.3')?.cloudGuidance).toBe(true);
  });

  it('gives every control an owner in each service model', () => {
    for (const control of [...annexA.values(), ...iso27017.values()]) {
      expect(Object.keys(control.split).sort(), control.id).toEqual(['abstracted', 'container', 'infrastructure']);
    }
    expect(annexA.get('A.8.8')?.split).toEqual({ infrastructure: 'customer', container: 'shared', abstracted: 'provider' });
  });

  it("lists what only the provider can evidence as inherited, with the provider's certification as evidence", () => {
    const physical = [...annexA.values()].filter((c) => c.id.startsWith('A.7.'));
    expect(physical.length).toBeGreaterThan(5);
    for (const control of physical) {
      expect(control.split, control.id).toEqual({ infrastructure: 'provider', container: 'provider', abstracted: 'provider' });
      expect(control.inherited?.evidence, control.id).toBe("the provider's certification");
    }
    expect(iso27017.get('CLD.9.5.1')?.inherited?.scope).toContain('hypervisor');
    expect(iso27017.get('CLD.13.1.4')?.inherited?.evidence).toBe("the provider's certification");
  });

  it('knows every control the shipped rules name', () => {
    const { errors } = loadRules([{ dir: builtinRulesDir(), pack: 'builtin' }], catalog);
    expect(errors.map(formatNotice)).toEqual([]);
  });
});

describe('serviceOf', () => {
  it.each([
    ['cloudformation', 'AWS::EC2::Instance', 'infrastructure'],
    ['cloudformation', 'AWS::EC2::SecurityGroup', 'infrastructure'],
    ['cloudformation', 'AWS::RDS::DBInstance', 'container'],
    ['cloudformation', 'AWS::S3::Bucket', 'abstracted'],
    ['terraform', 'aws_instance', 'infrastructure'],
    ['terraform', 'aws_vpc_security_group_ingress_rule', 'infrastructure'],
    ['terraform', 'aws_db_instance', 'container'],
    ['terraform', 'aws_s3_bucket_versioning', 'abstracted'],
    ['terraform', 'aws_dynamodb_table', 'abstracted'],
  ] as const)('%s %s is an %s service', (family, type, model) => {
    expect(serviceOf(catalog, family, type)?.model).toBe(model);
  });

  it('matches whole words of a type: aws_route covers aws_route_table, not aws_route53_zone', () => {
    expect(serviceOf(catalog, 'terraform', 'aws_route_table')?.service).toBe('Amazon EC2 and Amazon VPC');
    expect(serviceOf(catalog, 'terraform', 'aws_route53_zone')?.service).toBe('Amazon Route 53');
    expect(serviceOf(catalog, 'cloudformation', 'AWS::S3Express::DirectoryBucket')).toBeUndefined();
  });

  it('knows no model for a type outside the table', () => {
    expect(serviceOf(catalog, 'terraform', 'random_password')).toBeUndefined();
  });
});

describe('nearestIds', () => {
  it('offers the ids fewest edits away, siblings first, at most three', () => {
    expect(nearestIds('A.8.99', annexA.keys())).toEqual(['A.8.9']);
    expect(nearestIds('CLD.9.5.3', iso27017.keys())).toEqual(['CLD.9.5.1', 'CLD.9.5.2']);
    // 12.1.2 is one edit away too, but 12.4.x share more of the id.
    expect(nearestIds('12.4.2', iso27017.keys())).toEqual(['12.4.1', '12.4.3', '12.4.4']);
    expect(nearestIds('x', [])).toEqual([]);
  });
});

describe('loadControlCatalog', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-scan-controls-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** A copy of the shipped catalog with one file's text changed; the errors as `file:line:col: message`. */
  function errorsWith(file: string, change: (text: string) => string): string[] {
    const dir = fs.mkdtempSync(path.join(tmp, 'catalog-'));
    for (const name of fs.readdirSync(builtinControlsDir())) fs.copyFileSync(path.join(builtinControlsDir(), name), path.join(dir, name));
    const target = path.join(dir, file);
    const text = fs.readFileSync(target, 'utf8');
    const changed = change(text);
    expect(changed, 'the change applies').not.toBe(text);
    fs.writeFileSync(target, changed);
    const { catalog: loaded, errors } = loadControlCatalog(dir);
    expect(loaded).toBeUndefined();
    return errors.map((e) => formatNotice({ ...e, range: e.range && { ...e.range, file: path.basename(e.range.file) } }));
  }

  const lineOf = (file: string, fragment: string) => fs.readFileSync(path.join(builtinControlsDir(), file), 'utf8').split('\n').findIndex((l) => l.includes(fragment)) + 1;

  it('checks each file against the schema, at the offending line', () => {
    const line = lineOf('iso27001.yaml', '- id: A.8.8');
    const errors = errorsWith('iso27001.yaml', (t) => t.replace('title: Management of technical vulnerabilities\n    split: { infrastructure: customer', 'title: Management of technical vulnerabilities\n    split: { infrastructure: customr'));
    expect(errors).toEqual([`iso27001.yaml:${line + 2}:30: controls[${controlIndex('A.8.8')}].split.infrastructure: "customr" is not valid; expected one of customer, shared, provider.`]);
  });

  it('reports a clause whose Annex A control is missing, with the nearest ids', () => {
    const line = lineOf('iso27017.yaml', 'id: "12.6.1"');
    const errors = errorsWith('iso27017.yaml', (t) => t.replace('annexA: A.8.8 }', 'annexA: A.8.99 }'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^iso27017\\.yaml:${line}:\\d+: "A\\.8\\.99" is not a control of .*iso27001\\.yaml \\(nearest: A\\.8\\.9\\); add it there or correct the id\\.$`));
  });

  it('reports a control listed twice, naming the first line', () => {
    const first = lineOf('iso27017.yaml', 'id: "12.3.1"');
    const errors = errorsWith('iso27017.yaml', (t) => t.replace('{ id: "12.4.1",', '{ id: "12.3.1",'));
    expect(errors).toEqual([`iso27017.yaml:${first + 1}:11: "12.3.1" is already listed at line ${first}; list each control once.`]);
  });

  it('reports a resource type prefix listed under two services', () => {
    const errors = errorsWith('service-models.yaml', (t) => t.replace('terraform: [aws_dynamodb]', 'terraform: [aws_db]'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^service-models\.yaml:\d+:\d+: "aws_db" is already listed for Amazon RDS; list each prefix under one service\.$/);
  });

  it('reports a missing file and what to do', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'partial-'));
    fs.copyFileSync(path.join(builtinControlsDir(), 'iso27001.yaml'), path.join(dir, 'iso27001.yaml'));
    const { errors } = loadControlCatalog(dir);
    expect(errors.map((e) => path.basename(e.file ?? ''))).toEqual(['iso27017.yaml', 'service-models.yaml']);
    expect(errors[0].message).toContain('could not be read (ENOENT); it ships with iac-scan in controls/');
  });
});

function controlIndex(id: string): number {
  return [...annexA.keys()].indexOf(id);
}
