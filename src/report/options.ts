import type { FailOn } from '../model';

/** The report formats, as `--format` names them: `soa` and `soa-json` are the Statement-of-Applicability evidence. */
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'soa', 'soa-json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  /** SARIF `automationDetails.id` prefix: tells apart several analyses of one repository. */
  category: string;
  toolVersion: string;
  /** ANSI colour in the text report; the caller decides (a TTY, NO_COLOR unset). */
  color: boolean;
  failOn: FailOn;
  /** The user's working folder: the text report shows paths relative to it, so terminals link them. */
  cwd: string;
  /** Text report only: leave out suppressed findings and notes. */
  quiet?: boolean;
}
