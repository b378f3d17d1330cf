/** The Terraform checks of aws-no-hardcoded-secrets (the built-in itself: builtins/secrets-no-hardcoded-secrets.test.ts). */
import { ref, unknown } from '../../helpers/resources';
import { ruleTester, shippedRule } from '../rule-tester';

const db = (properties: Record<string, unknown>) => ({ type: 'aws_db_instance', properties: { engine: 'postgres', username: 'app', ...properties } as never });
const parameter = (properties: Record<string, unknown>) => ({ type: 'aws_ssm_parameter', properties: { name: '/app/db/password', ...properties } as never });

ruleTester('aws-no-hardcoded-secrets (Terraform)', shippedRule('aws-no-hardcoded-secrets'), {
  valid: [
    { name: 'a sensitive variable without a default', resource: db({ password: unknown('var.db_password', { secret: true }) }) },
    { name: 'a generated password', resource: db({ password: ref('pw', 'result') }), others: [{ address: 'pw', type: 'random_password', properties: { length: 32, special: true } }] },
    { name: 'a password managed by RDS', resource: db({ manage_master_user_password: true, master_user_secret_kms_key_id: 'alias/rds' }) },
    { name: 'a write-only version number', resource: db({ password_wo: unknown('ephemeral.aws_secretsmanager_secret_version.db.secret_string'), password_wo_version: 2 }) },
    { name: 'a SecureString from a variable', resource: parameter({ type: 'SecureString', value: unknown('var.db_password', { secret: true }) }) },
    { name: 'a plain String parameter', resource: parameter({ name: '/app/log-level', type: 'String', value: 'debug' }) },
    { name: 'a CodeBuild variable read from Parameter Store', resource: { type: 'aws_codebuild_project', properties: { environment: [{ environment_variable: [{ name: 'DB_PASSWORD', type: 'PARAMETER_STORE', value: '/app/db/password' }] }] } } },
  ],
  invalid: [
    {
      name: 'a literal password',
      resource: db({ password: 'hunter2' }),
      errors: [{ path: 'password', message: 'aws_db_instance Subject has a secret in the code: password holds a secret written in the code (password); expected a reference to a secret store, a generated secret or a sensitive variable without a default', at: 'password: hunter2' }],
    },
    { name: 'an Aurora master password', resource: { type: 'aws_rds_cluster', properties: { master_password: 's3cr3t!' } }, errors: ['master_password'] },
    { name: 'an ElastiCache auth token', resource: { type: 'aws_elasticache_replication_group', properties: { auth_token: 'abcdefghijklmnop', auth_token_update_strategy: 'ROTATE' } }, errors: ['auth_token'] },
    { name: 'a Lambda environment variable', resource: { type: 'aws_lambda_function', properties: { environment: [{ variables: { STRIPE_API_KEY: 'sk_live_1', REGION: 'eu-west-1' } }] } }, errors: ['environment[0].variables.STRIPE_API_KEY'] },
    {
      name: 'a SecureString written in the code: the message does not repeat it',
      resource: parameter({ type: 'SecureString', value: 'hunter2' }),
      errors: [{ path: 'value', message: /^aws_ssm_parameter Subject has a secret in the code: value of a SecureString parameter is written in the code; expected/, at: 'value: hunter2' }],
    },
  ],
});
