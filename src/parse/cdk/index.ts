import type { FormatParser, ParseResult } from '../format';
import { parseAssembly } from './assembly';
import { claimsManifest } from './claims';
import { MANIFEST } from './schema';

/**
 * CDK cloud assemblies (`cdk.out`): the templates cdk synth wrote, checked with the CloudFormation
 * checks, and placed at the lines of the app that made each resource (see docs/cdk.md). The
 * manifest owns its folder, so the templates under it are read here once, never as loose templates.
 */
export const cdk: FormatParser = {
  id: 'cdk',
  extensions: ['.json'],
  folderOwner: MANIFEST,
  claims(rel, text) {
    try {
      return claimsManifest(rel, text);
    } catch {
      return undefined;
    }
  },
  parse(files, options) {
    const result: ParseResult = { resources: [], notices: [], comments: [] };
    for (const file of files) {
      const one = parseAssembly(file, options);
      result.resources.push(...one.resources);
      result.notices.push(...one.notices);
      result.comments.push(...one.comments);
    }
    return result;
  },
};
