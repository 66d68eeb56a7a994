/**
 * Streaming reading of JSON tables: a top-level array of objects (`application/json`) or one
 * object per line (`application/x-ndjson`). Rows are split at the byte level, so memory stays
 * bounded and the row offset index records exact byte offsets; each row is then decoded,
 * validated by the platform JSON parser and turned into cells without losing number digits.
 */
import { isUtf8 } from 'node:buffer';
import { basename } from 'node:path';
import { ServiceError } from '../../../shared/ipc/result';
import { StrictJsonError, parseStrictJson } from '../../../shared/formats/strict-json';
import { bomLength, createDecoder, invalidOffsetIn, type TableEncoding, undecodable } from './encoding';
import { rangeFor, type RowIndex } from './row-index';
import {
  CappedList,
  PROGRESS_BYTES,
  emptyCapped,
  openPlain,
  readChunks,
  readRange,
  scanSizes,
  withSource,
  type OpenBytes,
  type LargeNumber,
  type ScanCommonOptions,
  type TableScan,
} from './table-io';

export type JsonKind = 'json' | 'ndjson';

export type JsonScanOptions = ScanCommonOptions & {
  kind: JsonKind;
  encoding: TableEncoding;
  /** Longest row (in bytes) accepted before the file is refused. */
  maxRowBytes?: number;
  /** Whether `encoding` was a guess (worded into a decoding error). */
  guessed?: boolean;
};

export type JsonReadOptions = {
  open?: OpenBytes;
  encoding: TableEncoding;
  index: RowIndex;
  /** The columns of the scan; a row's cells come back in this order ('' where a key is absent). */
  columns: readonly string[];
  file?: string;
};

export const DEFAULT_MAX_ROW_BYTES = 64 * 1024 * 1024;

/** Magnitude from which a JSON number is "identifier-like" (RULES.md, `intake.precision-loss`). */
const LARGE_NUMBER = 1e15;

/** One row's bytes: `start` is its byte offset in the file, `line` the line it starts on (0 if unknown). */
type RawRow = { bytes: Buffer; start: number; line: number; row: number };

type Splitter = {
  /** Appends complete rows found in `buf` (which starts at file offset `at`) to `out`. */
  push(buf: Buffer, at: number, out: RawRow[]): void;
  /** End of input: appends a last row, or throws if the document is incomplete. */
  end(out: RawRow[]): void;
};

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

function malformed(file: string, row: number | null, line: number, column: number | null, reason: string): ServiceError {
  const where = [row === null ? null : `row ${row}`, line > 0 ? `line ${line}` : null, column === null || line <= 0 ? null : `column ${column}`]
    .filter((part) => part !== null)
    .join(', ');
  return new ServiceError('tables.json-malformed', `"${file}"${where ? `, ${where}` : ''}: ${reason}. Fix the file and resubmit it.`, {
    file,
    ...(row === null ? {} : { row }),
    ...(line > 0 ? { line } : {}),
  });
}

function rowTooLarge(file: string, row: number, line: number, max: number): ServiceError {
  return new ServiceError(
    'tables.record-too-large',
    `"${file}": row ${row}${line > 0 ? ` (line ${line})` : ''} is larger than ${max} bytes. Such a row is almost always a broken file; fix it and resubmit.`,
    { file, row },
  );
}

/** States of the array splitter: before `[`, before the first row, after a comma, inside a row, after a row, after `]`. */
const STATE = { beforeArray: 0, first: 1, next: 2, inRow: 3, after: 4, end: 5 } as const;
type ArrayState = (typeof STATE)[keyof typeof STATE];

/**
 * Splits `[ {…}, {…} ]` into its elements by tracking strings and nesting depth byte by byte.
 * Structural characters are ASCII; in UTF-8 no byte of a multi-byte character is ASCII, and in
 * GB18030 the trail bytes that are (`\`, `[`, `]`, `{`, `}`, digits…) are skipped by reading each
 * lead byte's sequence as a whole. With `range` the input starts at an element and may stop
 * anywhere (a row range read through the index).
 */
