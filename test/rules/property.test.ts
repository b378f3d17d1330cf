import { ruleTester } from './rule-tester';
import { paramDefault, unknown } from '../helpers/resources';

const bucket = (properties: Record<string, unknown>) => ({ type: 'AWS::S3::Bucket', properties: properties as never });
const db = (properties: Record<string, unknown>) => ({ type: 'AWS::RDS::DBInstance', properties: properties as never });

const check = (assert: Record<string, unknown>, resource = 'AWS::S3::Bucket') => ({ check: { cloudformation: { resource, assert } } });

ruleTester('equals', check({ path: 'VersioningConfiguration.Status', equals: 'Enabled' }), {
  valid: [
    { name: 'the expected value', resource: bucket({ VersioningConfiguration: { Status: 'Enabled' } }) },
    { name: 'an unknown value never fails', resource: bucket({ VersioningConfiguration: { Status: unknown('Ref to parameter Mode') } }) },
    { name: 'an unknown parent never fails', resource: bucket({ VersioningConfiguration: unknown('Fn::If') }) },
  ],
  invalid: [
    {
      name: 'another value, at key start to value end',
      resource: bucket({ VersioningConfiguration: { Status: 'Suspended' } }),
      errors: [{ path: 'VersioningConfiguration.Status', message: 'VersioningConfiguration.Status is Suspended; expected Enabled', at: 'Status: Suspended' }],
    },
    {
      name: 'a missing leaf points at the nearest present collection key',
      resource: bucket({ VersioningConfiguration: { MfaDelete: 'Disabled' } }),
      errors: [{ path: 'VersioningConfiguration.Status', message: 'VersioningConfiguration.Status is not set; expected Enabled', at: 'VersioningConfiguration' }],
    },
    {
      name: 'nothing on the path present points at the resource',
      resource: bucket({ BucketName: 'b' }),
      errors: [{ path: 'VersioningConfiguration.Status', at: 'Subject' }],
    },
    {
      name: 'null counts as absent and points at the null property',
      resource: bucket({ VersioningConfiguration: { Status: null } }),
      errors: [{ path: 'VersioningConfiguration.Status', at: 'Status: null' }],
    },
    {
      name: 'a map where a scalar is expected',
      resource: bucket({ VersioningConfiguration: { Status: { Nested: 'x' } } }),
      errors: [{ path: 'VersioningConfiguration.Status', message: 'is a map; expected Enabled', at: 'Status' }],
    },
    {
      name: 'a value from a parameter Default names its origin',
      resource: bucket({ VersioningConfiguration: { Status: paramDefault('Mode') } }),
      parameters: { Mode: 'Suspended' },
      errors: [{ path: 'VersioningConfiguration.Status', at: 'Status: !Ref Mode' }],
    },
  ],
});

ruleTester('loose comparison', check({ path: 'PubliclyAccessible', equals: false }, 'AWS::RDS::DBInstance'), {
  valid: [
    { name: 'boolean', resource: db({ PubliclyAccessible: false }) },
    { name: 'string "false"', resource: db({ PubliclyAccessible: 'false' }) },
    { name: 'string "False"', resource: db({ PubliclyAccessible: 'False' }) },
  ],
  invalid: [
    { name: 'boolean true', resource: db({ PubliclyAccessible: true }), errors: ['PubliclyAccessible'] },
    { name: 'string "TRUE"', resource: db({ PubliclyAccessible: 'TRUE' }), errors: ['PubliclyAccessible'] },
    { name: 'a non-boolean string', resource: db({ PubliclyAccessible: 'no' }), errors: ['PubliclyAccessible'] },
  ],
});

ruleTester('numbers compare loosely', check({ path: 'Port', equals: 5432 }, 'AWS::RDS::DBInstance'), {
  valid: [
    { name: 'number', resource: db({ Port: 5432 }) },
    { name: 'numeric string', resource: db({ Port: '5432' }) },
  ],
  invalid: [
    { name: 'other number', resource: db({ Port: 3306 }), errors: [{ path: 'Port', message: 'Port is 3306; expected 5432' }] },
    { name: 'non-numeric string', resource: db({ Port: 'abc' }), errors: ['Port'] },
  ],
});

