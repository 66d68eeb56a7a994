/**
 * Excel workbooks (.xlsx) as tables: every worksheet is one (FORMATS.md §1, `table.sheet`).
 * `readWorkbook` lists the sheets with their visibility and the people the document properties
 * name; `scanXlsxSheet` streams one sheet's XML, hands its rows to `onBatch` like the CSV and
 * JSON readers, reports what a reviewer would not see in Excel (hidden rows and columns) and
 * identifier-like numbers, and writes the rows to a derived NDJSON file whose row index lets
 * `readXlsxRows` (the JSON reader underneath) serve any row range without parsing the sheet again.
 *
 * Cells keep what the sheet stores: numbers as the exact text of `<v>` (never through a JS
 * number, so `1.10105199001011E+17` stays visible as the precision loss it is), booleans as
 * TRUE/FALSE, errors as `#N/A` etc.; only numbers in a date format become ISO 8601 dates.
 *
 * The workbook may be read through an opener (`open`, e.g. a payload in the encrypted store),
 * and the derived rows — raw cell values — written encrypted with `derivedKey`, so they are
 * kept no less protected than the workbook they come from.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { open, rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { PassThrough } from 'node:stream';
import { ServiceError } from '../../../shared/ipc/result';
import { encryptToFile, openEncryptedFile } from '../at-rest/encrypted-file';
import { readJsonRows, scanJsonTable } from './json-reader';
import type { OpenBytes } from './open-bytes';
import type { RowIndex } from './row-index';
import { CappedList, PROGRESS_BYTES, emptyCapped, rethrow, scanSizes, type Capped, type LargeNumber, type ScanCommonOptions, type TableScan } from './table-io';
import { serialToIso, type DateFormat } from './xlsx-dates';
import {
  StringItemText,
  decodeXString,
  parsePart,
  readDateStyles,
  readPeople,
  readSharedStrings,
  readWorkbookInfo,
  type ParseOptions,
  type PersonMetadata,
  type SheetKind,
  type SheetState,
  type XmlHandlers,
} from './xlsx-parts';
import { DEFAULT_XLSX_LIMITS, openWorkbookZip, xlsxInvalid, type WorkbookZip, type XlsxLimits } from './xlsx-zip';

export type { PersonField, PersonMetadata, SheetKind, SheetState } from './xlsx-parts';
export { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-zip';

export type XlsxOptions = {
  /** Name of the file in messages (its path in the package); defaults to the base name. */
  file?: string;
  signal?: AbortSignal;
  /** Opens the workbook's bytes (default: the plain file at the path). */
  open?: OpenBytes;
  /** Overrides of `DEFAULT_XLSX_LIMITS` (entries, sizes, compression ratio). */
  limits?: Partial<XlsxLimits>;
};

export type WorkbookSummary = {
  /** In workbook order. Chart sheets are listed (they can be hidden too) but are not tables. */
  sheets: { name: string; state: SheetState; kind: SheetKind }[];
  /** Names in the document properties: creator, last modified by, company, manager. */
  people: PersonMetadata[];
  /** The workbook's size in bytes. */
  bytes: number;
};

export type XlsxScanOptions = ScanCommonOptions & {
  /** The sheet to read, by its exact name (`table.sheet` in the manifest). */
  sheet: string;
  /** Where to write the derived NDJSON rows (replaced atomically; absent if the scan fails). */
  derivedPath: string;
  /** Encrypt the derived rows with this key (at-rest/encrypted-file.ts); `readXlsxRows` then needs it too. */
  derivedKey?: Uint8Array;
  limits?: Partial<XlsxLimits>;
};

/**
 * A sheet's scan. `bytes` is the size of the workbook; `index` describes the derived NDJSON
 * file (kind `ndjson`), not the workbook. Data row n is sheet row `headerRow + n`.
 */
