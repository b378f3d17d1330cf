export { applySuppressions, type SuppressionInput } from './apply';
