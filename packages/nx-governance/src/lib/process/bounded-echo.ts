/**
 * Shows a command's output to the person watching, up to `maxBytes`: Nx keeps
 * all of a task's terminal output in memory (and in its cache), and joining
 * 600 MiB of it overflows a string and crashes Nx. Past the budget, lines are
 * counted, not shown; `finish` then names the log and shows the last lines.
 */
export class BoundedEcho {
  private bytes = 0;
  private hidden = 0;

  constructor(
    private readonly echo: ((line: string) => void) | undefined,
    private readonly maxBytes: number,
  ) {}

  push(line: string): void {
    if (!this.echo) return;
    // UTF-16 length bounds UTF-8 bytes within 3x; close enough for a budget, and free.
    const cost = line.length + 1;
    if (this.hidden === 0 && this.bytes + cost <= this.maxBytes) {
      this.bytes += cost;
      this.echo(line);
    } else {
      this.hidden++;
    }
  }

  /** After the command ended: what was not shown, where it is, and the last lines of it. */
  finish(tail: string[], logFile: string | undefined): void {
    if (!this.echo || this.hidden === 0) return;
    const last = tail.slice(-this.hidden);
    this.echo(`[${this.hidden} more line(s) of output not shown here${logFile ? `; the full log is ${logFile}` : ''}; the last ${last.length}:]`);
    for (const line of last) this.echo(line);
  }
}