export type XlsxScan = TableScan & {
  sheet: string;
  state: SheetState;
  /** The sheet row holding the header (the first row with a value); 0 for an empty sheet. */
  headerRow: number;
  /** Data rows hidden in Excel (`<row hidden="1">`). */
  hiddenRows: Capped<number>;
  /** Columns hidden in Excel, by name. */
  hiddenColumns: string[];
  /** Header names used by more than one column; every later column is renamed `name (C)` after its letter. */
  duplicateColumns: string[];
};

export type XlsxReadOptions = {
  /** The index and columns of the scan that wrote the derived file. */
  index: RowIndex;
  columns: readonly string[];
  /** The workbook's name in messages. */
  file?: string;
  /** The key the derived rows were encrypted with, if they were. */
  derivedKey?: Uint8Array;
};

/** Where a derived file's plaintext comes from: decrypted with `key`, or the plain file. */
function derivedOpener(key: Uint8Array | undefined): OpenBytes | undefined {
  return key ? (path, file) => openEncryptedFile(path, key, { name: file }) : undefined;
}

/** Where a sheet's derived rows are written while the sheet is read. */
type DerivedSink = { write(text: string): Promise<void>; finish(): Promise<void>; abort(): Promise<void> };

async function openDerivedSink(temp: string, key: Uint8Array | undefined, file: string): Promise<DerivedSink> {
  if (!key) {
    const handle = await open(temp, 'wx');
    return {
      write: async (text) => {
        await handle.write(text);
      },
      finish: () => handle.close(),
      abort: () => handle.close().catch(() => undefined),
    };
  }
  const input = new PassThrough();
  const done = encryptToFile(input, temp, key, { name: file });
  // Awaited in finish(); until then a failure must not count as unhandled.
  done.catch(() => undefined);
  return {
    write: async (text) => {
      if (!input.write(text)) await Promise.race([once(input, 'drain'), done]);
    },
    finish: async () => {
      input.end();
      await done;
    },
    abort: async () => {
      input.destroy(new Error('the scan of the sheet stopped'));
      await done.catch(() => undefined);
    },
  };
}

/** Excel's own limits; anything beyond is a damaged or hostile sheet, not a large one. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Magnitude from which a number is "identifier-like" (RULES.md, `intake.precision-loss`). */
const LARGE_NUMBER = 1e15;

const limitsOf = (options: { limits?: Partial<XlsxLimits> | undefined }): XlsxLimits => ({ ...DEFAULT_XLSX_LIMITS, ...options.limits });

/** `A` for 1, `Z` for 26, `AA` for 27 … `XFD` for 16,384. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The column (1-based) of a cell reference such as `B7`, or null if it is not one. */
function columnOf(ref: string): number | null {
  let column = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) column = column * 26 + c - 64;
    else if (c >= 97 && c <= 122) column = column * 26 + c - 96;
    else break;
  }
  if (i === 0 || i === ref.length || column > MAX_COLUMNS || !/^[1-9][0-9]{0,6}$/.test(ref.slice(i))) return null;
  return column;
}

const truthy = (value: string | undefined) => value === '1' || value === 'true';

/** One `<row>` as parsed: dense cells (`''` where the sheet has none). */
type SheetRow = { r: number; cells: string[]; hidden: boolean; large: number[] | null };

type CellContext = { strings: readonly string[]; dateStyles: readonly (DateFormat | null)[]; date1904: boolean };

/** The handlers that turn a worksheet's XML into rows (collected in `rows` until taken). */
class SheetParser implements XmlHandlers {
  rows: SheetRow[] = [];
  /** Hidden column ranges (`<col min max hidden="1">`), 1-based and inclusive. */
  readonly hiddenColumns: [number, number][] = [];
  private inSheetData = false;
  private row: SheetRow | null = null;
  private lastRow = 0;
  private column = 0;
  private cellType = '';
  private cellStyle = 0;
  private inValue = false;
  private valueParts: string[] = [];
  private inInline = false;
  private readonly inline = new StringItemText();

