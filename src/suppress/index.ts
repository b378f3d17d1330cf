export { applySuppressions, type SuppressionInput } from './apply';
export { cdkNagEquivalents } from './cdk-nag';