class ArraySplitter implements Splitter {
  private state: ArrayState;
  private depth = 0;
  private inString = false;
  private escape = false;
  private skip = 0;
  private leadPending = false;
  private line = 1;
  private parts: Buffer[] = [];
  private partBytes = 0;
  private rowStart = 0;
  private rowLine = 0;

  constructor(
    private readonly file: string,
    private readonly gb18030: boolean,
    private row: number,
    private readonly range: boolean,
    private readonly maxRowBytes: number,
  ) {
    this.state = range ? STATE.next : STATE.beforeArray;
    if (range) this.line = 0;
  }

  push(buf: Buffer, at: number, out: RawRow[]): void {
    const n = buf.length;
    let partStart = this.state === STATE.inRow ? 0 : -1;
    for (let i = 0; i < n; i++) {
      if (this.skip > 0) {
        const k = Math.min(this.skip, n - i);
        this.skip -= k;
        i += k - 1;
        continue;
      }
      const b = buf[i]!;
      if (this.leadPending) {
        // Second byte of a GB18030 sequence: a digit means a four-byte sequence (two more to skip).
        this.leadPending = false;
        if (b >= 0x30 && b <= 0x39) this.skip = 2;
        continue;
      }
      if (b === 0x0a && this.line > 0) this.line++;
      if (this.state === STATE.inRow) {
        if (this.gb18030 && b >= 0x81 && b <= 0xfe) this.leadPending = true;
        else if (this.inString) {
          if (this.escape) this.escape = false;
          else if (b === 0x5c) this.escape = true;
          else if (b === 0x22) this.inString = false;
        } else if (b === 0x22) this.inString = true;
        else if (b === 0x7b || b === 0x5b) this.depth++;
        else if ((b === 0x7d || b === 0x5d) && --this.depth === 0) {
          this.emit(buf.subarray(partStart, i + 1), out);
          partStart = -1;
          this.state = STATE.after;
        }
        continue;
      }
      if (isSpace(b)) continue;
      switch (this.state) {
        case STATE.beforeArray:
          if (b !== 0x5b) throw malformed(this.file, null, this.line, null, b === 0x7b ? 'the file holds one JSON object, not an array of objects' : 'the file does not start with a JSON array ([)');
          this.state = STATE.first;
          break;
        case STATE.first:
        case STATE.next:
          if (b === 0x5d) {
            if (this.state === STATE.next && !this.range) throw malformed(this.file, this.row, this.line, null, 'a comma is followed by the end of the array');
            this.state = STATE.end;
            break;
          }
          if (b !== 0x7b) throw malformed(this.file, this.row + 1, this.line, null, 'the element is not a JSON object; every row must be an object');
          this.state = STATE.inRow;
          this.depth = 1;
          this.inString = false;
          this.escape = false;
          this.rowStart = at + i;
          this.rowLine = this.line;
          partStart = i;
          break;
        case STATE.after:
          if (b === 0x2c) this.state = STATE.next;
          else if (b === 0x5d) this.state = STATE.end;
          else throw malformed(this.file, this.row, this.line, null, 'a row is followed by something other than a comma or the end of the array');
          break;
        case STATE.end:
          if (!this.range) throw malformed(this.file, null, this.line, null, 'there is more after the end of the array');
          break;
      }
    }
    if (this.state === STATE.inRow) {
      const part = buf.subarray(partStart);
      this.parts.push(part);
      this.partBytes += part.length;
      if (this.partBytes > this.maxRowBytes) throw rowTooLarge(this.file, this.row + 1, this.rowLine, this.maxRowBytes);
    }
  }

  private emit(last: Buffer, out: RawRow[]): void {
    const bytes = this.parts.length === 0 ? last : Buffer.concat([...this.parts, last]);
    this.parts = [];
    this.partBytes = 0;
    this.row++;
    out.push({ bytes, start: this.rowStart, line: this.rowLine, row: this.row });
  }

  end(): void {
    if (this.range) return;
    if (this.state === STATE.beforeArray) throw malformed(this.file, null, 0, null, 'the file is empty; it should hold a JSON array of objects');
    if (this.state !== STATE.end) throw malformed(this.file, this.state === STATE.inRow ? this.row + 1 : this.row, this.line, null, 'the file ends before the array is closed');
  }
}

