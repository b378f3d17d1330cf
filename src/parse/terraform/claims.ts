/** Terraform's own file names: native syntax and JSON syntax. `.tfvars` hold values, not resources. */
export const EXTENSIONS = ['.tf', '.tf.json'];

/** Terraform decides a file's syntax by its name, and so does the scanner. */
export function claimsConfig(rel: string): 'hcl' | 'json' | undefined {
  if (rel.endsWith('.tf')) return 'hcl';
  if (rel.endsWith('.tf.json')) return 'json';
  return undefined;
}
