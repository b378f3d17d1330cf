export type { Config, ConfigIgnore, RuleSelector } from './config';
export { loadConfig, CONFIG_FILE_NAMES } from './load';
export { selectRules } from './select';
export { loadParameterFile, parseParamFlag } from './parameters';
export { loadVariables, parseVarFlag } from './variables';
export { globMatcher, relativePath } from './paths';
export { closest } from './closest';
