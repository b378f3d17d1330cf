import { describe, expect, it } from 'vitest';
import { classifyName, splitWords } from '../../../src/rules/builtins/secret-names';
import { ruleTester } from '../rule-tester';
import { paramDefault, supplied, unknown } from '../../helpers/resources';

const check = (resource: string) => ({ check: { cloudformation: { resource, assert: { builtin: 'secrets.noHardcodedSecrets' } } } });
const db = (properties: Record<string, unknown>) => ({ type: 'AWS::RDS::DBInstance', properties: properties as never });

ruleTester('secrets.noHardcodedSecrets', check('*'), {
  valid: [
    { name: 'a NoEcho parameter (unknown)', resource: db({ MasterUsername: 'admin', MasterUserPassword: unknown('Ref to NoEcho parameter DbPassword', { secret: true }) }) },
    { name: 'a dynamic reference', resource: db({ MasterUserPassword: '{{resolve:secretsmanager:db:SecretString:password}}' }) },
    { name: 'supplied at scan time', resource: db({ MasterUserPassword: supplied('hunter2') }) },
    { name: 'managed by RDS', resource: db({ ManageMasterUserPassword: true, MasterUserSecret: { KmsKeyId: 'k' } }) },
    { name: 'an empty string', resource: db({ MasterUserPassword: '' }) },
    { name: 'names about secrets', resource: db({ SecretsManagerSecretArn: 'arn:aws:secretsmanager:x', KmsKeyId: 'k', PasswordLength: '32', TokenType: 'jwt' }) },
    {
      name: 'a generator spec',
      resource: { type: 'AWS::SecretsManager::Secret', properties: { GenerateSecretString: { SecretStringTemplate: '{"username":"admin"}', GenerateStringKey: 'password' } } },
    },
    {
      name: 'token validity units hold no tokens',
      resource: { type: 'AWS::Cognito::UserPoolClient', properties: { TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' } } },
    },
    { name: 'environment entry whose name is not secret', resource: { type: 'AWS::ECS::TaskDefinition', properties: { ContainerDefinitions: [{ Environment: [{ Name: 'LOG_LEVEL', Value: 'debug' }] }] } } },
    {
      name: 'CodeBuild variable stored in Secrets Manager',
      resource: { type: 'AWS::CodeBuild::Project', properties: { Environment: { EnvironmentVariables: [{ Name: 'DB_PASSWORD', Type: 'SECRETS_MANAGER', Value: 'prod/db:password' }] } } },
    },
  ],
  invalid: [
    { name: 'a literal password', resource: db({ MasterUsername: 'admin', MasterUserPassword: 'hunter2' }), errors: [{ path: 'MasterUserPassword', at: 'MasterUserPassword: hunter2' }] },
    {
      name: 'a parameter Default is still in the code',
      resource: db({ MasterUserPassword: paramDefault('DbPassword') }),
      parameters: { DbPassword: 'hunter2' },
      errors: [{ path: 'MasterUserPassword', at: 'MasterUserPassword: !Ref DbPassword' }],
    },
    { name: 'SecretString', resource: { type: 'AWS::SecretsManager::Secret', properties: { SecretString: '{"password":"x"}' } }, errors: ['SecretString'] },
    {
      name: 'ECS environment pair: at the Value',
      resource: { type: 'AWS::ECS::TaskDefinition', properties: { ContainerDefinitions: [{ Name: 'app', Environment: [{ Name: 'LOG', Value: 'x' }, { Name: 'DB_PASSWORD', Value: 's3cr3t' }] }] } },
      errors: [{ path: 'ContainerDefinitions[0].Environment[1].Value', at: 'Value: s3cr3t' }],
    },
    {
      name: 'CodeBuild PLAINTEXT variable',
      resource: { type: 'AWS::CodeBuild::Project', properties: { Environment: { EnvironmentVariables: [{ Name: 'GITHUB_TOKEN', Type: 'PLAINTEXT', Value: 'ghp_x' }] } } },
      errors: ['Environment.EnvironmentVariables[0].Value'],
    },
    {
      name: 'Lambda Variables by name',
      resource: { type: 'AWS::Lambda::Function', properties: { Environment: { Variables: { STRIPE_API_KEY: 'sk_live_x', REGION: 'eu-west-1' } } } },
      errors: [{ path: 'Environment.Variables.STRIPE_API_KEY', at: 'STRIPE_API_KEY: sk_live_x' }],
    },
    {
      name: 'every secret, deep in the tree',
      resource: { type: 'AWS::DMS::Endpoint', properties: { Password: 'a', MongoDbSettings: { Password: 'b' }, Settings: [{ AuthToken: 'c' }] } },
      errors: ['Password', 'MongoDbSettings.Password', 'Settings[0].AuthToken'],
    },
  ],
});

ruleTester(
  'secrets.noHardcodedSecrets in Terraform',
  { check: { terraform: { resource: '*', assert: { builtin: 'secrets.noHardcodedSecrets' } } } },
  {
    valid: [{ name: 'a variable', resource: { type: 'aws_db_instance', properties: { password: unknown('var.db_password', { secret: true }) } } }],
    invalid: [
      { name: 'snake_case names', resource: { type: 'aws_db_instance', properties: { password: 'x', master_password: 'y', password_length: 'z' } }, errors: ['password', 'master_password'] },
      { name: 'provider-style keys', resource: { type: 'aws_iam_access_key', properties: { secret_access_key: 'x', access_key: 'AKIA', access_key_id: 'AKIA' } }, errors: ['secret_access_key', 'access_key'] },
    ],
  },
);

describe('secret names', () => {
  it.each([
    ['MasterUserPassword', ['master', 'user', 'password']],
    ['DB_PASSWORD', ['db', 'password']],
    ['APIKey', ['api', 'key']],
    ['apiKey', ['api', 'key']],
    ['db-password2', ['db', 'password', '2']],
    ['SecretsManagerSecretArn', ['secrets', 'manager', 'secret', 'arn']],
  ])('splits %s', (name, words) => {
    expect(splitWords(name)).toEqual(words);
  });

  it.each([
    ['Password', 'secret'],
    ['password', 'secret'],
    ['MasterUserPassword', 'secret'],
    ['AuthToken', 'secret'],
    ['ApiKey', 'secret'],
    ['PrivateKey', 'secret'],
    ['aws_secret_access_key', 'secret'],
    ['ClientSecret', 'secret'],
    ['Passphrase', 'secret'],
    ['SecretArn', 'about-secret'],
    ['SecretId', 'about-secret'],
    ['PasswordLength', 'about-secret'],
    ['PasswordPolicy', 'about-secret'],
    ['TokenType', 'about-secret'],
    ['SecretsEnabled', 'about-secret'],
    ['SecretRotation', 'about-secret'],
    ['SecretName', 'about-secret'],
    ['GenerateSecretString', 'about-secret'],
    ['ManageMasterUserPassword', 'about-secret'],
    ['SecretsManagerSecretArn', 'about-secret'],
    ['KeyName', 'other'],
    ['KmsKeyId', 'other'],
    ['Username', 'other'],
    ['Tokenizer', 'other'],
  ])('%s is %s', (name, kind) => {
    expect(classifyName(name)).toBe(kind);
  });
});
