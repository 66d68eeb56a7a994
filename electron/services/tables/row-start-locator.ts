/**
 * Maps "after the n-th line terminator" in decoded text back to a byte offset in the bytes it
 * was decoded from. The CSV parser works on text, where byte offsets are lost; but every record
 * ends with a terminator character (`\n`, or `\r` for old Mac files), and in each supported
 * encoding that character is one code unit that never occurs inside another character
 * (UTF-8 and GB18030 trail bytes are ≥ 0x30 and never 0x0A/0x0D; UTF-16 units are aligned).
 * So a record that starts after the n-th terminator in the text starts right after the n-th
 * terminator unit in the bytes, whatever the encoding.
 */
export class RowStartLocator {
  private readonly chunks: Buffer[] = [];
  private readonly starts: number[] = [];
  private chunk = 0;
  private pos = 0;
  private counted = 0;
  private last: number;
  private nextStart = 0;
  private odd: Buffer | null = null;
  private term = 0x0a;

  /**
   * @param unit bytes per code unit (2 for UTF-16)
   * @param bigEndian UTF-16BE
   * @param dataStart the offset "after terminator 0" stands for: the first byte after the BOM
   */
  constructor(
    private readonly unit: 1 | 2,
    private readonly bigEndian: boolean,
    dataStart: number,
  ) {
    this.last = dataStart;
  }

  /** The terminator to count: `\n` (for `\n` and `\r\n` line breaks) or `\r`. Set before the first query. */
  setTerminator(char: '\n' | '\r'): void {
    this.term = char === '\n' ? 0x0a : 0x0d;
  }

  /** Appends the next bytes of the file, in order; `at` is the file offset of the first push. */
  push(bytes: Buffer, at?: number): void {
    if (at !== undefined && this.chunks.length === 0 && this.odd === null) this.nextStart = at;
    let buf = bytes;
    if (this.unit === 2) {
      // Keep every stored chunk aligned to a code unit, so parity within a chunk is parity in the file.
      if (this.odd) buf = Buffer.concat([this.odd, buf]);
      this.odd = buf.length % 2 === 1 ? Buffer.from(buf.subarray(buf.length - 1)) : null;
      if (this.odd) buf = buf.subarray(0, buf.length - 1);
    }
    if (buf.length === 0) return;
    this.chunks.push(buf);
    this.starts.push(this.nextStart);
    this.nextStart += buf.length;
  }

  /** The offset just after the `n`-th terminator. Queries must not go backwards; bytes before the answer are released. */
  offsetAfter(n: number): number {
    if (n < this.counted) throw new Error(`row start ${n} requested after ${this.counted}`);
    while (this.counted < n) {
      const buf = this.chunks[this.chunk];
      if (!buf) throw new Error(`terminator ${n} lies beyond the bytes read`);
      const after = this.find(buf, this.pos);
      if (after < 0) {
        this.chunk++;
        this.pos = 0;
        continue;
      }
      this.pos = after;
      this.counted++;
      this.last = this.starts[this.chunk]! + after;
    }
    if (this.chunk > 0) {
      this.chunks.splice(0, this.chunk);
      this.starts.splice(0, this.chunk);
      this.chunk = 0;
    }
    return this.last;
  }

  /** The position just after the next terminator unit in `buf` from `from`, or -1. */
  private find(buf: Buffer, from: number): number {
    let at = from;
    for (;;) {
      const i = buf.indexOf(this.term, at);
      if (i < 0) return -1;
      if (this.unit === 1) return i + 1;
      if (this.bigEndian) {
        if ((i & 1) === 1 && buf[i - 1] === 0) return i + 1;
      } else if ((i & 1) === 0 && buf[i + 1] === 0) {
        return i + 2;
      }
      at = i + 1;
    }
  }
}
