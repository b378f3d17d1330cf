/**
 * A one-line status on stderr while a long scan runs. Only on a TTY, so logs and pipes stay
 * clean, and the line is cleared before any report is printed.
 */
export class Progress {
  private shown = false;

  constructor(private readonly enabled: boolean) {}

  update(stage: string, done: number, total: number): void {
    if (!this.enabled) return;
    const count = total ? ` ${done}/${total}` : '';
    process.stderr.write(`\r\x1b[2Kiac-scan: ${stage}${count}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) process.stderr.write('\r\x1b[2K');
    this.shown = false;
  }
}
