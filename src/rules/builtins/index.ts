import { accountSetting } from './account-setting';
import { noAdminAccess } from './iam-no-admin-access';
import { noOpenAdminPorts } from './network-no-open-admin-ports';
import { noHardcodedSecrets } from './secrets-no-hardcoded-secrets';
import type { Builtin } from './types';

export type { Builtin, BuiltinInput } from './types';

/**
 * The built-ins a rule may name with `builtin:`. Each is documented, with its args, in its own
 * file; the rule schema lists the names for completion and checks the args.
 */
export const BUILTINS: ReadonlyMap<string, Builtin> = new Map([
  ['account.setting', accountSetting],
  ['iam.noAdminAccess', noAdminAccess],
  ['network.noOpenAdminPorts', noOpenAdminPorts],
  ['secrets.noHardcodedSecrets', noHardcodedSecrets],
]);
