import type { FormatParser } from './format';
import { cloudformation } from './cloudformation';
import { terraform } from './terraform';
import { terraformPlan } from './tfplan';

/**
 * Every input format, in the order discovery asks them to claim a file. Terraform first: it
 * claims by name alone (`.tf`, `.tf.json`), and a `.tf.json` must not reach CloudFormation's
 * content test for `.json`.
 */
export const PARSERS: readonly FormatParser[] = [terraform, terraformPlan, cloudformation];
