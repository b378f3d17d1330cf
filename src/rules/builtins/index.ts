import { accountSetting } from './account-setting';
import { attributesEntry } from './attributes-entry';
import { registryScanOnPush } from './ecr-registry-scan-on-push';
import { noPrivilegedContainers, noSecretsInEnvironment } from './ecs-container-definitions';
import { noAdminAccess } from './iam-no-admin-access';
import { noPassRoleOnAnyResource } from './iam-no-passrole-any-resource';
import { deniesInsecureTransport } from './iam-denies-insecure-transport';
import { noPublicPrincipal } from './iam-no-public-principal';
import { noOpenAdminPorts } from './network-no-open-admin-ports';
import { noOpenAllPorts } from './network-no-open-all-ports';
import { noHardcodedSecrets } from './secrets-no-hardcoded-secrets';
import type { Builtin } from './types';

export type { Builtin, BuiltinInput } from './types';

/**
 * The built-ins a rule may name with `builtin:`. Each is documented, with its args, in its own
 * file; the rule schema lists the names for completion and checks the args.
 */
export const BUILTINS: ReadonlyMap<string, Builtin> = new Map([
  ['account.setting', accountSetting],
  ['attributes.entry', attributesEntry],
  ['ecr.registryScanOnPush', registryScanOnPush],
  ['ecs.noPrivilegedContainers', noPrivilegedContainers],
  ['ecs.noSecretsInEnvironment', noSecretsInEnvironment],
  ['iam.deniesInsecureTransport', deniesInsecureTransport],
  ['iam.noAdminAccess', noAdminAccess],
  ['iam.noPassRoleOnAnyResource', noPassRoleOnAnyResource],
  ['iam.noPublicPrincipal', noPublicPrincipal],
  ['network.noOpenAdminPorts', noOpenAdminPorts],
  ['network.noOpenAllPorts', noOpenAllPorts],
  ['secrets.noHardcodedSecrets', noHardcodedSecrets],
]);
