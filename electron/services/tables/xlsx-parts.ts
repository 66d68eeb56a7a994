/**
 * The XML parts of an .xlsx workbook other than its sheets: the package and workbook
 * relationships that locate every part, the sheet list with each sheet's visibility, shared
 * strings, the number formats that mark dates, and the document properties that name people.
 * Every part goes through `parsePart`, which streams it into saxes and refuses a DOCTYPE, so
 * no XML entity or external resource is ever resolved.
 */
import { posix } from 'node:path';
import { SaxesParser } from 'saxes';
import { ServiceError } from '../../../shared/ipc/result';
import { dateFormat, type DateFormat } from './xlsx-dates';
import { xlsxInvalid, xlsxUnsafe, type WorkbookZip, type XlsxEntry } from './xlsx-zip';

export type XmlHandlers = {
  /** An element opens (`local` is its name without a namespace prefix). */
  open(local: string, attributes: Record<string, string>): void;
  close(local: string): void;
  /** A whole text node or CDATA section, entities resolved. */
  text?(text: string): void;
};

export type ParseOptions = {
  /** Most uncompressed bytes accepted (the entry's declared size has been checked already). */
  maxBytes: number;
  signal?: AbortSignal | undefined;
  /** Runs after each inflated chunk has been parsed; the next chunk waits for it (backpressure). */
  afterChunk?: (bytesSoFar: number) => Promise<void> | void;
};

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

const isAbort = (error: unknown) => (error as Error | undefined)?.name === 'AbortError';

/** Carries an error of `afterChunk` (the caller's, e.g. from `onBatch`) past the stream's error mapping. */
class HookError extends Error {
  constructor(readonly error: unknown) {
    super('afterChunk failed');
  }
}

