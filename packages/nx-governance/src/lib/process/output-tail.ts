/**
 * The last lines of a command's output, for evidence a person reads: at most
 * `maxLines` lines and `maxBytes` bytes of UTF-8, however the output is shaped.
 */
export class OutputTail {
  private readonly kept: string[] = [];
  private bytes = 0;

  constructor(
    private readonly maxLines: number,
    private readonly maxBytes: number,
  ) {}

  push(line: string): void {
    // Cut by characters first so a huge line is never encoded whole; a
    // character is at most 3 bytes of UTF-8 per UTF-16 unit.
    let kept = line.length * 3 > this.maxBytes ? line.slice(0, Math.floor((this.maxBytes - 8) / 3)) : line;
    if (kept !== line) kept = `${kept} [cut]`;
    this.kept.push(kept);
    this.bytes += Buffer.byteLength(kept) + 1;
    while (this.kept.length > this.maxLines || (this.bytes > this.maxBytes && this.kept.length > 1)) {
      this.bytes -= Buffer.byteLength(this.kept.shift() ?? '') + 1;
    }
  }

  lines(): string[] {
    return [...this.kept];
  }
}