/** Splits NDJSON into lines at byte 0x0A (never part of a multi-byte character); blank lines are skipped. */
class LineSplitter implements Splitter {
  private parts: Buffer[] = [];
  private partBytes = 0;
  private lineStart: number;
  blankLines = 0;

  constructor(
    private readonly file: string,
    private row: number,
    private line: number,
    start: number,
    private readonly maxRowBytes: number,
  ) {
    this.lineStart = start;
  }

  push(buf: Buffer, at: number, out: RawRow[]): void {
    let i = 0;
    for (;;) {
      const nl = buf.indexOf(0x0a, i);
      if (nl < 0) {
        if (i < buf.length) {
          this.parts.push(buf.subarray(i));
          this.partBytes += buf.length - i;
          if (this.partBytes > this.maxRowBytes) throw rowTooLarge(this.file, this.row + 1, this.line, this.maxRowBytes);
        }
        return;
      }
      this.take(buf.subarray(i, nl), out);
      this.lineStart = at + nl + 1;
      i = nl + 1;
    }
  }

  private take(last: Buffer, out: RawRow[]): void {
    const bytes = this.parts.length === 0 ? last : Buffer.concat([...this.parts, last]);
    this.parts = [];
    this.partBytes = 0;
    const line = this.line;
    if (this.line > 0) this.line++;
    if (bytes.every(isSpace)) {
      this.blankLines++;
      return;
    }
    this.row++;
    out.push({ bytes, start: this.lineStart, line, row: this.row });
  }

  end(out: RawRow[]): void {
    if (this.parts.length > 0) this.take(Buffer.alloc(0), out);
  }
}

/** Turns rows into cells against a growing (scan) or fixed (read) list of columns. */
class CellMaker {
  readonly columns: string[];
  private readonly positions = new Map<string, number>();
  readonly largeNumbers = new CappedList<LargeNumber>();
  private readonly decoder: TextDecoder | null;

  constructor(
    private readonly file: string,
    private readonly encoding: TableEncoding,
    columns: readonly string[],
    private readonly grow: boolean,
    /** NDJSON: a row's text is its whole line, so a column within it is a column in the file. */
    private readonly rowIsLine: boolean,
    private readonly guessed = false,
  ) {
    this.columns = [...columns];
    this.columns.forEach((name, i) => this.positions.set(name, i));
    this.decoder = encoding === 'gb18030' ? createDecoder(encoding, false) : null;
  }

  cells(raw: RawRow): string[] {
    const text = this.decode(raw);
    try {
      JSON.parse(text);
    } catch (error) {
      throw this.syntaxError(raw, text, error);
    }
    const row = new Array<string>(this.columns.length).fill('');
    const seen = new Set<string>();
    let i = skipSpace(text, 0);
    if (text.charCodeAt(i) !== 0x7b) throw malformed(this.file, raw.row, raw.line, null, 'the value is not a JSON object; every row must be an object');
    i = skipSpace(text, i + 1);
    while (text.charCodeAt(i) !== 0x7d) {
      const keyEnd = stringEnd(text, i);
      const key = unquote(text, i, keyEnd);
      if (seen.has(key)) throw malformed(this.file, raw.row, raw.line, null, `the key "${key}" appears twice in one object, so its value is ambiguous`);
      seen.add(key);
      const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
      const valueEnd = valueEndAt(text, valueStart);
      let position = this.positions.get(key);
      if (position === undefined && this.grow) {
        position = this.columns.length;
        this.columns.push(key);
        this.positions.set(key, position);
        row.push('');
      }
      if (position !== undefined) row[position] = this.cell(text, valueStart, valueEnd, raw.row, key);
      i = skipSpace(text, valueEnd);
      if (text.charCodeAt(i) === 0x2c) i = skipSpace(text, i + 1);
    }
    return row;
  }

  private cell(text: string, start: number, end: number, row: number, key: string): string {
    const c = text.charCodeAt(start);
    if (c === 0x22) return unquote(text, start, end);
    if (c === 0x7b || c === 0x5b) return compactJson(text.slice(start, end));
    const literal = text.slice(start, end);
    if (literal === 'null') return '';
    if (literal !== 'true' && literal !== 'false' && Math.abs(Number(literal)) >= LARGE_NUMBER) this.largeNumbers.add(() => ({ row, column: key }));
    // Numbers keep the digits written in the file: parsing would round anything past 2^53.
    return literal;
  }

