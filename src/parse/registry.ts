import type { FormatParser } from './format';
import { cdk } from './cdk';
import { cloudformation } from './cloudformation';
import { terraform } from './terraform';
import { terraformPlan } from './tfplan';

/**
 * Every input format, in the order discovery asks them to claim a file. Terraform first: it
 * claims by name alone (`.tf`, `.tf.json`), and a `.tf.json` must not reach CloudFormation's
 * content test for `.json`. The CDK parser claims only a cloud assembly's manifest; the templates
 * below it are its own through the manifest's folder (`folderOwner`), whatever the order.
 */
export const PARSERS: readonly FormatParser[] = [terraform, terraformPlan, cdk, cloudformation];
