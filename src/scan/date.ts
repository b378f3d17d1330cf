import { isIsoDate } from '../suppress/check';

/** The date a scan takes as its own, or why the one asked for cannot be. */
export type ScanDateChoice = { date: string | undefined; problem?: undefined } | { problem: string };

const SECONDS = /^\d+$/;

/**
 * The scan's date as the caller (the CLI or the Action, which read the environment; the scan
 * and its reports never do) resolves it: the date given (`--scan-date`, the Action's
 * `scan-date`), else the UTC day of `SOURCE_DATE_EPOCH` (https://reproducible-builds.org/specs/source-date-epoch/),
 * else `undefined`, for today. An empty `SOURCE_DATE_EPOCH` is unset; a malformed one is a
 * problem, as the convention asks, rather than a silent fall back to today.
 *
 * `given.name` is how the caller names its option in the problem (`--scan-date`, `input scan-date:`).
 */
export function chooseScanDate(given: { name: string; value: string | undefined }, sourceDateEpoch: string | undefined): ScanDateChoice {
  if (given.value !== undefined) {
    return isIsoDate(given.value)
      ? { date: given.value }
      : { problem: `${given.name} ${JSON.stringify(given.value)} is not valid; expected a calendar date written YYYY-MM-DD, e.g. 2026-03-31` };
  }
  if (sourceDateEpoch === undefined || sourceDateEpoch === '') return { date: undefined };
  const date = SECONDS.test(sourceDateEpoch) ? dayOf(Number(sourceDateEpoch)) : undefined;
  return date
    ? { date }
    : {
        problem:
          `SOURCE_DATE_EPOCH ${JSON.stringify(sourceDateEpoch)} is not valid; expected a whole number of seconds since 1970-01-01 00:00 UTC ` +
          `(as date +%s prints it), or give the date with ${given.name.replace(/:$/, '')} instead`,
      };
}

/** The UTC day of a moment in seconds since the epoch, if it has one written YYYY-MM-DD (years 1970 to 9999). */
function dayOf(seconds: number): string | undefined {
  const moment = new Date(seconds * 1000);
  if (Number.isNaN(moment.getTime())) return undefined;
  const day = moment.toISOString().slice(0, 10);
  return isIsoDate(day) ? day : undefined;
}
