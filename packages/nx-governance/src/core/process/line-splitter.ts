/**
 * Turns chunks of text into whole lines. A line longer than `maxLine` is cut,
 * so a command that prints without newlines cannot grow memory without bound.
 */
export class LineSplitter {
  private pending = '';

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLine = 64 * 1024,
  ) {}

  push(text: string): void {
    const parts = (this.pending + text).split(/\r?\n/);
    this.pending = parts.pop() ?? '';
    for (const line of parts) this.onLine(line);
    if (this.pending.length > this.maxLine) {
      this.onLine(this.pending.slice(0, this.maxLine));
      this.pending = '';
    }
  }

  end(): void {
    if (this.pending) this.onLine(this.pending);
    this.pending = '';
  }
}
