import { homepage, version } from '../package.json';

/** The tool's version, from package.json at build time. */
export const VERSION: string = version;

/** The project's home, from package.json: the SARIF driver's informationUri and the base of rule help links. */
export const HOMEPAGE: string = homepage;
