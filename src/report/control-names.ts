import type { Control, ControlCatalog, ControlGroup, Standard } from '../model';

/** The groups of the catalog as headings name them, in the order listings show them. */
export const GROUP_HEADING: Record<ControlGroup, string> = {
  'annex-a': 'ISO/IEC 27001:2022 Annex A',
  cloud: 'ISO/IEC 27017 cloud controls',
  clause: 'ISO/IEC 27002:2013 clauses, as ISO/IEC 27017 takes them over',
};

/**
 * A control with its title and where it comes from, for a reader who has not the standards at
 * hand: `A.8.13 Information backup (ISO/IEC 27001:2022 Annex A)`,
 * `12.3.1 Information backup (ISO/IEC 27002:2013 with ISO/IEC 27017 cloud guidance; A.8.13 in 2022)`.
 * An id missing from the catalog is shown as it is.
 */
export function describeControl(id: string, standard: Standard, catalog: ControlCatalog): string {
  const control = catalog.controls[standard].get(id);
  return control ? `${id} ${control.title} (${origin(control)})` : id;
}

function origin(control: Control): string {
  switch (control.group) {
    case 'annex-a':
      return 'ISO/IEC 27001:2022 Annex A';
    case 'cloud':
      return 'ISO/IEC 27017';
    case 'clause':
      return `ISO/IEC 27002:2013 ${control.cloudGuidance ? 'with' : 'without'} ISO/IEC 27017 cloud guidance; ${control.annexA} in ISO/IEC 27001:2022`;
  }
}