  private decode(raw: RawRow): string {
    if (this.decoder === null) {
      if (isUtf8(raw.bytes)) return raw.bytes.toString('utf8');
    } else {
      try {
        return this.decoder.decode(raw.bytes);
      } catch {
        // reported below
      }
    }
    throw undecodable(this.file, this.encoding, raw.start + invalidOffsetIn(raw.bytes, this.encoding), this.guessed);
  }

  private syntaxError(raw: RawRow, text: string, error: unknown): ServiceError {
    // The platform parser only gives a character position; the strict parser gives line and column.
    // Never repeat the platform's message itself: V8 quotes the offending text in it
    // ('Unexpected token …, "{"phone": 138…" is not valid JSON'), which would put a raw value
    // into an error the renderer, the log and the CLI show.
    const platform = (error as Error).message;
    let reason = 'the row is not valid JSON';
    let position: { line: number; column: number } | null = null;
    try {
      parseStrictJson(text);
    } catch (strict) {
      if (strict instanceof StrictJsonError) {
        reason = friendlyTokens(strict.message);
        position = { line: strict.line, column: strict.column };
      }
    }
    const at = position ? null : / at position (\d+)/.exec(platform);
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const lineStart = before.lastIndexOf('\n') + 1;
      position ??= { line: before.split('\n').length, column: before.length - lineStart + 1 };
    }
    if (!position) return malformed(this.file, raw.row, raw.line, null, reason);
    const line = raw.line > 0 ? raw.line + position.line - 1 : 0;
    // A column is a column of the file when the row starts a line (NDJSON) or the problem is on a later line of it.
    return malformed(this.file, raw.row, line, position.line > 1 || this.rowIsLine ? position.column : null, reason.replace(/\.$/, ''));
  }
}

const TOKENS: Record<string, string> = {
  LBrace: '"{"',
  RBrace: '"}"',
  LBracket: '"["',
  RBracket: '"]"',
  Colon: '":"',
  Comma: '","',
  String: 'string',
  Number: 'number',
  Boolean: 'true/false',
  Null: 'null',
};

/** momoa names tokens by type ("Unexpected token RBrace found."); a person reads the character. */
function friendlyTokens(message: string): string {
  return message.replace(/\btoken (\w+)/g, (whole, name: string) => (TOKENS[name] ? `token ${TOKENS[name]}` : whole));
}

function skipSpace(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
    i++;
  }
}

/** The offset after the closing quote of the string token starting at `start`. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  for (;;) {
    const q = text.indexOf('"', at);
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    at = q + 1;
  }
}

/** The offset after the (already validated) JSON value starting at `start`. */
function valueEndAt(text: string, start: number): number {
  const c = text.charCodeAt(start);
  if (c === 0x22) return stringEnd(text, start);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    let i = start;
    for (;;) {
      const d = text.charCodeAt(i);
      if (d === 0x22) {
        i = stringEnd(text, i);
        continue;
      }
      if (d === 0x7b || d === 0x5b) depth++;
      else if ((d === 0x7d || d === 0x5d) && --depth === 0) return i + 1;
      i++;
    }
  }
  let i = start;
  for (;;) {
    const d = text.charCodeAt(i);
    if (Number.isNaN(d) || d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) return i;
    i++;
  }
}

function unquote(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  return inner.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : inner;
}

/** JSON text without insignificant whitespace, every token (and so every digit) as written. */
function compactJson(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|[ \t\n\r]+/g, (m) => (m.charCodeAt(0) === 0x22 ? m : ''));
}

function checkEncoding(encoding: TableEncoding, file: string): void {
  if (encoding === 'utf-16le-bom' || encoding === 'utf-16be-bom') {
    throw new ServiceError(
      'tables.unsupported-encoding',
      `"${file}" is JSON in UTF-16. JSON exchanged between systems must be UTF-8 (RFC 8259); ask the operator to save it as UTF-8 and resubmit it.`,
      { file },
    );
  }
}

