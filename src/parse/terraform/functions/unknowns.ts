import { spec, type FunctionSpec, type FunctionTable } from './call';

/**
 * Functions whose result cannot be known before Terraform runs (the time, randomness, a private
 * key) or whose output iac-scan does not reproduce. Their arguments are still counted, and
 * their references and secrecy carry into the Unknown.
 */
const unknownResult = (min: number, max: number, why: string, secret = false): FunctionSpec =>
  spec(min, max, (c) => c.unknown(why, secret));

export const unknownFunctions: FunctionTable = {
  timestamp: unknownResult(0, 0, 'timestamp() is the time at which Terraform runs'),
  plantimestamp: unknownResult(0, 0, 'plantimestamp() is the time at which Terraform plans'),
  uuid: unknownResult(0, 0, 'uuid() is random on every run'),
  bcrypt: unknownResult(1, 2, 'bcrypt() uses a random salt on every run'),
  rsadecrypt: unknownResult(2, 2, 'rsadecrypt() decrypts with a private key when Terraform runs', true),
  base64gzip: unknownResult(1, 1, 'iac-scan does not reproduce the bytes gzip writes'),
  formatdate: unknownResult(2, 2, 'formatdate() is not evaluated by iac-scan'),
  timeadd: unknownResult(2, 2, 'timeadd() is not evaluated by iac-scan'),
  timecmp: unknownResult(2, 2, 'timecmp() is not evaluated by iac-scan'),
};
