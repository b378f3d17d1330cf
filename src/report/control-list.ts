import { SERVICE_MODELS, type Control, type ControlCatalog, type ControlGroup, type Rule, type Standard } from '../model';
import { GROUP_HEADING } from './control-names';
import { helpUri } from './names';
import { escapeCell, type ListFormat, type RuleLink } from './rule-list';

/** A control of the catalog with the rules that name it. */
interface ListedControl {
  control: Control;
  standard: Standard;
  rules: Rule[];
}

/** `iac-scan controls`: every control of the catalog, by group, with its owner split and the rules that evidence it. */
export function renderControlList(catalog: ControlCatalog, rules: readonly Rule[], format: ListFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(groupsOf(catalog, rules).flatMap(([, listed]) => listed.map(controlJson)), null, 2)}\n`;
    case 'markdown':
      return controlTablesMarkdown(catalog, rules, helpUri);
    case 'text':
      return controlListText(catalog, rules);
  }
}

/** The catalog's controls in listing order (Annex A, cloud controls, clauses), each with the rules naming it. */
function groupsOf(catalog: ControlCatalog, rules: readonly Rule[]): [ControlGroup, ListedControl[]][] {
  const listed = (standard: Standard) =>
    [...catalog.controls[standard].values()].map((control) => ({ control, standard, rules: rules.filter((r) => r.controls[standard].includes(control.id)) }));
  const all = [...listed('iso27001'), ...listed('iso27017')];
  return (Object.keys(GROUP_HEADING) as ControlGroup[]).map((group) => [group, all.filter((l) => l.control.group === group)]);
}

/** One control as `iac-scan controls --format json` shows it: every key always present. */
function controlJson({ control, standard, rules }: ListedControl) {
  return {
    id: control.id,
    standard,
    group: control.group,
    title: control.title,
    split: control.split,
    note: control.note ?? null,
    notes: control.notes,
    inherited: control.inherited ?? null,
    annexA: control.annexA ?? null,
    cloudGuidance: control.cloudGuidance ?? null,
    related: control.related ?? [],
    rules: rules.map((r) => r.id),
  };
}

/**
 * `Event logging (A.8.15)` for a clause (`; no ISO/IEC 27017 cloud guidance` where it has none),
 * `Segregation ... (related: A.8.22)` for a cloud control.
 */
function titleOf(control: Control): string {
  if (control.annexA) return `${control.title} (${control.annexA}${control.cloudGuidance ? '' : '; no ISO/IEC 27017 cloud guidance'})`;
  if (control.related) return `${control.title} (related: ${control.related.join(', ')})`;
  return control.title;
}

function inheritedText(control: Control): string | undefined {
  return control.inherited && `inherited: ${control.inherited.scope}; evidence: ${control.inherited.evidence}`;
}

/** The notes on a control: the general one, then one per service model. */
function noteLines(control: Control): string[] {
  return [...(control.note ? [control.note] : []), ...SERVICE_MODELS.flatMap((m) => (control.notes[m] ? [`${m}: ${control.notes[m]}`] : []))];
}

/** The tables of docs/controls.md and of `iac-scan controls --format markdown`, one per group, each followed by its notes. */
export function controlTablesMarkdown(catalog: ControlCatalog, rules: readonly Rule[], link: RuleLink): string {
  const sections = groupsOf(catalog, rules).map(([group, listed]) => {
    const rows = listed.map(({ control, rules: evidencing }) => {
      const ruleLinks = evidencing.map((r) => {
        const href = link(r);
        return href ? `[\`${r.id}\`](${href})` : `\`${r.id}\``;
      });
      const evidence = [...ruleLinks, ...(control.inherited ? [inheritedText(control)!] : [])].join(', ') || '—';
      const cells = [control.id, titleOf(control), ...SERVICE_MODELS.map((m) => control.split[m]), evidence];
      return `| ${cells.map(escapeCell).join(' | ')} |`;
    });
    const notes = listed.flatMap(({ control }) => {
      const lines = noteLines(control);
      return lines.length ? [`- **${control.id}**: ${lines.join(' ')}`] : [];
    });
    return [
      `## ${GROUP_HEADING[group]}`,
      '',
      '| control | title | infrastructure | container | abstracted | evidenced by |',
      '|---|---|---|---|---|---|',
      ...rows,
      ...(notes.length ? ['', '### Notes', '', ...notes] : []),
      '',
    ].join('\n');
  });
  return sections.join('\n');
}

/** The control, its split, its notes, and what evidences it, indented under the id. */
function controlListText(catalog: ControlCatalog, rules: readonly Rule[]): string {
  const groups = groupsOf(catalog, rules);
  const idWidth = Math.max(0, ...groups.flatMap(([, listed]) => listed.map((l) => l.control.id.length)));
  const indent = ' '.repeat(idWidth + 2);
  const out: string[] = [];
  for (const [group, listed] of groups) {
    out.push(GROUP_HEADING[group], '');
    for (const { control, rules: evidencing } of listed) {
      out.push(`${control.id.padEnd(idWidth)}  ${titleOf(control)}`);
      out.push(`${indent}${SERVICE_MODELS.map((m) => `${m} ${control.split[m]}`).join(' · ')}`);
      for (const line of noteLines(control)) out.push(`${indent}${line}`);
      const inherited = inheritedText(control);
      if (inherited) out.push(`${indent}${inherited}`);
      if (evidencing.length || !inherited) out.push(`${indent}rules: ${evidencing.map((r) => r.id).join(', ') || 'none'}`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
