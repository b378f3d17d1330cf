/** File name endings a CloudFormation template may have. */
export const EXTENSIONS = ['.yaml', '.yml', '.json', '.template'];

// Top-level YAML keys start at column 0 (a template version is taken at any indentation: some
// templates indent the whole document); JSON keys are always quoted.
const YAML_VERSION = /^[ \t]*["']?AWSTemplateFormatVersion["']?\s*:/m;
const JSON_VERSION = /"AWSTemplateFormatVersion"\s*:/;
const YAML_RESOURCES = /^["']?Resources["']?\s*:/m;
const YAML_TYPE = /^[ \t]+["']?Type["']?\s*:\s*["']?(?:AWS|Custom)::/m;
const JSON_RESOURCES = /"Resources"\s*:\s*\{/;
const JSON_TYPE = /"Type"\s*:\s*"(?:AWS|Custom)::/;

/**
 * Is this a CloudFormation template? Decided from the text alone, without parsing: a template
 * version, or a top-level `Resources` whose entries have `Type: AWS::…` or `Custom::…` (SAM
 * templates included). Serverless Framework files, whose `Resources` sit indented under
 * `resources:`, are not claimed.
 */
export function claimsTemplate(rel: string, text: string): 'yaml' | 'json' | undefined {
  if (!EXTENSIONS.some((ext) => rel.endsWith(ext))) return undefined;
  const json = firstNonBlank(text) === 123; /* { */
  if (json) {
    if (JSON_VERSION.test(text) || (JSON_RESOURCES.test(text) && JSON_TYPE.test(text))) return 'json';
    return undefined;
  }
  if (YAML_VERSION.test(text) || (YAML_RESOURCES.test(text) && YAML_TYPE.test(text))) return 'yaml';
  return undefined;
}

function firstNonBlank(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 0xfeff) return code;
  }
  return -1;
}
