/** The controls catalog: ISO controls with their shared-responsibility split, and AWS services by service model. */
export { loadControlCatalog } from './load';
export { shippedCatalog } from './shipped';
export { nearestIds } from './nearest';
export { serviceOf } from './services';