/**
 * Reads the whole file once, handing rows to `onBatch` (numbered from 1) as cells in the order of
 * `columns`, which grows as new keys appear (first-seen order; a batch's third argument is the
 * list so far, and earlier rows are simply shorter). Strings are unescaped, numbers keep their
 * literal text, `null` is '', nested values are compact JSON. A malformed row, a row that is not
 * an object and a key repeated within an object are errors naming the row and line.
 */
export async function scanJsonTable(path: string, options: JsonScanOptions): Promise<TableScan> {
  const file = options.file ?? basename(path);
  const { encoding, kind, signal } = options;
  checkEncoding(encoding, file);
  const { every, batchSize } = scanSizes(options);
  const maxRowBytes = options.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES;
  const start = bomLength(encoding);
  const lines = kind === 'ndjson' ? new LineSplitter(file, 0, 1, start, maxRowBytes) : null;
  const splitter: Splitter = lines ?? new ArraySplitter(file, encoding === 'gb18030', 0, false, maxRowBytes);
  const maker = new CellMaker(file, encoding, [], true, kind === 'ndjson', options.guessed ?? false);
  const offsets: number[] = [];
  const marks: number[] = [];
  let rows = 0;
  let bytes = start;
  let batch: string[][] = [];
  let reported = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const out = batch;
    batch = [];
    await options.onBatch(out, rows - out.length + 1, maker.columns.slice());
    signal?.throwIfAborted();
  };
  const handle = async (found: RawRow[]) => {
    for (const raw of found) {
      const cells = maker.cells(raw);
      rows = raw.row;
      if ((rows - 1) % every === 0) {
        marks.push(rows);
        offsets.push(raw.start);
      }
      batch.push(cells);
      if (batch.length >= batchSize) await flush();
    }
  };

  signal?.throwIfAborted();
  await withSource(options.open ?? openPlain, path, file, async (source) => {
    for await (const chunk of readChunks(source, start, signal)) {
      const found: RawRow[] = [];
      splitter.push(chunk, bytes, found);
      bytes += chunk.length;
      await handle(found);
      await flush(); // per chunk, so rows die young (see CHUNK_BYTES)
      if (bytes - reported >= PROGRESS_BYTES) {
        reported = bytes;
        options.onProgress?.(bytes, rows);
      }
      signal?.throwIfAborted();
    }
    const found: RawRow[] = [];
    splitter.end(found);
    await handle(found);
    await flush();
    options.onProgress?.(bytes, rows);
  });

  return {
    columns: maker.columns,
    rows,
    bytes,
    index: { format: 'table-row-index', formatVersion: 2, kind, encoding, delimiter: null, linebreak: null, fields: maker.columns.length, every, rows, bytes, marks, offsets },
    ragged: emptyCapped(),
    quoteProblems: emptyCapped(),
    largeNumbers: maker.largeNumbers.toJSON(),
    blankLines: lines?.blankLines ?? 0,
  };
}

/** Data rows `from … from+count-1` (1-based; clamped to the table) as cells in the order of `columns`. */
export async function readJsonRows(path: string, options: JsonReadOptions, from: number, count: number): Promise<string[][]> {
  const { index, encoding } = options;
  const file = options.file ?? basename(path);
  if ((index.kind !== 'json' && index.kind !== 'ndjson') || index.encoding !== encoding) {
    throw new ServiceError('tables.index-invalid', `The row index given for "${file}" does not describe it as read here; scan the file again.`, { file });
  }
  const range = rangeFor(index, from, count, file);
  if (!range) return [];
  const bytes = await withSource(options.open ?? openPlain, path, file, (source) => readRange(source, range.start, range.end, index, file));
  const splitter: Splitter =
    index.kind === 'ndjson'
      ? new LineSplitter(file, range.firstRow - 1, 0, range.start, Infinity)
      : new ArraySplitter(file, encoding === 'gb18030', range.firstRow - 1, true, Infinity);
  const found: RawRow[] = [];
  splitter.push(bytes, range.start, found);
  splitter.end(found);
  const maker = new CellMaker(file, encoding, options.columns, false, index.kind === 'ndjson');
  const out: string[][] = [];
  for (const raw of found) {
    if (raw.row < range.from) continue;
    if (out.length >= range.count) break;
    out.push(maker.cells(raw));
  }
  return out;
}
