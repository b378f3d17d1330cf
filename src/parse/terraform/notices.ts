import type { Notice, Range } from '../../model';

/**
 * The notices of one scan's Terraform. A module called twice evaluates its expressions twice;
 * the same problem at the same place is still reported once.
 */
export class NoticeSink {
  readonly notices: Notice[] = [];
  private readonly seen = new Set<string>();

  add(level: Notice['level'], code: string, message: string, range?: Range, file = range?.file): void {
    const key = `${level}|${code}|${file ?? ''}|${range ? `${range.start.line}:${range.start.column}` : ''}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const notice: Notice = { level, code, message };
    if (file !== undefined) notice.file = file;
    if (range) notice.range = range;
    this.notices.push(notice);
  }

  warn(code: string, message: string, range?: Range): void {
    this.add('warning', code, message, range);
  }

  note(code: string, message: string, range?: Range): void {
    this.add('note', code, message, range);
  }
}