  constructor(
    private readonly file: string,
    private readonly sheet: string,
    private readonly context: CellContext,
  ) {}

  private problem(problem: string, cell?: string): ServiceError {
    return xlsxInvalid(this.file, `is damaged: in sheet "${this.sheet}"${cell ? `, cell ${cell}` : ''}, ${problem}.`, {
      sheet: this.sheet,
      ...(cell ? { cell } : {}),
    });
  }

  open(local: string, a: Record<string, string>): void {
    if (this.inInline) {
      this.inline.open(local);
      return;
    }
    switch (local) {
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'col':
        if (truthy(a.hidden)) {
          const min = Number(a.min);
          const max = Number(a.max ?? a.min);
          if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min) this.hiddenColumns.push([min, Math.min(max, MAX_COLUMNS)]);
        }
        return;
      case 'row': {
        if (!this.inSheetData) return;
        const r = a.r === undefined ? this.lastRow + 1 : Number(a.r);
        if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS) throw this.problem(`a row is numbered "${a.r ?? r}", not a row of a sheet`);
        if (r <= this.lastRow) throw this.problem(`row ${r} comes after row ${this.lastRow}; rows must be in order`);
        this.row = { r, cells: [], hidden: truthy(a.hidden), large: null };
        this.lastRow = r;
        this.column = 0;
        return;
      }
      case 'c': {
        if (!this.row) return;
        const column = a.r === undefined ? this.column + 1 : columnOf(a.r);
        if (column === null || column > MAX_COLUMNS) throw this.problem(`the cell reference "${a.r ?? ''}" is not a cell of a sheet`, `${columnLetter(this.column + 1)}${this.row.r}`);
        this.column = column;
        this.cellType = a.t ?? 'n';
        this.cellStyle = a.s === undefined ? 0 : Number(a.s);
        this.valueParts = [];
        this.inline.take(); // drops text of an <is> in a cell that was not an inline string
        return;
      }
      case 'v':
        if (this.row) this.inValue = true;
        return;
      case 'is':
        if (this.row) this.inInline = true;
        return;
    }
  }

  close(local: string): void {
    if (this.inInline) {
      if (local === 'is') this.inInline = false;
      else this.inline.close(local);
      return;
    }
    switch (local) {
      case 'v':
        this.inValue = false;
        return;
      case 'c':
        if (this.row) this.setCell(this.row);
        return;
      case 'row':
        if (this.row) this.rows.push(this.row);
        this.row = null;
        return;
      case 'sheetData':
        this.inSheetData = false;
        return;
    }
  }

  text(text: string): void {
    if (this.inValue) this.valueParts.push(text);
    else if (this.inInline) this.inline.text(text);
  }

  private setCell(row: SheetRow): void {
    const index = this.column - 1;
    const cells = row.cells;
    while (cells.length < index) cells.push('');
    const v = this.valueParts.length === 1 ? this.valueParts[0]! : this.valueParts.join('');
    this.valueParts = [];
    let value: string;
    switch (this.cellType) {
      case 's': {
        if (v === '') {
          value = '';
          break;
        }
        const n = /^\s*\d+\s*$/.test(v) ? Number(v) : -1;
        const s = this.context.strings[n];
        if (s === undefined) {
          throw this.problem(`the shared string "${v}" does not exist (the workbook has ${this.context.strings.length})`, `${columnLetter(this.column)}${row.r}`);
        }
        value = s;
        break;
      }
      case 'inlineStr':
        value = this.inline.take() || decodeXString(v);
        break;
      case 'str':
        value = decodeXString(v);
        break;
      case 'b':
        value = v === '1' || v === 'true' ? 'TRUE' : v === '0' || v === 'false' ? 'FALSE' : v;
        break;
      case 'e':
      case 'd':
        value = v;
        break;
      default: {
        value = v;
        if (v === '') break;
        const format = this.context.dateStyles[this.cellStyle];
        const date = format ? serialToIso(v, format, this.context.date1904) : null;
        if (date !== null) value = date;
        else if (Math.abs(Number(v)) >= LARGE_NUMBER) (row.large ??= []).push(index);
      }
    }
    if (index < cells.length) cells[index] = value;
    else cells.push(value);
  }
}

