import type { LineTable, Notice } from '../../model';
import type { MapNode, Node } from '../document/syntax';
import { readChanges } from './changes';
import { mapAt } from '../document/nodes';
import { HOW_TO_MAKE_A_PLAN, planError, planWarning, start } from './notices';
import { collectModule, type PlannedResource } from './planned';

/** What the resources are built from: the parts of the plan, checked for shape. */
export interface PlanDocument {
  resources: PlannedResource[];
  /** `resource_changes[].change` by canonical instance address (see `instanceText`). */
  changes: Map<string, MapNode>;
  /** `configuration.root_module`, when the plan has one. */
  configuration?: MapNode;
}

/** The `format_version` majors this reader knows: 0.x (Terraform 0.12–0.15) and 1.x (1.0 on). */
const KNOWN_MAJORS = new Set(['0', '1']);

/** The plan's sections, or the reason the file is not a plan this reader can use. */
export function readPlan(root: Node, lines: LineTable): { plan?: PlanDocument; notices: Notice[] } {
  if (root.kind !== 'map') {
    return { notices: [planError(lines, 'not-a-plan', `Expected a Terraform plan: a JSON object with planned_values, as \`${HOW_TO_MAKE_A_PLAN}\` writes it. The file was not scanned.`, start(root))] };
  }
  const notices: Notice[] = [];
  const versionProblem = checkVersion(root, lines);
  if (versionProblem) {
    if (versionProblem.level === 'error') return { notices: [versionProblem] };
    notices.push(versionProblem);
  }
  const planned = root.entries.get('planned_values')?.value;
  if (planned?.kind !== 'map') return { notices: [...notices, missingPlannedValues(root, planned, lines)] };

  const resources: PlannedResource[] = [];
  const rootModule = planned.entries.get('root_module')?.value;
  if (rootModule) collectModule(rootModule, lines, resources, notices);
  const changes = readChanges(root, resources, lines, notices);
  const configuration = mapAt(mapAt(root, 'configuration'), 'root_module');
  return { plan: { resources, changes, configuration }, notices };
}

function checkVersion(root: MapNode, lines: LineTable): Notice | undefined {
  const entry = root.entries.get('format_version');
  if (!entry) {
    return planWarning(lines, 'plan-format-version', 'This plan has no format_version; it was read as format 1.x. Regenerate it with `terraform show -json` if findings look wrong.', start(root));
  }
  const version = entry.value.kind === 'scalar' && typeof entry.value.value === 'string' ? entry.value.value : undefined;
  const major = version?.split('.')[0];
  if (major !== undefined && KNOWN_MAJORS.has(major)) return undefined;
  const shown = version === undefined ? 'a format_version that is not a string' : `format_version "${version}"`;
  return planError(
    lines,
    'plan-format-version',
    `This plan has ${shown}; iac-scan reads plan formats 0.x and 1.x. The file was not scanned. ` +
      'Write the plan with a Terraform release whose format is 1.x, or report this so the new format can be supported.',
    entry.value,
  );
}

/** The one error for a file without planned values, naming what it looks like instead. */
function missingPlannedValues(root: MapNode, planned: Node | undefined, lines: LineTable): Notice {
  if (planned) return planError(lines, 'not-a-plan', 'planned_values should be a JSON object. The file was not scanned; regenerate it with `terraform show -json`.', planned);
  const values = root.entries.get('values');
  if (values) {
    return planError(
      lines,
      'not-a-plan',
      'Expected a Terraform plan with planned_values, but this file has values: it is the JSON of a Terraform state, ' +
        `not of a plan. The file was not scanned. Scan a plan instead (\`${HOW_TO_MAKE_A_PLAN}\`), or exclude this file.`,
      { start: values.keyStart, end: values.keyEnd },
    );
  }
  return planError(lines, 'not-a-plan', `Expected planned_values in this Terraform plan, but it has none. The file was not scanned. Regenerate it with \`${HOW_TO_MAKE_A_PLAN}\`.`, start(root));
}