/** Streams the part through saxes, calling `handlers` as elements open and close. */
export async function parsePart(zip: WorkbookZip, entry: XlsxEntry, handlers: XmlHandlers, options: ParseOptions): Promise<void> {
  const { file } = zip;
  const part = entry.name;
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  parser.on('doctype', () => {
    throw xlsxUnsafe(file, `its part "${part}" declares a DOCTYPE, which Excel never writes and which is used to attack XML readers`, { part });
  });
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes));
  parser.on('closetag', (tag) => handlers.close(localName(tag.name)));
  if (handlers.text) {
    const text = (content: string) => handlers.text?.(content);
    parser.on('text', text);
    parser.on('cdata', text);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const feed = (chunk: string | null) => {
    try {
      if (chunk === null) parser.close();
      else parser.write(chunk);
    } catch (error) {
      // saxes reports a well-formedness error as "line:column: reason"; anything else is ours.
      const saxes = error instanceof Error && !(error instanceof ServiceError) ? /^\d+:\d+: (.*)$/s.exec(error.message) : null;
      if (!saxes) throw error;
      const reason = saxes[1]!;
      throw xlsxInvalid(file, `is damaged: its part "${part}" is not well-formed XML (line ${parser.line}, column ${parser.column + 1}: ${reason}).`, {
        part,
        line: parser.line,
      });
    }
  };
  const decode = (bytes?: Buffer) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw xlsxInvalid(file, `is damaged: its part "${part}" is not UTF-8 text (line ${parser.line}).`, { part, line: parser.line });
    }
  };

  options.signal?.throwIfAborted();
  if (entry.size > options.maxBytes) throw xlsxUnsafe(file, `its part "${part}" is larger than the ${options.maxBytes} bytes accepted`, { part, limit: options.maxBytes });
  const stream = await zip.open(entry);
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (bytes === 0 && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
        throw xlsxInvalid(file, `has its part "${part}" in UTF-16, which Excel never writes.`, { part });
      }
      bytes += chunk.length;
      if (bytes > options.maxBytes) throw xlsxUnsafe(file, `its part "${part}" is larger than the ${options.maxBytes} bytes accepted`, { part, limit: options.maxBytes });
      feed(decode(chunk));
      if (options.afterChunk) {
        try {
          await options.afterChunk(bytes);
        } catch (error) {
          throw new HookError(error);
        }
      }
      options.signal?.throwIfAborted();
    }
    feed(decode());
    feed(null);
  } catch (error) {
    if (error instanceof HookError) throw error.error;
    if (error instanceof ServiceError || isAbort(error)) throw error;
    // yauzl reports a size or CRC mismatch and a broken deflate stream while the entry flows.
    throw xlsxInvalid(file, `is damaged: its part "${part}" cannot be read (${(error as Error).message}).`, { part });
  } finally {
    stream.destroy();
  }
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_` (and a literal `_x` as `_x005F_x`). */
export function decodeXString(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

const truthy = (value: string | undefined) => value === '1' || value === 'true';

type Relationship = { type: string; target: string | null };
type Relationships = { list: Relationship[]; byId: Map<string, Relationship> };

/** `xl/worksheets/sheet1.xml` from source `xl/workbook.xml` and target `worksheets/sheet1.xml` (or `/xl/…`). */
function resolveTarget(source: string, target: string): string | null {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Not percent-encoded after all; use it as written.
  }
  const joined = decoded.startsWith('/') ? posix.normalize(decoded.slice(1)) : posix.normalize(posix.join(posix.dirname(source), decoded));
  return joined.startsWith('../') || joined === '..' ? null : joined;
}

/** The relationships of `source` (the package itself when ''), empty when it has none. */
async function readRelationships(zip: WorkbookZip, source: string, options: ParseOptions): Promise<Relationships> {
  const relsPart = source === '' ? '_rels/.rels' : posix.join(posix.dirname(source), '_rels', `${posix.basename(source)}.rels`);
  const entry = zip.entry(relsPart);
  const byId = new Map<string, Relationship>();
  const list: Relationship[] = [];
  if (!entry) return { list, byId };
  await parsePart(
    zip,
    entry,
    {
      open(local, a) {
        if (local !== 'Relationship') return;
        const target = a.TargetMode === 'External' || a.Target === undefined ? null : resolveTarget(source, a.Target);
        const rel = { type: a.Type ?? '', target };
        list.push(rel);
        if (a.Id !== undefined) byId.set(a.Id, rel);
      },
      close() {},
    },
    options,
  );
  return { list, byId };
}

const relOfType = (rels: Relationships, suffix: string) => rels.list.find((r) => r.type.endsWith(suffix) && r.target !== null)?.target ?? null;

export type SheetState = 'visible' | 'hidden' | 'veryHidden';
/** A chart sheet (or dialog or macro sheet) has no cells: it is listed but is not a table. */
export type SheetKind = 'worksheet' | 'chartsheet' | 'other';

export type WorkbookSheet = { name: string; state: SheetState; kind: SheetKind; /** Its part, null if the workbook does not say. */ part: string | null };

export type WorkbookInfo = {
  sheets: WorkbookSheet[];
  /** The 1904 date system (old Mac workbooks): serial 0 is 1904-01-01. */
  date1904: boolean;
  sharedStrings: XlsxEntry | undefined;
  styles: XlsxEntry | undefined;
  core: XlsxEntry | undefined;
  app: XlsxEntry | undefined;
};

/** Finds the workbook part through the package relationships and reads its sheet list. */
export async function readWorkbookInfo(zip: WorkbookZip, options: ParseOptions): Promise<WorkbookInfo> {
  const { file } = zip;
  const root = await readRelationships(zip, '', options);
  const workbookPart = relOfType(root, '/officeDocument') ?? 'xl/workbook.xml';
  const workbookEntry = zip.entry(workbookPart);
  if (!workbookEntry) {
    if (zip.entry('xl/workbook.bin')) throw xlsxInvalid(file, 'is an Excel binary workbook (.xlsb), which the workstation cannot read.');
    throw xlsxInvalid(file, `has no workbook part (${workbookPart}), so it is not an Excel workbook or it is damaged.`, { part: workbookPart });
  }
  const rels = await readRelationships(zip, workbookEntry.name, options);
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  await parsePart(
    zip,
    workbookEntry,
    {
      open(local, a) {
        if (local === 'workbookPr') date1904 = truthy(a.date1904);
        if (local !== 'sheet') return;
        const name = a.name;
        if (name === undefined) throw xlsxInvalid(file, `is damaged: a sheet in "${workbookEntry.name}" has no name.`, { part: workbookEntry.name });
        const idKey = Object.keys(a).find((k) => k.endsWith(':id'));
        const rel = idKey === undefined ? undefined : rels.byId.get(a[idKey]!);
        const type = rel?.type ?? '';
        const kind: SheetKind = type.endsWith('/worksheet') ? 'worksheet' : type.endsWith('/chartsheet') ? 'chartsheet' : rel ? 'other' : 'worksheet';
        // An unknown state is not something Excel would show, so it counts as hidden.
        const state: SheetState = a.state === undefined || a.state === 'visible' ? 'visible' : a.state === 'veryHidden' ? 'veryHidden' : 'hidden';
        sheets.push({ name, state, kind, part: rel?.target ?? null });
      },
      close() {},
    },
    options,
  );
  const part = (rel: string | null, fallback: string) => zip.entry(rel ?? fallback);
  return {
    sheets,
    date1904,
    sharedStrings: part(relOfType(rels, '/sharedStrings'), 'xl/sharedStrings.xml'),
    styles: part(relOfType(rels, '/styles'), 'xl/styles.xml'),
    core: part(relOfType(root, '/core-properties'), 'docProps/core.xml'),
    app: part(relOfType(root, '/extended-properties'), 'docProps/app.xml'),
  };
}

/** Plain text of a string item (`<si>`, `<is>`): its `<t>` and rich-text runs, phonetic guides (`<rPh>`) left out. */
export class StringItemText {
  private inT = false;
  private phonetic = 0;
  private parts: string[] = [];

  open(local: string): void {
    if (local === 't' && this.phonetic === 0) this.inT = true;
    else if (local === 'rPh') this.phonetic++;
  }

  close(local: string): void {
    if (local === 't') this.inT = false;
    else if (local === 'rPh') this.phonetic--;
  }

  text(text: string): void {
    if (this.inT) this.parts.push(text);
  }

  take(): string {
    const out = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    return decodeXString(out);
  }
}

/** The shared string table (`<sst>`), in order. */
export async function readSharedStrings(zip: WorkbookZip, entry: XlsxEntry | undefined, options: ParseOptions): Promise<string[]> {
  if (!entry) return [];
  const strings: string[] = [];
  const item = new StringItemText();
  await parsePart(
    zip,
    entry,
    {
      open: (local) => item.open(local),
      close(local) {
        if (local === 'si') strings.push(item.take());
        else item.close(local);
      },
      text: (text) => item.text(text),
    },
    options,
  );
  return strings;
}

/** For each cell style (the `s` of a cell, an index into `<cellXfs>`), the date it shows, or null. */
export async function readDateStyles(zip: WorkbookZip, entry: XlsxEntry | undefined, options: ParseOptions): Promise<(DateFormat | null)[]> {
  if (!entry) return [];
  const codes = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await parsePart(
    zip,
    entry,
    {
      open(local, a) {
        if (local === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined) codes.set(Number(a.numFmtId), a.formatCode);
        else if (local === 'cellXfs') inCellXfs = true;
        else if (local === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
      },
      close(local) {
        if (local === 'cellXfs') inCellXfs = false;
      },
    },
    options,
  );
  return xfs.map((id) => (Number.isInteger(id) ? dateFormat(id, codes.get(id)) : null));
}

export type PersonField = 'creator' | 'lastModifiedBy' | 'company' | 'manager';
/** A name found in the document properties (`docProps/core.xml`, `docProps/app.xml`). */
export type PersonMetadata = { field: PersonField; value: string };

const PERSON_ELEMENTS: Readonly<Record<string, PersonField>> = { creator: 'creator', lastModifiedBy: 'lastModifiedBy', Company: 'company', Manager: 'manager' };

/** The non-blank creator, last editor, company and manager the properties record. */
export async function readPeople(zip: WorkbookZip, entries: (XlsxEntry | undefined)[], options: ParseOptions): Promise<PersonMetadata[]> {
  const people: PersonMetadata[] = [];
  for (const entry of entries) {
    if (!entry) continue;
    let field: PersonField | null = null;
    let depth = 0;
    let parts: string[] = [];
    await parsePart(
      zip,
      entry,
      {
        open(local) {
          depth++;
          // Only direct children of the root: app.xml nests other lists (titles of parts) deeper.
          field = depth === 2 && Object.hasOwn(PERSON_ELEMENTS, local) ? PERSON_ELEMENTS[local]! : null;
          parts = [];
        },
        close() {
          depth--;
          if (field !== null) {
            const value = parts.join('');
            if (value.trim() !== '') people.push({ field, value });
          }
          field = null;
        },
        text(text) {
          if (field !== null) parts.push(text);
        },
      },
      options,
    );
  }
  return people;
}
