import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../src/controls';
import { renderControlList } from '../../src/report/control-list';
import { rule } from '../helpers/scan-result';

const catalog = shippedCatalog();
const logging = rule('aws-s3-access-logging', 'low', { controls: { iso27001: ['A.8.15'], iso27017: ['12.4.1', 'CLD.12.4.5'] } });
const imds = rule('aws-ec2-imdsv2', 'medium', { controls: { iso27001: ['A.8.9'], iso27017: ['CLD.9.5.2'] } });

describe('iac-scan controls', () => {
  it('JSON: every control of the catalog with its split, provenance and the rules naming it', () => {
    const listed = JSON.parse(renderControlList(catalog, [logging, imds], 'json')) as { id: string }[];
    expect(listed).toHaveLength(catalog.controls.iso27001.size + catalog.controls.iso27017.size);
    const byId = new Map(listed.map((c) => [c.id, c]));
    expect(byId.get('A.8.15')).toEqual({
      id: 'A.8.15',
      standard: 'iso27001',
      group: 'annex-a',
      title: 'Logging',
      split: { infrastructure: 'customer', container: 'shared', abstracted: 'shared' },
      note: null,
      notes: catalog.controls.iso27001.get('A.8.15')!.notes,
      inherited: null,
      annexA: null,
      cloudGuidance: null,
      related: [],
      rules: ['aws-s3-access-logging'],
    });
    expect(byId.get('12.4.1')).toMatchObject({ standard: 'iso27017', group: 'clause', title: 'Event logging', annexA: 'A.8.15', cloudGuidance: true, rules: ['aws-s3-access-logging'] });
    expect(byId.get('CLD.9.5.2')).toMatchObject({ group: 'cloud', related: ['A.8.9'], rules: ['aws-ec2-imdsv2'] });
    expect(byId.get('A.7.1')).toMatchObject({ inherited: { evidence: "the provider's certification" }, rules: [] });
  });

  it('text: grouped by standard; inherited controls marked, controls without rules say so', () => {
    const text = renderControlList(catalog, [logging, imds], 'text');
    const width = Math.max(...[...catalog.controls.iso27001.keys(), ...catalog.controls.iso27017.keys()].map((id) => id.length));
    const indent = ' '.repeat(width + 2);
    expect(text).toMatch(/^ISO\/IEC 27001:2022 Annex A\n\n/);
    expect(text).toContain('\nISO/IEC 27017 cloud controls\n\n');
    expect(text).toContain('\nISO/IEC 27002:2013 clauses, as ISO/IEC 27017 takes them over\n\n');
    expect(text).toContain(
      [
        `${'A.7.1'.padEnd(width)}  Physical security perimeters`,
        `${indent}infrastructure provider · container provider · abstracted provider`,
        `${indent}inherited: the perimeters of the provider's data centres; evidence: the provider's certification`,
        `${'A.7.2'.padEnd(width)}`,
      ].join('\n'),
    );
    expect(text).toContain(`${'12.4.1'.padEnd(width)}  Event logging (A.8.15)\n`);
    expect(text).toContain(`${'14.1.2'.padEnd(width)}  Securing application services on public networks (A.8.26; no ISO/IEC 27017 cloud guidance)\n`);
    expect(text).toContain(`${indent}rules: aws-s3-access-logging\n`);
    expect(text).toContain(`${'A.5.23'.padEnd(width)}  Information security for use of cloud services\n${indent}infrastructure customer · container customer · abstracted customer\n${indent}rules: none\n`);
  });

  it('Markdown: one table per group, rules linked to their help, inherited evidence in the same column', () => {
    const md = renderControlList(catalog, [logging], 'markdown');
    expect(md).toContain('## ISO/IEC 27001:2022 Annex A\n\n| control | title | infrastructure | container | abstracted | evidenced by |\n|---|---|---|---|---|---|\n');
    expect(md).toContain('| A.8.15 | Logging | customer | shared | shared | [`aws-s3-access-logging`](https://github.com/iac-scan/iac-scan/blob/main/docs/rules/aws-s3-access-logging.md) |');
    expect(md).toContain("| A.7.1 | Physical security perimeters | provider | provider | provider | inherited: the perimeters of the provider's data centres; evidence: the provider's certification |");
    expect(md).toContain('| A.5.23 | Information security for use of cloud services | customer | customer | customer | — |');
    expect(md).toContain('- **A.8.8**: infrastructure: The customer patches the operating system and software of its instances.');
  });
});
