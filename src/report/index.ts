import type { ScanResult } from '../model';
import { renderJson } from './json';
import type { ReportFormat, ReportOptions } from './options';
import { renderSarif } from './sarif';
import { renderSoaJson } from './soa/json';
import { renderSoaMarkdown } from './soa/markdown';
import { renderText } from './text';

export { REPORT_FORMATS, type ReportFormat, type ReportOptions } from './options';

const RENDERERS: Record<ReportFormat, (result: ScanResult, options: ReportOptions) => string> = {
  text: renderText,
  json: renderJson,
  sarif: renderSarif,
  soa: renderSoaMarkdown,
  'soa-json': renderSoaJson,
};

/** The report in one format, as the text to write; every format ends with a newline. */
export function renderReport(format: ReportFormat, result: ScanResult, options: ReportOptions): string {
  return RENDERERS[format](result, options);
}
