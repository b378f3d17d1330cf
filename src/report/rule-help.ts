import type { ControlCatalog, Rule, Standard } from '../model';
import { describeControl } from './control-names';
import { OWNER_MEANING } from './levels';
import { checkedTypes, FORMAT_LABEL, ruleFormats, ruleServiceModels } from './rule-facts';

/** Remediation sections in the order readers meet the formats. */
const REMEDIATION_SECTIONS = [
  ['cloudformation', 'CloudFormation'],
  ['terraform', 'Terraform'],
  ['cdk', 'CDK'],
] as const;

const STANDARDS: readonly Standard[] = ['iso27001', 'iso27017'];

interface HelpSection {
  heading: string;
  /** Paragraphs, or list items when `list` is set. */
  lines: string[];
  list?: boolean;
}

/** What the rule's help says, independent of markup, so the text and Markdown forms cannot drift. */
function helpSections(rule: Rule, catalog: ControlCatalog): HelpSection[] {
  const sections: HelpSection[] = [
    { heading: 'Why it matters', lines: [rule.description.trim()] },
    { heading: 'Who fixes it', lines: [`Owner: ${rule.owner} (${OWNER_MEANING[rule.owner]}).`] },
    { heading: 'Controls', list: true, lines: STANDARDS.flatMap((s) => rule.controls[s].map((id) => describeControl(id, s, catalog))) },
  ];
  const split = splitLines(rule, catalog);
  if (split.length) sections.push({ heading: 'Owner by service model', list: true, lines: split });
  for (const [key, label] of REMEDIATION_SECTIONS) {
    const text = rule.remediation[key];
    if (text) sections.push({ heading: `Remediation (${label})`, lines: [text.trim()] });
  }
  sections.push({ heading: 'Resources checked', list: true, lines: resourceLines(rule) });
  const equivalents = Object.entries(rule.equivalents ?? {}).filter(([, ids]) => ids.length);
  if (equivalents.length) sections.push({ heading: 'Equivalents', list: true, lines: equivalents.map(([tool, ids]) => `${tool}: ${ids.join(', ')}`) });
  if (rule.references.length) sections.push({ heading: 'References', list: true, lines: rule.references });
  return sections;
}

/** `Abstracted services (Amazon S3): A.8.13 shared, 12.3.1 shared`, per model of the checked resources. */
function splitLines(rule: Rule, catalog: ControlCatalog): string[] {
  return [...ruleServiceModels(rule, catalog)].map(([model, services]) => {
    const owners = STANDARDS.flatMap((s) =>
      rule.controls[s].flatMap((id) => {
        const control = catalog.controls[s].get(id);
        return control ? [`${id} ${control.split[model]}`] : [];
      }),
    );
    return `${catalog.models[model].title} (${services.join(', ')}): ${owners.join(', ')}`;
  });
}

function resourceLines(rule: Rule): string[] {
  const types = (list: string[]) => list.map((t) => (t === '*' ? 'every resource' : `\`${t}\``)).join(', ');
  const lines: string[] = [];
  const cloudformation = checkedTypes(rule, 'cloudformation');
  const terraform = checkedTypes(rule, 'terraform');
  if (cloudformation.length) lines.push(`CloudFormation and CDK: ${types(cloudformation)}`);
  if (terraform.length) lines.push(`Terraform: ${types(terraform)}`);
  return lines;
}

export function helpText(rule: Rule, catalog: ControlCatalog): string {
  return helpSections(rule, catalog)
    .map((s) => `${s.heading}:\n${s.lines.map((l) => (s.list ? `- ${l}` : l)).join('\n')}`)
    .join('\n\n');
}

/** The rule's documentation: the SARIF `help.markdown`, and the page docs/rules/<id>.md. */
export function helpMarkdown(rule: Rule, catalog: ControlCatalog): string {
  const formats = ruleFormats(rule).map((f) => FORMAT_LABEL[f]).join(', ');
  const summary = `\`${rule.id}\` · severity **${rule.severity}** · owner **${rule.owner}** · ${formats}`;
  const body = helpSections(rule, catalog).map((s) => {
    const lines = s.list ? s.lines.map((l) => `- ${l.startsWith('http') ? `<${l}>` : l}`) : s.lines;
    return `## ${s.heading}\n\n${lines.join('\n')}`;
  });
  return `${[`# ${rule.title}`, summary, ...body].join('\n\n')}\n`;
}
