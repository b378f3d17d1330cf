import path from 'node:path';
import { LineTable, type SourceFile } from '../../model';
import { readJson } from '../document/read-json';
import type { FormatParser, ParseOptions, ParseResult } from '../format';
import { parseHcl } from '../terraform/hcl';
import { claimsPlan, EXTENSIONS } from './claims';
import { readConfigModule } from './configuration';
import { readPlan } from './document';
import { HclPlaces } from './hcl-places';
import { Locator } from './locate';
import type { ConfigPlaces } from './places';
import { buildResources } from './resources';

/** How `.tf` files are read for the mapping from plan to source; one per parse run. */
export type PlacesFactory = (options: ParseOptions) => ConfigPlaces;

/** The plan parser of the registry: `.tf` files read with our HCL parser, through the workspace. */
export const terraformPlan: FormatParser = terraformPlanParser((options) => new HclPlaces(options.workspace, parseHcl, options.limits.maxDepth));

/**
 * Terraform plans as `terraform show -json` writes them. Planned values are what will be
 * deployed, after variables, modules, count and for_each; the plan's marks say what is known only
 * after apply or sensitive, and its configuration section gives the references between resources.
 */
export function terraformPlanParser(placesFor: PlacesFactory): FormatParser {
  return {
    id: 'terraform-plan',
    extensions: EXTENSIONS,
    claims(_rel, text) {
      try {
        return claimsPlan(text);
      } catch {
        return undefined;
      }
    },
    parse(files, options) {
      const result: ParseResult = { resources: [], notices: [], comments: [] };
      const places = placesFor(options);
      for (const file of files) {
        const one = parsePlan(file, options, places);
        result.resources.push(...one.resources);
        result.notices.push(...one.notices);
      }
      return result;
    },
  };
}

/** One plan. Its problems become notices; nothing in it can stop the other files. */
export function parsePlan(file: SourceFile, options: ParseOptions, places: ConfigPlaces): ParseResult {
  const lines = new LineTable(file.rel, file.text);
  const syntax = readJson(file.text, lines, options.limits);
  if (!syntax.root) return { resources: [], notices: syntax.notices, comments: [] };
  const { plan, notices } = readPlan(syntax.root, lines);
  if (!plan) return { resources: [], notices: [...syntax.notices, ...notices], comments: [] };
  const config = readConfigModule(plan.configuration);
  const { built, notices: buildNotices } = buildResources(plan, config, lines);
  const locator = new Locator(config, path.dirname(file.path), places);
  const resources = built.map(({ resource, address }) => locator.locate(resource, address));
  // No comments: the plan has none, and those of the `.tf` files come from the Terraform parser,
  // which scans them too; returning them twice would report each broken directive twice.
  return { resources, notices: [...syntax.notices, ...notices, ...buildNotices], comments: [] };
}
