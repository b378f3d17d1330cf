import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../../src/graph/graph';
import type { LiteralValue, Range } from '../../../src/model';
import { noPrivilegedContainers, noSecretsInEnvironment } from '../../../src/rules/builtins/ecs-container-definitions';
import { ruleTester } from '../rule-tester';
import { paramDefault, resource, supplied, unknown } from '../../helpers/resources';

const privileged = (family: 'cloudformation' | 'terraform', path: string) => ({
  check: { [family]: { resource: family === 'terraform' ? 'aws_ecs_task_definition' : 'AWS::ECS::TaskDefinition', assert: { builtin: 'ecs.noPrivilegedContainers', path } } },
});
const tf = (definitions: unknown) => ({ type: 'aws_ecs_task_definition', properties: { family: 'app', container_definitions: definitions as never } });
const cfn = (definitions: unknown) => ({ type: 'AWS::ECS::TaskDefinition', properties: { ContainerDefinitions: definitions as never } });

ruleTester('ecs.noPrivilegedContainers', privileged('terraform', 'container_definitions'), {
  valid: [
    { name: 'no container definitions', resource: { type: 'aws_ecs_task_definition', properties: { family: 'app' } } },
    { name: 'privileged left out', resource: tf([{ name: 'web', image: 'nginx' }]) },
    { name: 'privileged false', resource: tf([{ name: 'web', privileged: false }, { name: 'agent', privileged: 'false' }]) },
    { name: 'a JSON string without privileged', resource: tf('[{"name": "web", "image": "nginx"}]') },
    { name: 'a JSON string with privileged false', resource: tf('  [{"name": "web", "privileged": false}]\n') },
    { name: 'definitions known only at apply', resource: tf(unknown('var.containers')) },
    { name: 'a container known only at apply', resource: tf([{ name: 'web' }, unknown('local.sidecar')]) },
    { name: 'a flag known only at apply', resource: tf([{ name: 'agent', privileged: unknown('var.privileged') }]) },
    { name: 'a string that is not JSON is unknown, not a finding', resource: tf('[{"name": "web",') },
    { name: 'a JSON object is not a list of containers', resource: tf('{"name": "web", "privileged": true}') },
  ],
  invalid: [
    {
      name: 'the privileged container, at its flag',
      resource: tf([{ name: 'app' }, { name: 'agent', privileged: true }]),
      errors: [{ path: 'container_definitions[1].privileged', at: 'privileged: true', message: 'root-level access' }],
    },
    { name: 'written as a string', resource: tf([{ name: 'agent', privileged: 'true' }]), errors: ['container_definitions[0].privileged'] },
    { name: 'every privileged container', resource: tf([{ privileged: true }, { privileged: true }]), errors: ['container_definitions[0].privileged', 'container_definitions[1].privileged'] },
    { name: 'any case of the key', resource: tf([{ Name: 'agent', Privileged: true }]), errors: ['container_definitions[0].Privileged'] },
    {
      name: 'a JSON string: at the string',
      resource: tf('[{"name": "builder", "privileged": true}]'),
      errors: [{ path: 'container_definitions[0].privileged', at: '"[{\\"name\\": \\"builder\\", \\"privileged\\": true}]"' }],
    },
    {
      name: 'a value from elsewhere that makes it privileged',
      resource: tf([{ name: 'agent', privileged: paramDefault('Privileged') }]),
      parameters: { Privileged: 'true' },
      errors: ['container_definitions[0].privileged'],
    },
  ],
});

ruleTester('ecs.noPrivilegedContainers in CloudFormation', privileged('cloudformation', 'ContainerDefinitions'), {
  valid: [{ name: 'unprivileged', resource: cfn([{ Name: 'web', Privileged: false }]) }],
  invalid: [{ name: 'privileged', resource: cfn([{ Name: 'agent', Privileged: true }]), errors: [{ path: 'ContainerDefinitions[0].Privileged', at: 'Privileged: true' }] }],
});

const secrets = (family: 'cloudformation' | 'terraform', path: string) => ({
  check: { [family]: { resource: family === 'terraform' ? 'aws_ecs_task_definition' : 'AWS::ECS::TaskDefinition', assert: { builtin: 'ecs.noSecretsInEnvironment', path } } },
});
const env = (...entries: unknown[]) => cfn([{ Name: 'app', Environment: entries }]);

