export type * from './source';
export type * from './value';
export { unknownOf } from './value';
export type * from './resource';
export type * from './rule';
export type * from './finding';
export { SEVERITIES, SEVERITY_RANK, OWNERS } from './rule';
export { compareFindings } from './finding';
export type * from './scan';
