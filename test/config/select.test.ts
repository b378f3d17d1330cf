import { describe, expect, it } from 'vitest';
import { selectRules, type Config } from '../../src/config';
import { rule } from '../helpers/scan-result';

const RULES = [
  rule('aws-a', 'critical', { owner: 'customer', controls: { iso27001: ['A.8.24'], iso27017: [] } }),
  rule('aws-b', 'high', { owner: 'shared', controls: { iso27001: ['A.8.2'], iso27017: ['CLD.12.4.5'] } }),
  rule('aws-c', 'medium', { owner: 'provider', controls: { iso27001: ['A.5.15'], iso27017: ['12.3.1'] } }),
  rule('aws-d', 'low', { owner: 'customer', controls: { iso27001: ['A.8.9'], iso27017: [] } }),
];

const ids = (config: Config) => selectRules(RULES, config).map((r) => r.id);

describe('selectRules', () => {
  it('keeps every rule without a selection', () => {
    expect(ids({})).toEqual(['aws-a', 'aws-b', 'aws-c', 'aws-d']);
  });

  it('selects by owner, by severity, by id', () => {
    expect(ids({ rules: { include: { owners: ['customer'] } } })).toEqual(['aws-a', 'aws-d']);
    expect(ids({ rules: { include: { severities: ['high', 'medium'] } } })).toEqual(['aws-b', 'aws-c']);
    expect(ids({ rules: { include: { ids: ['aws-c'] } } })).toEqual(['aws-c']);
  });

  it('selects by control of either standard, a parent control picking its children', () => {
    expect(ids({ rules: { include: { controls: ['CLD.12.4.5'] } } })).toEqual(['aws-b']);
    expect(ids({ rules: { include: { controls: ['a.8.24'] } } })).toEqual(['aws-a']);
    expect(ids({ rules: { include: { controls: ['A.8'] } } })).toEqual(['aws-a', 'aws-b', 'aws-d']);
    expect(ids({ rules: { include: { controls: ['A.8.2'] } } })).toEqual(['aws-b']);
  });

  it('narrows with each include field and removes with each exclude field', () => {
    expect(ids({ rules: { include: { owners: ['customer'], severities: ['critical'] } } })).toEqual(['aws-a']);
    expect(ids({ rules: { exclude: { ids: ['aws-a'], owners: ['provider'] } } })).toEqual(['aws-b', 'aws-d']);
    expect(ids({ rules: { include: { owners: ['customer'] }, exclude: { severities: ['low'] } } })).toEqual(['aws-a']);
  });

  it('judges severity after the config overrides it', () => {
    expect(ids({ severity: { 'aws-d': 'critical' }, rules: { include: { severities: ['critical'] } } })).toEqual(['aws-a', 'aws-d']);
  });

  it('ignores empty lists instead of selecting nothing', () => {
    expect(ids({ rules: { include: { ids: [], owners: ['shared'] } } })).toEqual(['aws-b']);
  });
});
