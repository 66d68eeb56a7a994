/**
 * Streaming CSV/TSV reading: bytes → strict decoder → papaparse, in chunks, yielding rows in
 * batches, reporting ragged rows and quote trouble instead of failing, and building the sparse
 * row offset index (`row-index.ts`) that `readRows` uses to serve any row range by seeking.
 */
import * as PapaModule from 'papaparse';
import { basename } from 'node:path';
import { ServiceError } from '../../../shared/ipc/result';
import type { ByteSource } from '../at-rest/byte-source';
import { bomLength, codeUnitBytes, createDecoder, invalidOffsetIn, type TableEncoding, undecodable } from './encoding';
import { rangeFor, type RowIndex } from './row-index';
import { RowStartLocator } from './row-start-locator';
import { tokenizeWellFormed } from './csv-tokenize';
import {
  CappedList,
  PROGRESS_BYTES,
  CHUNK_BYTES,
  staleIndex,
  emptyCapped,
  READ_ROWS_BYTES,
  openPlain,
  withSource,
  type OpenBytes,
  scanSizes,
  type QuoteProblem,
  type RaggedRow,
  type ScanCommonOptions,
  type TableScan,
  WindowReader,
} from './table-io';

// papaparse is a UMD bundle: under Node's ESM loader its API is the default export, under a
// bundler (and in its type declarations) the namespace itself.
const Papa = (PapaModule as unknown as { default?: typeof PapaModule }).default ?? PapaModule;

export type Linebreak = '\n' | '\r\n' | '\r';

export type CsvScanOptions = ScanCommonOptions & {
  encoding: TableEncoding;
  /** `,` for CSV, `\t` for TSV (any single character but a quote or line break). */
  delimiter: string;
  /** Longest record (in bytes) accepted before the file is refused; guards against an unterminated quote. */
  maxRecordBytes?: number;
  /** Whether `encoding` was a guess (worded into a decoding error). */
  guessed?: boolean;
  /**
   * Scan only bytes `start … end-1`, a part of a large table another thread scans the rest of
   * (see `findPartBoundary`). A part after the first starts at a data row: it is given the
   * header's columns and line break instead of reading them. Rows, lines and the index then
   * count from the part's own start.
   */
  part?: { start: number; end: number; header: CsvHeader | null };
};

/** The header record of a CSV/TSV file and the line break it ends with. */
export type CsvHeader = { columns: string[]; linebreak: Linebreak };

/** What a scan of a part adds to a TableScan, for merging the parts. */
export type CsvPartScan = TableScan & {
  /** Line terminators in the part (the line count the next part's lines follow on from). */
  terminators: number;
  /**
   * The part ended inside a quoted field: its end was not a record boundary after all, so the
   * parts cannot be merged (the table is scanned again in one piece).
   */
  openQuoteAtEnd: boolean;
};

export type CsvReadOptions = {
  open?: OpenBytes;
  encoding: TableEncoding;
  delimiter: string;
  index: RowIndex;
  /** Accepted for symmetry with the JSON reader; CSV rows are returned as parsed. */
  columns?: readonly string[];
  file?: string;
};

export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

export type Parsed = {
  rows: string[][];
  /** `ends[i]`: the offset in the text just after record i (its terminator included). */
  ends: number[];
  problems: (QuoteProblem['problem'] | undefined)[];
};

const NO_PROBLEMS: Parsed['problems'] = [];

/** How papaparse reads every window: RFC 4180 quotes, every field a string, empty lines kept (the scan counts them). */
const papaOptions = (delimiter: string, linebreak: Linebreak) =>
  ({ delimiter, newline: linebreak, quoteChar: '"', escapeChar: '"', header: false, dynamicTyping: false, skipEmptyLines: false }) as const;

/**
 * Parses `text` with papaparse; the caller decides which records are complete (`lastMayBeCut`:
 * the text is a window that may end inside its last record).
 */
export function parseText(text: string, delimiter: string, linebreak: Linebreak, lastMayBeCut = false): Parsed {
  if (text.charCodeAt(0) !== 0xfeff) {
    const whole = parseWhole(text, delimiter, linebreak, lastMayBeCut);
    if (whole) return whole;
  }
  return parseStepwise(text, delimiter, linebreak);
}

/** The stepwise parse on its own, for tests comparing it with `parseText`. */
export const parseTextStepwise = parseStepwise;

/**
 * The fast way for well-formed text: one pass of our own tokenizer (csv-tokenize.ts), no
 * per-row callbacks or result objects. Null when the text is not well-formed — the stepwise
 * parse then reports exactly what is wrong where.
 */