ruleTester('notEquals', check({ path: 'AccessControl', notEquals: 'PublicReadWrite' }), {
  valid: [
    { name: 'another value', resource: bucket({ AccessControl: 'Private' }) },
  ],
  invalid: [
    { name: 'the forbidden value', resource: bucket({ AccessControl: 'PublicReadWrite' }), errors: [{ path: 'AccessControl', message: 'expected anything but PublicReadWrite' }] },
    { name: 'absent without default fails', resource: bucket({}), errors: [{ path: 'AccessControl', message: 'AccessControl is not set; expected anything but PublicReadWrite' }] },
  ],
});

ruleTester('in / notIn', check({ all: [{ path: 'Engine', in: ['postgres', 'mysql'] }, { path: 'StorageType', notIn: ['standard'] }] }, 'AWS::RDS::DBInstance'), {
  valid: [{ name: 'listed and not excluded', resource: db({ Engine: 'mysql', StorageType: 'gp3' }) }],
  invalid: [
    {
      name: 'unlisted and excluded',
      resource: db({ Engine: 'oracle-ee', StorageType: 'standard' }),
      errors: [
        { path: 'Engine', message: 'Engine is oracle-ee; expected one of postgres, mysql' },
        { path: 'StorageType', message: 'expected none of standard' },
      ],
    },
  ],
});

ruleTester('gt', check({ path: 'N', gt: 7 }, 'AWS::RDS::DBInstance'), {
  valid: [{ name: '8', resource: db({ N: 8 }) }, { name: '"8"', resource: db({ N: '8' }) }],
  invalid: [
    { name: '7', resource: db({ N: 7 }), errors: [{ path: 'N', message: 'N is 7; expected more than 7' }] },
    { name: 'not a number', resource: db({ N: 'many' }), errors: ['N'] },
    { name: 'a list', resource: db({ N: [8] }), errors: [{ path: 'N', message: 'N is a list of 1 item; expected more than 7' }] },
  ],
});

ruleTester('gte with default', check({ path: 'BackupRetentionPeriod', gte: 7, default: 1 }, 'AWS::RDS::DBInstance'), {
  valid: [
    { name: '7', resource: db({ BackupRetentionPeriod: 7 }) },
    { name: '"35"', resource: db({ BackupRetentionPeriod: '35' }) },
  ],
  invalid: [
    { name: '3', resource: db({ BackupRetentionPeriod: 3 }), errors: [{ path: 'BackupRetentionPeriod', message: 'BackupRetentionPeriod is 3; expected at least 7', at: 'BackupRetentionPeriod: 3' }] },
    {
      name: 'absent: the default 1 fails, at the resource',
      resource: db({ Engine: 'mysql' }),
      errors: [{ path: 'BackupRetentionPeriod', message: 'BackupRetentionPeriod is not set (provider default: 1); expected at least 7', at: 'Subject' }],
    },
  ],
});

ruleTester('lt / lte', check({ all: [{ path: 'A', lt: 10 }, { path: 'B', lte: 10 }] }, 'AWS::RDS::DBInstance'), {
  valid: [{ name: 'below and at the bound', resource: db({ A: 9, B: 10 }) }],
  invalid: [
    {
      name: 'at and above the bound',
      resource: db({ A: 10, B: 11 }),
      errors: [
        { path: 'A', message: 'expected less than 10' },
        { path: 'B', message: 'expected at most 10' },
      ],
    },
  ],
});