/** Names unique within a table: `base`, else `base (2)`, `base (3)` … */
function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
  taken.add(name);
  return name;
}

const lastValueIndex = (cells: readonly string[]) => {
  let i = cells.length - 1;
  while (i >= 0 && cells[i] === '') i--;
  return i;
};

type TableWriterOptions = {
  batchSize: number;
  onBatch: ScanCommonOptions['onBatch'];
  signal: AbortSignal | undefined;
  sink: DerivedSink;
};

/**
 * Turns sheet rows into the table: the first row with a value is the header; later rows are
 * data rows numbered from 1 by their distance to it, so empty rows in between (and rows the
 * sheet leaves out) are empty data rows and row n stays sheet row `header + n`. Empty rows
 * after the last value are left out. Writes each data row to the derived NDJSON file.
 */
class TableWriter {
  readonly columns: string[] = [];
  private keys: string[] = [];
  private readonly taken = new Set<string>();
  readonly duplicates = new Set<string>();
  headerRow = 0;
  lastSeen = 0;
  private emittedThrough = 0;
  private pendingHidden: number[] = [];
  rows = 0;
  readonly hiddenRows = new CappedList<number>();
  readonly largeNumbers = new CappedList<LargeNumber>();
  private batch: string[][] = [];
  private lines: string[] = [];

  constructor(private readonly o: TableWriterOptions) {}

  async accept(row: SheetRow): Promise<void> {
    this.lastSeen = row.r;
    const last = lastValueIndex(row.cells);
    if (this.headerRow === 0) {
      if (last >= 0) this.setHeader(row.cells.slice(0, last + 1), row.r);
      return;
    }
    if (last < 0) {
      if (row.hidden) this.pendingHidden.push(row.r);
      return;
    }
    let nextHidden = 0;
    for (let r = this.emittedThrough + 1; r < row.r; r++) {
      const isHidden = this.pendingHidden[nextHidden] === r;
      if (isHidden) nextHidden++;
      await this.emit([], isHidden, null);
    }
    this.pendingHidden = [];
    for (let c = this.columns.length; c <= last; c++) this.addColumn(uniqueName(columnLetter(c + 1), this.taken));
    await this.emit(row.cells, row.hidden, row.large);
    this.emittedThrough = row.r;
  }

  private addColumn(name: string): void {
    this.columns.push(name);
    this.keys.push(`${JSON.stringify(name)}:`);
  }

  private setHeader(names: string[], r: number): void {
    this.headerRow = r;
    this.emittedThrough = r;
    const blank = (name: string) => name.trim() === '';
    for (const name of names) if (!blank(name)) this.taken.add(name);
    const seen = new Set<string>();
    names.forEach((name, i) => {
      const letter = columnLetter(i + 1);
      if (blank(name)) {
        this.addColumn(uniqueName(letter, this.taken));
      } else if (seen.has(name)) {
        this.duplicates.add(name);
        this.addColumn(uniqueName(`${name} (${letter})`, this.taken));
      } else {
        seen.add(name);
        this.addColumn(name);
      }
    });
  }

  private async emit(cells: readonly string[], hidden: boolean, large: number[] | null): Promise<void> {
    const row = ++this.rows;
    if (hidden) this.hiddenRows.add(() => row);
    if (large) for (const c of large) this.largeNumbers.add(() => ({ row, column: this.columns[c]! }));
    const out = new Array<string>(this.columns.length);
    let line = '{';
    for (let c = 0; c < out.length; c++) {
      const value = cells[c] ?? '';
      out[c] = value;
      if (value === '') continue;
      if (line.length > 1) line += ',';
      line += this.keys[c]! + JSON.stringify(value);
    }
    line += '}\n';
    this.lines.push(line);
    this.batch.push(out);
    if (this.batch.length >= this.o.batchSize) await this.flush();
  }