ruleTester('ecs.noSecretsInEnvironment', secrets('cloudformation', 'ContainerDefinitions'), {
  valid: [
    { name: 'no environment', resource: cfn([{ Name: 'app' }]) },
    { name: 'names that are not secrets', resource: env({ Name: 'LOG_LEVEL', Value: 'debug' }, { Name: 'QUEUE_URL', Value: 'https://sqs' }) },
    {
      name: 'names about a secret, not the secret',
      resource: env({ Name: 'DB_PASSWORD_SECRET_ARN', Value: 'arn:aws:secretsmanager:x' }, { Name: 'TOKEN_TTL', Value: '3600' }, { Name: 'API_KEY_ID', Value: 'k-1' }),
    },
    { name: 'an empty value', resource: env({ Name: 'DB_PASSWORD', Value: '' }) },
    { name: 'a NoEcho parameter', resource: env({ Name: 'DB_PASSWORD', Value: unknown('Ref to NoEcho parameter DbPassword', { secret: true }) }) },
    { name: 'a value supplied at scan time', resource: env({ Name: 'DB_PASSWORD', Value: supplied('hunter2') }) },
    { name: 'a name known only at deployment, with no value written', resource: env({ Name: unknown('Ref Name'), Value: unknown('Ref Value') }) },
    { name: 'a name known only at deployment is unknown, not a finding', resource: env({ Name: unknown('Ref Name'), Value: 'hunter2' }) },
    { name: 'an environment known only at deployment', resource: cfn([{ Name: 'app', Environment: unknown('Ref Environment') }]) },
    {
      name: 'secrets from Secrets Manager and Parameter Store',
      resource: cfn([{ Name: 'app', Secrets: [{ Name: 'DB_PASSWORD', ValueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db' }] }]),
    },
  ],
  invalid: [
    {
      name: 'a secret written in the environment, at its value',
      resource: env({ Name: 'LOG_LEVEL', Value: 'debug' }, { Name: 'DB_PASSWORD', Value: 's3cr3t' }),
      errors: [{ path: 'ContainerDefinitions[0].Environment[1].Value', at: 'Value: s3cr3t', message: 'environment variable DB_PASSWORD' }],
    },
    {
      name: 'camelCase and PascalCase names',
      resource: env({ Name: 'stripeApiKey', Value: 'sk_test_x' }, { Name: 'GithubToken', Value: 'ghp_x' }),
      errors: ['ContainerDefinitions[0].Environment[0].Value', 'ContainerDefinitions[0].Environment[1].Value'],
    },
    {
      name: 'a parameter Default is still in the template',
      resource: env({ Name: 'DB_PASSWORD', Value: paramDefault('DbPassword') }),
      parameters: { DbPassword: 'hunter2' },
      errors: [{ path: 'ContainerDefinitions[0].Environment[0].Value', at: 'Value: !Ref DbPassword' }],
    },
    {
      name: 'in the second container',
      resource: cfn([{ Name: 'web' }, { Name: 'worker', Environment: [{ Name: 'AWS_SECRET_ACCESS_KEY', Value: 'wJalrXUtnFEMI' }] }]),
      errors: ['ContainerDefinitions[1].Environment[0].Value'],
    },
  ],
});

ruleTester('ecs.noSecretsInEnvironment in Terraform', secrets('terraform', 'container_definitions'), {
  valid: [
    { name: 'a sensitive variable without a value', resource: tf([{ name: 'app', environment: [{ name: 'DB_PASSWORD', value: unknown('var.db_password', { secret: true }) }] }]) },
    { name: 'a JSON string with secrets from Parameter Store', resource: tf('[{"name": "app", "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:x"}]}]') },
  ],
  invalid: [
    {
      name: 'jsonencode keys',
      resource: tf([{ name: 'app', environment: [{ name: 'DB_PASSWORD', value: 'hunter2' }] }]),
      errors: [{ path: 'container_definitions[0].environment[0].value', at: 'value: hunter2', message: '"secrets"' }],
    },
    {
      name: 'a JSON string: at the string',
      resource: tf('[{"name": "app", "environment": [{"name": "API_KEY", "value": "abc123"}]}]'),
      errors: ['container_definitions[0].environment[0].value'],
    },
  ],
});

describe('container definitions in a heredoc', () => {
  // container_definitions = <<-EOT  (line 4), the JSON's lines on 5-10, indented by 4.
  const text = '[\n  {\n    "name": "builder",\n    "privileged": true,\n    "environment": [{ "name": "DB_PASSWORD", "value": "hunter2" }]\n  }\n]\n';
  const lines = text.split('\n').slice(0, -1).map((_, i) => ({ line: 5 + i, column: 5 }));
  const range: Range = { file: 'main.tf', start: { line: 4, column: 27 }, end: { line: 12, column: 6 } };
  const heredoc: LiteralValue = { kind: 'literal', value: text, range, layout: { file: 'main.tf', lines } };
  const subject = resource('aws_ecs_task_definition', { family: 'builder' });
  const input = { value: heredoc, resource: subject, graph: new ResourceGraph([subject]), args: {}, path: 'container_definitions', strict: false };

  it('points at the privileged flag on its own line', () => {
    const outcome = noPrivilegedContainers(input);
    expect(outcome.kind).toBe('fail');
    if (outcome.kind !== 'fail') return;
    expect(outcome.failures.map((f) => [f.path, f.at.start])).toEqual([['container_definitions[0].privileged', { line: 8, column: 9 }]]);
  });

  it('points at the secret value on its own line', () => {
    const outcome = noSecretsInEnvironment(input);
    expect(outcome.kind).toBe('fail');
    if (outcome.kind !== 'fail') return;
    expect(outcome.failures.map((f) => [f.path, f.at.start.line])).toEqual([['container_definitions[0].environment[0].value', 9]]);
  });

  it('keeps the first line in place, where the list opens', () => {
    const oneLine = '[{"name": "builder", "privileged": true}]';
    const value: LiteralValue = { kind: 'literal', value: oneLine, range, layout: { file: 'main.tf', lines: [{ line: 5, column: 5 }] } };
    const outcome = noPrivilegedContainers({ ...input, value });
    expect(outcome.kind === 'fail' && outcome.failures[0].at.start).toEqual({ line: 5, column: 5 + oneLine.indexOf('"privileged"') });
  });
});
