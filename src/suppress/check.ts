import { closest } from '../config';
import type { Notice } from '../model';
import { describeSuppression, type WrittenSuppression } from './written';

/**
 * Why a written suppression must not apply: no rule, no reason, a malformed or past `until`, an
 * unknown rule id. Each problem is a warning at the suppression; any problem disables it, so a
 * mistake shows up as a finding coming back rather than as a silent blanket.
 */
export function suppressionProblems(s: WrittenSuppression, today: string, knownRuleIds: ReadonlySet<string>): Notice[] {
  const problems: Notice[] = [];
  const what = describeSuppression(s);
  const warn = (code: string, message: string) =>
    problems.push({ level: 'warning', code, message, ...(s.file ? { file: s.file } : {}), ...(s.location ? { range: s.location } : {}) });

  if (!s.ids.length) {
    // Nothing else about an empty directive is worth a second notice.
    warn('suppression-no-rule', `${what} names no rule, so it suppresses nothing; write the rule id first, e.g. iac-scan:ignore aws-s3-versioning <reason>.`);
    return problems;
  }
  for (const id of s.ids) {
    if (id === '*' || knownRuleIds.has(id)) continue;
    const guess = closest(id, [...knownRuleIds]);
    warn('unknown-rule', `${what} names rule ${id}, which does not exist, so it suppresses nothing; ${guess ? `did you mean ${guess}?` : 'check the id in the report.'}`);
  }
  if (!s.reason.trim()) warn('suppression-no-reason', `${what} gives no reason, so it suppresses nothing; add a sentence saying why the finding is accepted.`);
  if (s.until !== undefined) {
    if (!isIsoDate(s.until)) warn('suppression-bad-date', `${what} has until=${s.until}, which is not a date, so it suppresses nothing; write it as YYYY-MM-DD.`);
    else if (s.until < today) warn('suppression-expired', `${what} expired on ${s.until}, so it suppresses nothing; fix the finding, or set a new date if the reason still holds.`);
  }
  return problems;
}

/** A real calendar day written YYYY-MM-DD (so `2026-02-30` is not). */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text[4] !== '-' || text[7] !== '-') return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}
