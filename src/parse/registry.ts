import type { FormatParser } from './format';
import { cloudformation } from './cloudformation';

/** Every input format, in the order discovery asks them to claim a file. */
export const PARSERS: readonly FormatParser[] = [cloudformation];