ruleTester('matches / notMatches', check({ all: [{ path: 'Name', matches: '^prod-' }, { path: 'Arn', notMatches: ':root$' }] }, 'AWS::RDS::DBInstance'), {
  valid: [
    { name: 'matching and not matching', resource: db({ Name: 'prod-db', Arn: 'arn:aws:iam::1:user/x' }) },
    { name: 'notMatches passes on a non-string', resource: db({ Name: 'prod-1', Arn: { a: 1 } }) },
  ],
  invalid: [
    {
      name: 'the other way round',
      resource: db({ Name: 'dev-db', Arn: 'arn:aws:iam::1:root' }),
      errors: [
        { path: 'Name', message: 'Name is dev-db; expected a value matching /^prod-/' },
        { path: 'Arn', message: 'expected a value not matching /:root$/' },
      ],
    },
    { name: 'matches tests numbers as written', resource: db({ Name: 12, Arn: 'x' }), errors: ['Name'] },
  ],
});

ruleTester('exists: true', check({ path: 'LoggingConfiguration', exists: true }), {
  valid: [
    { name: 'present', resource: bucket({ LoggingConfiguration: { DestinationBucketName: 'logs' } }) },
    { name: 'unknown is present', resource: bucket({ LoggingConfiguration: unknown('Fn::If') }) },
  ],
  invalid: [
    { name: 'absent', resource: bucket({}), errors: [{ path: 'LoggingConfiguration', message: 'LoggingConfiguration is not set', at: 'Subject' }] },
    { name: 'null', resource: bucket({ LoggingConfiguration: null }), errors: ['LoggingConfiguration'] },
  ],
});

ruleTester('exists: false', check({ path: 'WebsiteConfiguration', exists: false }), {
  valid: [
    { name: 'absent', resource: bucket({}) },
    { name: 'null', resource: bucket({ WebsiteConfiguration: null }) },
    { name: 'unknown is not a finding', resource: bucket({ WebsiteConfiguration: unknown('Fn::If with AWS::NoValue') }) },
  ],
  invalid: [
    {
      name: 'present',
      resource: bucket({ WebsiteConfiguration: { IndexDocument: 'index.html' } }),
      errors: [{ path: 'WebsiteConfiguration', message: 'WebsiteConfiguration is a map; expected it not to be set', at: 'WebsiteConfiguration' }],
    },
  ],
});

ruleTester('wildcards: every matched value', check({ path: 'Rules[*].Status', equals: 'Enabled' }), {
  valid: [
    { name: 'all pass', resource: bucket({ Rules: [{ Status: 'Enabled' }, { Status: 'Enabled' }] }) },
    { name: 'a single map where a list is expected is one item', resource: bucket({ Rules: { Status: 'Enabled' } }) },
  ],
  invalid: [
    {
      name: 'each failing item is its own failure',
      resource: bucket({ Rules: [{ Status: 'Disabled' }, { Status: 'Enabled' }, { Id: 'x' }] }),
      errors: [
        { path: 'Rules[0].Status', at: 'Status: Disabled' },
        { path: 'Rules[2].Status', message: 'Rules[2].Status is not set', at: 'Id' },
      ],
    },
    { name: 'an empty list is absent at the list', resource: bucket({ Rules: [] }), errors: [{ path: 'Rules[*].Status', at: 'Rules' }] },
  ],
});

ruleTester('index and map wildcard', check({ all: [{ path: 'Tags[0].Key', equals: 'owner' }, { path: 'Variables.*', notMatches: '^AKIA' }] }), {
  valid: [{ name: 'both hold', resource: bucket({ Tags: [{ Key: 'owner' }], Variables: { A: 'x', B: 'y' } }) }],
  invalid: [
    {
      name: 'both fail',
      resource: bucket({ Tags: [{ Key: 'team' }], Variables: { A: 'x', B: 'AKIAXXXX' } }),
      errors: [{ path: 'Tags[0].Key', at: 'Key: team' }, { path: 'Variables.B', at: 'B: AKIAXXXX' }],
    },
    { name: 'an index out of range points at the list', resource: bucket({ Tags: [], Variables: { A: 'x' } }), errors: [{ path: 'Tags[0].Key', at: 'Tags' }] },
  ],
});

ruleTester('message replaces the generated one', check({ path: 'A', equals: 1, message: 'A must be one' }), {
  valid: [],
  invalid: [{ name: 'custom message', resource: bucket({ A: 2 }), errors: [{ path: 'A', message: /^A must be one$/ }] }],
});