  /** Writes the pending lines, then hands the pending rows to `onBatch` (which may take its time). */
  async flush(): Promise<void> {
    if (this.lines.length > 0) {
      const text = this.lines.join('');
      this.lines = [];
      await this.o.sink.write(text);
    }
    if (this.batch.length > 0) {
      const out = this.batch;
      this.batch = [];
      await this.o.onBatch(out, this.rows - out.length + 1, this.columns.slice());
      this.o.signal?.throwIfAborted();
    }
  }

  /** Empty sheet rows before the header and after the last data row. */
  blankRows(): number {
    return this.headerRow === 0 ? this.lastSeen : this.headerRow - 1 + (this.lastSeen - this.emittedThrough);
  }

  hiddenColumnNames(ranges: readonly [number, number][]): string[] {
    return this.columns.filter((_name, i) => ranges.some(([min, max]) => i + 1 >= min && i + 1 <= max));
  }
}

/** The sheets of the workbook at `path` and the people its document properties name. */
export async function readWorkbook(path: string, options: XlsxOptions = {}): Promise<WorkbookSummary> {
  const file = options.file ?? basename(path);
  const limits = limitsOf(options);
  const parts: ParseOptions = { maxBytes: limits.maxPartBytes, signal: options.signal };
  let zip: WorkbookZip | undefined;
  try {
    zip = await openWorkbookZip(path, file, limits, options.signal, options.open);
    const info = await readWorkbookInfo(zip, parts);
    const people = await readPeople(zip, [info.core, info.app], parts);
    return { sheets: info.sheets.map(({ name, state, kind }) => ({ name, state, kind })), people, bytes: zip.size };
  } catch (error) {
    return rethrow(file, error);
  } finally {
    zip?.close();
  }
}

/**
 * Reads one sheet once: the header row becomes `columns` (a blank header cell is named after
 * its column letter, a repeated name gets the letter too, see `XlsxScan`), every later row
 * is handed to `onBatch` (numbered from 1) as cells in column order, and written to
 * `derivedPath` as one NDJSON object keyed by column name (empty cells left out). A value
 * right of the header adds a column named after its letter; earlier rows are then shorter,
 * as with JSON tables. Aborting `signal` rejects with its reason and leaves no derived file.
 */
