import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { ControlCatalog, Notice } from '../model';
import { schemaNotices } from '../config/schema-errors';
import { parseYamlFile } from '../config/yaml-file';
import { displayPath } from '../rules/load/files';
import { buildCatalog, CATALOG_CODE, type CatalogFile, type CatalogFiles } from './build';
import schema from './catalog.schema.json';

/** The catalog's files, and the schema definition each is checked against. */
const FILES: readonly (readonly [keyof CatalogFiles, string, string])[] = [
  ['iso27001', 'iso27001.yaml', 'iso27001File'],
  ['iso27017', 'iso27017.yaml', 'iso27017File'],
  ['serviceModels', 'service-models.yaml', 'serviceModelsFile'],
];

let ajv: Ajv | undefined;

/**
 * Reads the controls catalog in `dir`: each file checked against its schema, then against the
 * others (see buildCatalog). Every problem is an error at its file and line, and then there is
 * no catalog: rules cannot be checked against half of one.
 */
export function loadControlCatalog(dir: string): { catalog?: ControlCatalog; errors: Notice[] } {
  const errors: Notice[] = [];
  const files: Partial<Record<keyof CatalogFiles, CatalogFile<unknown>>> = {};
  for (const [key, name, definition] of FILES) {
    const read = readCatalogFile(path.join(dir, name), definition);
    errors.push(...read.errors);
    if (read.file) files[key] = read.file;
  }
  if (errors.length) return { errors };
  return buildCatalog(files as CatalogFiles);
}

function readCatalogFile(file: string, definition: string): { file?: CatalogFile<unknown>; errors: Notice[] } {
  const rel = displayPath(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    const message = `the controls catalog file could not be read (${reason}); it ships with iac-scan in controls/, so reinstall iac-scan or restore the file.`;
    return { errors: [{ level: 'error', code: CATALOG_CODE, file: rel, message }] };
  }
  const parsed = parseYamlFile(text, rel, CATALOG_CODE, 'a controls catalog file');
  if (parsed.notices.length) return { errors: parsed.notices };
  ajv ??= new Ajv({ allErrors: true, verbose: true }).addSchema(schema);
  const validate = ajv.getSchema(`${schema.$id}#/definitions/${definition}`)!;
  if (!validate(parsed.data)) return { errors: schemaNotices(validate.errors ?? [], parsed.file, parsed.data, CATALOG_CODE) };
  return { file: { yaml: parsed.file, data: parsed.data }, errors: [] };
}