function parseWhole(text: string, delimiter: string, linebreak: Linebreak, lastMayBeCut: boolean): Parsed | null {
  const tokenized = tokenizeWellFormed(text, delimiter.charCodeAt(0), linebreak, lastMayBeCut);
  return tokenized && { rows: tokenized.rows, ends: tokenized.ends, problems: NO_PROBLEMS };
}

/**
 * The offset after each record of well-formed CSV text, as papaparse counts records: a quote
 * opens a quoted field only at the start of a field, `""` inside one is a quote, and the text
 * after the last line break is a last record (empty when the text ends with a line break).
 * Null for anything not well-formed: a closing quote followed by more than a delimiter or line
 * break, or a quote left open (unless `lastMayBeCut`: the text is a window that ends inside the
 * last record).
 */
export function recordEnds(text: string, delimiter: number, linebreak: Linebreak, lastMayBeCut = false): number[] | null {
  const ends: number[] = [];
  const lb = linebreak.charCodeAt(0);
  const lbLength = linebreak.length;
  const n = text.length;
  if (text.indexOf('"') === -1) {
    // No quotes: every line break ends a record.
    let at = text.indexOf(linebreak);
    while (at !== -1) {
      ends.push(at + lbLength);
      at = text.indexOf(linebreak, at + lbLength);
    }
    ends.push(n);
    return ends;
  }
  let i = 0;
  let fieldStart = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (fieldStart && c === 0x22) {
      // A quoted field: find its closing quote.
      let j = i + 1;
      for (;;) {
        j = text.indexOf('"', j);
        if (j === -1) {
          if (!lastMayBeCut) return null;
          ends.push(n);
          return ends;
        }
        if (text.charCodeAt(j + 1) === 0x22) {
          j += 2;
          continue;
        }
        break;
      }
      i = j + 1;
      if (i === n) break;
      const next = text.charCodeAt(i);
      if (next === delimiter) {
        i++;
        fieldStart = true;
        continue;
      }
      if (next === lb && (lbLength === 1 || text.charCodeAt(i + 1) === 0x0a)) {
        i += lbLength;
        ends.push(i);
        fieldStart = true;
        continue;
      }
      return null;
    }
    if (c === lb && (lbLength === 1 || text.charCodeAt(i + 1) === 0x0a)) {
      i += lbLength;
      ends.push(i);
      fieldStart = true;
      continue;
    }
    fieldStart = c === delimiter;
    i++;
  }
  ends.push(n);
  return ends;
}

/** Parses record by record, recording each one's end and quote problems. */
function parseStepwise(text: string, delimiter: string, linebreak: Linebreak): Parsed {
  // papaparse drops a U+FEFF at the start of its input. Chunks start mid-file, where U+FEFF is
  // data, so such a chunk is parsed behind an empty line that is then left out.
  const shift = text.charCodeAt(0) === 0xfeff ? linebreak.length : 0;
  const rows: string[][] = [];
  const ends: number[] = [];
  const problems: Parsed['problems'] = [];
  let skip = shift > 0;
  Papa.parse<string[]>(shift > 0 ? linebreak + text : text, {
    ...papaOptions(delimiter, linebreak),
    step: (result) => {
      if (skip) {
        skip = false;
        return;
      }
      rows.push(result.data);
      ends.push(result.meta.cursor - shift);
      problems.push(result.errors.length === 0 ? undefined : result.errors.some((e) => e.code === 'MissingQuotes') ? 'unterminated-quote' : 'malformed-quote');
    },
  });
  return { rows, ends, problems };
}

/**
 * The first line break outside a quoted field: `\r\n`, `\n` or `\r`; null when the text so far
 * has none (or ends on `\r`). A quote opens a quoted field only at the start of a field, as in
 * papaparse, so a stray `"` inside a value does not hide the line break.
 */
export function detectLinebreak(text: string, delimiter: string, final: boolean): Linebreak | null {
  const delim = delimiter.charCodeAt(0);
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 0x22) {
        if (text.charCodeAt(i + 1) === 0x22) i++;
        else quoted = false;
      }
      continue;
    }
    if (c === 0x22 && fieldStart) {
      quoted = true;
      continue;
    }
    if (c === 0x0a) return '\n';
    if (c === 0x0d) {
      if (i + 1 < text.length) return text.charCodeAt(i + 1) === 0x0a ? '\r\n' : '\r';
      return final ? '\r' : null;
    }
    fieldStart = c === delim;
  }
  return final ? '\n' : null;
}

