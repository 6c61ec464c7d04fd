/**
 * Turns chunks of text into whole lines. A line longer than `maxLine` is
 * reported once, cut, and the rest of it is dropped up to its newline, so a
 * command that prints without newlines holds at most `maxLine` characters here.
 */
export class LineSplitter {
  private pending = '';
  /** The current line passed the cap and was reported: skip to its end. */
  private cutting = false;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLine = 64 * 1024,
  ) {}

  get pendingLength(): number {
    return this.pending.length;
  }

  push(text: string): void {
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (!this.cutting) this.append(text.slice(start, newline === -1 ? text.length : newline));
      if (newline === -1) return;
      if (!this.cutting) this.onLine(this.pending.endsWith('\r') ? this.pending.slice(0, -1) : this.pending);
      this.pending = '';
      this.cutting = false;
      start = newline + 1;
    }
  }

  end(): void {
    if (this.pending && !this.cutting) this.onLine(this.pending);
    this.pending = '';
    this.cutting = false;
  }

  private append(piece: string): void {
    if (this.pending.length + piece.length <= this.maxLine) {
      this.pending += piece;
      return;
    }
    this.onLine(`${(this.pending + piece.slice(0, this.maxLine - this.pending.length))} [line cut at ${this.maxLine} characters]`);
    this.pending = '';
    this.cutting = true;
  }
}
