export type * from './source';
export type * from './value';
export type * from './resource';
export type * from './rule';
export type * from './finding';
export { SEVERITIES, OWNERS } from './rule';
export type * from './scan';