function countChar(text: string, char: string, from: number, to: number): number {
  let n = 0;
  let at = text.indexOf(char, from);
  while (at >= 0 && at < to) {
    n++;
    at = text.indexOf(char, at + 1);
  }
  return n;
}

/** A record papaparse returns for an empty line. */
const isEmptyRecord = (fields: string[]) => fields.length === 1 && fields[0] === '';

function checkDelimiter(delimiter: string, file: string): void {
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new ServiceError('tables.bad-delimiter', `"${file}" cannot be read with the delimiter ${JSON.stringify(delimiter)}.`, { file });
  }
}

/** One parsed window of the file: records `0 … count-1` are complete. */
type CsvChunk = Parsed & {
  text: string;
  count: number;
  final: boolean;
  linebreak: Linebreak;
  term: '\n' | '\r';
  /** Maps "after n terminators in `text`" to a byte offset of the file. */
  locator: RowStartLocator;
  /** Byte offset of the chunk in the file, and line terminators before it. */
  at: number;
  lineBase: number;
};

type ChunkOptions = {
  file: string;
  encoding: TableEncoding;
  delimiter: string;
  linebreak: Linebreak | null;
  maxRecordBytes: number;
  guessed: boolean;
  /** Data rows before the chunk being read, for an error message. */
  rowsSoFar: () => number;
};

/**
 * Reads the file from byte `start` (a record boundary) as parsed windows of about
 * `CHUNK_BYTES`. Each window starts where the first record not yet complete starts and is
 * decoded on its own, so decoded text is never concatenated (copying large strings cost as
 * much as parsing); a window holding no complete record is read again, twice as long.
 */
async function* csvChunks(reader: WindowReader, size: number, start: number, o: ChunkOptions): AsyncGenerator<CsvChunk> {
  const unit = codeUnitBytes(o.encoding);
  const bigEndian = o.encoding === 'utf-16be-bom';
  let linebreak = o.linebreak;
  let pos = start;
  let want = CHUNK_BYTES;
  let lines = 0;
  while (pos < size) {
    const length = Math.min(want, size - pos);
    const bytes = await reader.window(pos, length);
    const final = pos + length >= size;
    let text: string;
    try {
      text = createDecoder(o.encoding, pos === 0).decode(bytes, { stream: !final });
    } catch {
      throw undecodable(o.file, o.encoding, pos + invalidOffsetIn(bytes, o.encoding), o.guessed);
    }
    linebreak ??= detectLinebreak(text, o.delimiter, final);
    const parsed = linebreak === null ? null : parseText(text, o.delimiter, linebreak, !final);
    // The last record may go on past the window: it is read again with the next one.
    const count = parsed === null ? 0 : final ? parsed.rows.length : parsed.rows.length - 1;
    if (parsed === null || linebreak === null || (count <= 0 && !final)) {
      if (length * 2 > o.maxRecordBytes) throw recordTooLarge(o.file, o.rowsSoFar() + 1, lines + 1, o.maxRecordBytes);
      want = length * 2;
      continue;
    }
    want = CHUNK_BYTES;
    const term = linebreak === '\r' ? '\r' : '\n';
    const locator = new RowStartLocator(unit, bigEndian, pos === 0 ? bomLength(o.encoding) : pos);
    locator.setTerminator(term);
    locator.push(bytes, pos);
    yield { ...parsed, text, count, final, linebreak, term, locator, at: pos, lineBase: lines };
    if (final) return;
    const terms = countChar(text, term, 0, parsed.ends[count - 1]!);
    pos = locator.offsetAfter(terms);
    lines += terms;
  }
}

/**
 * Reads the whole file once: the first non-empty record is the header (`columns`), every later
 * record is a data row handed to `onBatch` (numbered from 1). Empty lines are skipped (in a
 * one-column table an empty line is an empty value instead). Rows are passed on as parsed,
 * ragged or not; ragged rows and quote problems are reported (first 100 and a count).
 * Aborting `signal` rejects with its reason (an `AbortError`).
 */