export async function scanXlsxSheet(path: string, options: XlsxScanOptions): Promise<XlsxScan> {
  const file = options.file ?? basename(path);
  const { signal, sheet, derivedPath } = options;
  const { every, batchSize } = scanSizes(options);
  const limits = limitsOf(options);
  const parts: ParseOptions = { maxBytes: limits.maxPartBytes, signal };
  const temp = `${derivedPath}.${randomBytes(6).toString('hex')}.tmp`;
  let zip: WorkbookZip | undefined;
  let sink: DerivedSink | undefined;
  try {
    signal?.throwIfAborted();
    zip = await openWorkbookZip(path, file, limits, signal, options.open);
    const { size } = zip;
    const info = await readWorkbookInfo(zip, parts);
    const found = info.sheets.find((s) => s.name === sheet);
    if (!found) {
      const names = info.sheets.slice(0, 20).map((s) => `"${s.name}"`);
      if (info.sheets.length > 20) names.push(`and ${info.sheets.length - 20} more`);
      throw new ServiceError(
        'tables.xlsx-no-sheet',
        `"${file}" has no sheet named "${sheet}"; its sheets are ${names.join(', ') || 'none'}. Correct table.sheet in the manifest, or ask the operator for the right workbook.`,
        { file, sheet, sheets: info.sheets.map((s) => s.name).join('\n') },
      );
    }
    if (found.kind !== 'worksheet') {
      throw new ServiceError('tables.xlsx-not-a-table', `"${file}": the sheet "${sheet}" is a chart or other non-cell sheet, not a table. Correct table.sheet in the manifest.`, {
        file,
        sheet,
      });
    }
    const entry = found.part === null ? undefined : zip.entry(found.part);
    if (!entry) {
      throw xlsxInvalid(file, `is damaged: the part of sheet "${sheet}" (${found.part ?? 'not named in the workbook'}) is missing.`, { sheet, part: found.part ?? '' });
    }
    const strings = await readSharedStrings(zip, info.sharedStrings, parts);
    const dateStyles = await readDateStyles(zip, info.styles, parts);

    sink = await openDerivedSink(temp, options.derivedKey, file);
    const parser = new SheetParser(file, sheet, { strings, dateStyles, date1904: info.date1904 });
    const table = new TableWriter({ batchSize, onBatch: options.onBatch, signal, sink });
    let reported = 0;
    const progress = (sheetBytes: number) => Math.min(size, Math.floor((size * sheetBytes) / Math.max(entry.size, 1)));
    const drain = async () => {
      const rows = parser.rows;
      parser.rows = [];
      for (const row of rows) await table.accept(row);
      // Hand over each chunk's rows now, so they die young (see CHUNK_BYTES in table-io.ts).
      await table.flush();
    };
    await parsePart(zip, entry, parser, {
      maxBytes: limits.maxEntryBytes,
      signal,
      afterChunk: async (sheetBytes) => {
        await drain();
        if (sheetBytes - reported >= PROGRESS_BYTES) {
          reported = sheetBytes;
          options.onProgress?.(progress(sheetBytes), table.rows);
        }
      },
    });
    await drain();
    const finished = sink;
    sink = undefined;
    await finished.finish();
    // The index comes from the JSON reader itself, so `readXlsxRows` (that reader) serves
    // exactly the rows written, whatever the index format becomes. It costs a second pass
    // over the derived file, about a tenth of the time the sheet's XML took.
    const readDerived = derivedOpener(options.derivedKey);
    const derived = await scanJsonTable(temp, {
      file,
      kind: 'ndjson',
      encoding: 'utf-8',
      every,
      batchSize,
      onBatch: () => undefined,
      ...(signal ? { signal } : {}),
      ...(readDerived ? { open: readDerived } : {}),
    });
    if (derived.rows !== table.rows) throw new Error(`the derived rows of sheet "${sheet}" number ${derived.rows}, not ${table.rows}`);
    await rename(temp, derivedPath);
    options.onProgress?.(size, table.rows);

    const { columns, rows } = table;
    return {
      sheet,
      state: found.state,
      headerRow: table.headerRow,
      columns,
      rows,
      bytes: size,
      index: derived.index,
      ragged: emptyCapped(),
      quoteProblems: emptyCapped(),
      largeNumbers: table.largeNumbers.toJSON(),
      blankLines: table.blankRows(),
      hiddenRows: table.hiddenRows.toJSON(),
      hiddenColumns: table.hiddenColumnNames(parser.hiddenColumns),
      duplicateColumns: [...table.duplicates],
    };
  } catch (error) {
    await sink?.abort();
    await rm(temp, { force: true }).catch(() => undefined);
    return rethrow(file, error);
  } finally {
    zip?.close();
  }
}

/**
 * Data rows `from … from+count-1` (1-based; clamped to the table) of a scanned sheet, read from
 * its derived NDJSON file through the scan's index, as cells in the order of `columns`.
 */
export function readXlsxRows(derivedPath: string, options: XlsxReadOptions, from: number, count: number): Promise<string[][]> {
  const readDerived = derivedOpener(options.derivedKey);
  return readJsonRows(
    derivedPath,
    { encoding: 'utf-8', index: options.index, columns: options.columns, file: options.file ?? basename(derivedPath), ...(readDerived ? { open: readDerived } : {}) },
    from,
    count,
  );
}
