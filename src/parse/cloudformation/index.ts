import { LineTable, type SourceFile } from '../../model';
import type { FormatParser, ParseOptions, ParseResult } from '../format';
import { EXTENSIONS, claimsTemplate } from './claims';
import { noticeAt } from '../document/notices';
import { readJson } from '../document/read-json';
import { readYaml } from './read-yaml';
import { Resolver } from './resolve/resolver';
import { buildResources } from './resources';
import { readSections } from './template';

/** CloudFormation templates in YAML or JSON: each file read once, resolved, turned into resources. */
export const cloudformation: FormatParser = {
  id: 'cloudformation',
  extensions: EXTENSIONS,
  claims(rel, text) {
    try {
      return claimsTemplate(rel, text);
    } catch {
      return undefined;
    }
  },
  parse(files, options) {
    const result: ParseResult = { resources: [], notices: [], comments: [] };
    for (const file of files) {
      const one = parseTemplate(file, options);
      result.resources.push(...one.resources);
      result.notices.push(...one.notices);
      result.comments.push(...one.comments);
    }
    return result;
  },
};

/** One template. Its problems become notices; nothing it contains can stop the other files. */
export function parseTemplate(file: SourceFile, options: ParseOptions): ParseResult {
  const lines = new LineTable(file.rel, file.text);
  const syntax = file.syntax === 'json' ? readJson(file.text, lines, options.limits) : readYaml(file.text, lines, options.limits);
  const { root, comments } = syntax;
  if (!root) return { resources: [], notices: syntax.notices, comments };
  if (root.kind !== 'map') {
    const notice = noticeAt(lines, 'error', 'not-a-template', 'Expected a template: a mapping with a Resources section at the top level. The file was not scanned.', root.start, root.end);
    return { resources: [], notices: [...syntax.notices, notice], comments };
  }
  const resolver = new Resolver(lines, readSections(root, options.parameters), options.limits.maxDepth, file.text.length);
  const resources = buildResources(resolver);
  return { resources, notices: [...syntax.notices, ...resolver.notices], comments };
}
