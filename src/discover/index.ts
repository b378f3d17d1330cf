export { discover, type DiscoverOptions, type Discovered } from './discover';
