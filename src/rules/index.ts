/** The rule engine: load rules (data), evaluate them over the resource graph, produce findings. */
export { loadRules, type RulePackDir } from './load';
export { parseRuleText } from './load/rule-file';
export { builtinControlsDir, builtinRulesDir } from './builtin-dir';
export { assessRules, evaluateRules, type Assessment, type EvaluateOptions } from './engine';
export { dropRepeats, evaluationsOnce, resourcesOnce } from './repeats';
export { BUILTINS } from './builtins';
