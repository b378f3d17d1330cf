import type { ScanResult } from '../model';
import { renderJson } from './json';
import type { ReportFormat, ReportOptions } from './options';
import { renderSarif } from './sarif';
import { renderText } from './text';

export type { ReportFormat, ReportOptions } from './options';

const RENDERERS: Record<ReportFormat, (result: ScanResult, options: ReportOptions) => string> = {
  text: renderText,
  json: renderJson,
  sarif: renderSarif,
};

/** The report in one format, as the text to write; every format ends with a newline. */
export function renderReport(format: ReportFormat, result: ScanResult, options: ReportOptions): string {
  return RENDERERS[format](result, options);
}
