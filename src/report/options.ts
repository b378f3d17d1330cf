import type { FailOn } from '../model';

export type ReportFormat = 'text' | 'json' | 'sarif';

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