export async function scanTable(path: string, options: CsvScanOptions): Promise<CsvPartScan> {
  const file = options.file ?? basename(path);
  const { encoding, delimiter, signal, part } = options;
  checkDelimiter(delimiter, file);
  const { every, batchSize } = scanSizes(options);

  const ragged = new CappedList<RaggedRow>();
  const quoteProblems = new CappedList<QuoteProblem>();
  const offsets: number[] = [];
  const marks: number[] = [];
  let linebreak: Linebreak | null = part?.header?.linebreak ?? null;
  let columns: string[] | null = part?.header ? [...part.header.columns] : null;
  let terminators = 0;
  let openQuoteAtEnd = false;
  let rows = 0;
  let blankLines = 0;
  let batch: string[][] = [];
  let batchFirst = 1;
  let size = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const out = batch;
    batch = [];
    const first = batchFirst;
    batchFirst += out.length;
    await options.onBatch(out, first, columns ?? []);
    signal?.throwIfAborted();
  };

  signal?.throwIfAborted();
  await withSource(options.open ?? openPlain, path, file, async (source) => {
    size = source.size;
    const start = part?.start ?? 0;
    const end = part ? Math.min(part.end, size) : size;
    if (start > end || (start > 0 && !part?.header)) throw new RangeError(`a part of "${file}" must start at a data row inside the file (${start}…${end} of ${size})`);
    const chunks = csvChunks(new WindowReader(source, end), end, start, {
      file,
      encoding,
      delimiter,
      linebreak,
      maxRecordBytes: options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES,
      guessed: options.guessed ?? false,
      rowsSoFar: () => rows,
    });
    let reported = 0;
    for await (const chunk of chunks) {
      const { text, rows: records, ends, problems, count, term, locator, lineBase } = chunk;
      linebreak = chunk.linebreak;
      let counted = 0;
      let terms = 0;
      const termsBefore = (at: number) => {
        terms += countChar(text, term, counted, at);
        counted = at;
        return terms;
      };
      for (let i = 0; i < count; i++) {
        const fields = records[i]!;
        const start = i === 0 ? 0 : ends[i - 1]!;
        if (columns === null) {
          if (isEmptyRecord(fields)) {
            if (ends[i]! > start) blankLines++;
            continue;
          }
          columns = fields;
          continue;
        }
        if (isEmptyRecord(fields) && (columns.length !== 1 || ends[i] === start)) {
          // A zero-length record is the end of the file after its last line break, not a line.
          if (ends[i]! > start) blankLines++;
          continue;
        }
        rows++;
        if ((rows - 1) % every === 0) {
          marks.push(rows);
          offsets.push(locator.offsetAfter(termsBefore(start)));
        }
        if (fields.length !== columns.length) {
          const expected = columns.length;
          ragged.add(() => ({ row: rows, line: lineBase + termsBefore(start) + 1, expected, actual: fields.length }));
        }
        const problem = problems[i];
        if (problem === 'unterminated-quote' && chunk.final && i === count - 1 && end < size) {
          // The part's end fell inside a quoted field (a value with line breaks in it).
          openQuoteAtEnd = true;
        } else if (problem) {
          quoteProblems.add(() => ({ row: rows, line: lineBase + termsBefore(start) + 1, problem }));
        }
        batch.push(fields);
        if (batch.length >= batchSize) await flush();
      }
      // Hand over each chunk's rows now, so they die young instead of being copied around by the GC.
      await flush();
      if (chunk.final) terminators = lineBase + countChar(text, term, 0, text.length);
      if (chunk.at - reported >= PROGRESS_BYTES) {
        reported = chunk.at;
        options.onProgress?.(chunk.at, rows);
      }
      signal?.throwIfAborted();
    }
    options.onProgress?.(end, rows);
  });

  return {
    columns: columns ?? [],
    rows,
    bytes: size,
    index: {
      format: 'table-row-index',
      formatVersion: 2,
      kind: 'csv',
      encoding,
      delimiter,
      linebreak: linebreak ?? '\n',
      fields: columns?.length ?? 0,
      every,
      rows,
      bytes: size,
      marks,
      offsets,
    },
    ragged: ragged.toJSON(),
    quoteProblems: quoteProblems.toJSON(),
    largeNumbers: emptyCapped(),
    blankLines,
    terminators,
    openQuoteAtEnd,
  };
}

/**
 * The header of a CSV/TSV file and the offset of the first byte after it, read from the first
 * `within` bytes; null when the header does not end there (a huge header, or a file with only a
 * header), or the file uses bare `\r` line breaks — such tables are scanned in one piece.
 */
