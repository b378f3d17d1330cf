import type { ControlCatalog, Notice, Standard } from '../../model';
import { nearestIds } from '../../controls/nearest';
import { nodeAt, rangeOf, type RuleDocument } from './yaml-nodes';

/**
 * Every control a rule names must be in the controls catalog: a misspelt id would file the
 * rule's findings under a control no audit looks at, and the reports could not give its title
 * or owner split.
 */
export function unknownControlNotices(controls: Record<Standard, string[]>, rd: RuleDocument, catalog: ControlCatalog): Notice[] {
  const notices: Notice[] = [];
  for (const standard of ['iso27001', 'iso27017'] as const) {
    const known = catalog.controls[standard];
    controls[standard].forEach((id, i) => {
      if (known.has(id)) return;
      const nearest = nearestIds(id, known.keys()).join(', ');
      notices.push({
        level: 'error',
        code: 'rule-invalid',
        file: rd.file,
        range: rangeOf(rd, nodeAt(rd, ['controls', standard, i]).node),
        message: `controls.${standard}[${i}]: "${id}" is not in the controls catalog; nearest known: ${nearest}. Name a control that iac-scan controls lists. Fix the rule file.`,
      });
    });
  }
  return notices;
}
