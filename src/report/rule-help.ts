import type { Rule } from '../model';
import { OWNER_MEANING } from './levels';
import { controlList } from './names';

/** Remediation sections in the order readers meet the formats. */
const REMEDIATION_SECTIONS = [
  ['cloudformation', 'CloudFormation'],
  ['terraform', 'Terraform'],
  ['cdk', 'CDK'],
] as const;

interface HelpSection {
  heading: string;
  /** Paragraphs, or list items when `list` is set. */
  lines: string[];
  list?: boolean;
}

/** What the rule's help says, independent of markup, so the text and Markdown forms cannot drift. */
function helpSections(rule: Rule): HelpSection[] {
  const sections: HelpSection[] = [
    { heading: 'Why it matters', lines: [rule.description] },
    {
      heading: 'Who fixes it',
      lines: [`Owner: ${rule.owner} (${OWNER_MEANING[rule.owner]}).`],
    },
    {
      heading: 'Controls',
      list: true,
      lines: [
        `ISO/IEC 27001:2022 Annex A: ${controlList(rule.controls.iso27001)}`,
        `ISO/IEC 27017: ${controlList(rule.controls.iso27017)}`,
      ],
    },
  ];
  for (const [key, label] of REMEDIATION_SECTIONS) {
    const text = rule.remediation[key];
    if (text) sections.push({ heading: `Remediation (${label})`, lines: [text.trim()] });
  }
  if (rule.references.length) sections.push({ heading: 'References', list: true, lines: rule.references });
  return sections;
}

export function helpText(rule: Rule): string {
  return helpSections(rule)
    .map((s) => `${s.heading}:\n${s.lines.map((l) => (s.list ? `- ${l}` : l)).join('\n')}`)
    .join('\n\n');
}

export function helpMarkdown(rule: Rule): string {
  const body = helpSections(rule).map((s) => {
    const lines = s.list ? s.lines.map((l) => `- ${l.startsWith('http') ? `<${l}>` : l}`) : s.lines;
    return `### ${s.heading}\n\n${lines.join('\n')}`;
  });
  return [`**${rule.title}**`, ...body].join('\n\n');
}