export async function readCsvHeader(
  path: string,
  options: { encoding: TableEncoding; delimiter: string; file?: string; within?: number; open?: OpenBytes },
): Promise<(CsvHeader & { end: number }) | null> {
  const file = options.file ?? basename(path);
  checkDelimiter(options.delimiter, file);
  try {
    return await withSource(options.open ?? openPlain, path, file, (source) => headerIn(source, file, options));
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'tables.record-too-large') return null;
    throw error;
  }
}

async function headerIn(
  source: ByteSource,
  file: string,
  options: { encoding: TableEncoding; delimiter: string; within?: number },
): Promise<(CsvHeader & { end: number }) | null> {
  {
    const size = source.size;
    const window = Math.min(size, options.within ?? 1024 * 1024);
    const chunks = csvChunks(new WindowReader(source, window), window, 0, {
      file,
      encoding: options.encoding,
      delimiter: options.delimiter,
      linebreak: null,
      maxRecordBytes: window,
      guessed: false,
      rowsSoFar: () => 0,
    });
    for await (const chunk of chunks) {
      if (chunk.linebreak === '\r') return null;
      // The window's last record may be cut short by the window: only earlier ones are whole.
      const whole = chunk.final && window < size ? chunk.count - 1 : chunk.count;
      for (let i = 0; i < whole; i++) {
        const fields = chunk.rows[i]!;
        if (isEmptyRecord(fields)) continue;
        const terms = countChar(chunk.text, chunk.term, 0, chunk.ends[i]!);
        return { columns: fields, linebreak: chunk.linebreak, end: chunk.locator.offsetAfter(terms) };
      }
      if (chunk.final) return null;
    }
    return null;
  }
}

/**
 * The first record boundary at or after byte `from`, assuming `from` is not inside a quoted
 * field: the byte after the next `\n`. Whether the assumption held is known only once the part
 * before it has been parsed (`openQuoteAtEnd`). `\n` is one byte that is never part of another
 * character in UTF-8 and GB18030. Null when there is no line break before `end`.
 */
export async function findPartBoundary(path: string, from: number, end: number, options: { file?: string; open?: OpenBytes } = {}): Promise<number | null> {
  const file = options.file ?? basename(path);
  return withSource(options.open ?? openPlain, path, file, async (source) => {
    const step = 64 * 1024;
    for (let pos = from; pos < end; pos += step) {
      const got = await source.read(pos, Math.min(step, end - pos));
      const at = got.indexOf(0x0a);
      if (at >= 0) return pos + at + 1 < end ? pos + at + 1 : null;
      if (got.length === 0) break;
    }
    return null;
  });
}

function recordTooLarge(file: string, row: number, line: number, max: number): ServiceError {
  return new ServiceError(
    'tables.record-too-large',
    `"${file}": the record starting at data row ${row} (line ${line}) runs past ${max} bytes. It most likely opens a quote (") that is never closed; fix the quoting and resubmit.`,
    { file, row, line },
  );
}

/**
 * Data rows `from … from+count-1` (1-based; clamped to the table) as parsed by `scanTable`,
 * read by seeking to the indexed row at or before `from` and parsing forward only as far as
 * needed.
 */
export async function readRows(path: string, options: CsvReadOptions, from: number, count: number): Promise<string[][]> {
  const { index } = options;
  const file = options.file ?? basename(path);
  if (index.kind !== 'csv' || index.encoding !== options.encoding || index.delimiter !== options.delimiter || index.linebreak === null) {
    throw new ServiceError('tables.index-invalid', `The row index given for "${file}" does not describe it as read here; scan the file again.`, { file });
  }
  const range = rangeFor(index, from, count, file);
  if (!range) return [];
  return withSource(options.open ?? openPlain, path, file, async (source) => {
    const { size } = source;
    if (size !== index.bytes) throw staleIndex(file, size, index.bytes);
    const out: string[][] = [];
    let row = range.firstRow - 1;
    const chunks = csvChunks(new WindowReader(source, size, READ_ROWS_BYTES), size, range.start, {
      file,
      encoding: index.encoding,
      delimiter: options.delimiter,
      linebreak: index.linebreak,
      maxRecordBytes: Infinity,
      guessed: false,
      rowsSoFar: () => row,
    });
    for await (const chunk of chunks) {
      for (let i = 0; i < chunk.count; i++) {
        const fields = chunk.rows[i]!;
        const start = i === 0 ? 0 : chunk.ends[i - 1]!;
        if (isEmptyRecord(fields) && (index.fields !== 1 || chunk.ends[i] === start)) continue;
        row++;
        if (row >= range.from) out.push(fields);
        if (out.length === range.count) return out;
      }
    }
    return out;
  });
}
