/**
 * Writes real .xlsx workbooks (a zip of SpreadsheetML parts, as Excel saves them) from a small
 * description — sheets and their rows, hidden sheets, rows and columns, shared or inline
 * strings, numbers as stored text, booleans, errors, dates, document properties — and lets a
 * caller replace, add or drop any part to build a broken workbook. The demo generator uses it
 * for its workbook candidate; tests reach it through testing/make-xlsx.ts. Output is
 * byte-stable: fixed entry times, parts in a fixed order.
 */
import { writeFile } from 'node:fs/promises';
import yazl from 'yazl';

/**
 * A cell: text, a number (`<v>` is `String(n)`), a boolean, or null for no `<c>` element at all
 * (a gap in the cell references). The object forms give exact control:
 * - `{ n: '1.10105199001011E+17' }` a number cell with exactly this `<v>` text (and `style`);
 * - `{ date: 45000.5, style? }` a number in a date format (style `STYLE.date` unless given);
 * - `{ error: '#N/A' }`, `{ formula: 'A1&B1', str: 'result' }` (a `t="str"` formula result);
 * - `{ rich: ['a', 'b'], phonetic?: 'x' }` rich text runs (and a phonetic guide to be ignored);
 * - `{ at: 'D', value }` the cell at that column letter (cells after it continue from there);
 * - `{ raw: '<c r="A1">…</c>' }` verbatim XML.
 */
export type CellSpec =
  | string
  | number
  | boolean
  | null
  | { n: string; style?: number }
  | { date: number; style?: number }
  | { error: string }
  | { formula: string; str: string }
  | { rich: string[]; phonetic?: string }
  | { at: string; value: Exclude<CellSpec, { at: string }> }
  | { raw: string };

export type RowSpec = CellSpec[] | { cells: CellSpec[]; hidden?: boolean; /** The row's number; null writes no `r`. */ r?: number | null };

export type SheetSpec = {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  rows?: RowSpec[];
  /** Hidden column ranges `[min, max]` (1-based, inclusive) → `<cols><col min max hidden="1"/></cols>`. */
  hiddenColumns?: [number, number][];
  /** Write no `r` on rows and cells (they then count sequentially). */
  noRefs?: boolean;
  /** The worksheet XML verbatim, instead of one made from `rows`. */
  xml?: string;
  /** A chart sheet instead of a worksheet. */
  chart?: boolean;
};

export type XlsxSpec = {
  sheets: SheetSpec[];
  /** Where text cells go: the shared string table (as Excel does) or inline strings. Default shared. */
  strings?: 'shared' | 'inline';
  creator?: string;
  lastModifiedBy?: string;
  company?: string;
  manager?: string;
  date1904?: boolean;
  /** Parts replaced or added verbatim (by zip entry name), or dropped (null). */
  entries?: Record<string, string | Buffer | null>;
  /** Store entries uncompressed (default: deflate). */
  store?: boolean;
};

/** Cell styles (`s`) the generated styles.xml defines. */
export const STYLE = {
  general: 0,
  /** Built-in format 14 (a date). */
  date: 1,
  /** Custom `yyyy-mm-dd hh:mm:ss`. */
  dateTime: 2,
  /** Custom `#,##0" days"`: a number, although its literal text holds date letters. */
  quotedText: 3,
  /** Built-in format 20 (`h:mm`, a time). */
  time: 4,
  /** Custom `yyyy"年"m"月"d"日"`. */
  chineseDate: 5,
} as const;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `A` for 1 … `XFD` for 16,384. */
function letter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + c.charCodeAt(0) - 64;
  return n;
}

class SharedStrings {
  readonly items: string[] = [];
  private readonly byText = new Map<string, number>();
  add(xml: string): number {
    let index = this.byText.get(xml);
    if (index === undefined) {
      index = this.items.length;
      this.items.push(xml);
      this.byText.set(xml, index);
    }
    return index;
  }
}

const t = (text: string) => `<t xml:space="preserve">${escapeXml(text)}</t>`;

function cellXml(spec: Exclude<CellSpec, null | { at: string }>, ref: string, inline: boolean, sst: SharedStrings): string {
  const r = ref === '' ? '' : ` r="${ref}"`;
  const text = (itemXml: string) => (inline ? `<c${r} t="inlineStr"><is>${itemXml}</is></c>` : `<c${r} t="s"><v>${sst.add(itemXml)}</v></c>`);
  if (typeof spec === 'string') return text(t(spec));
  if (typeof spec === 'number') return `<c${r}><v>${String(spec)}</v></c>`;
  if (typeof spec === 'boolean') return `<c${r} t="b"><v>${spec ? 1 : 0}</v></c>`;
  if ('raw' in spec) return spec.raw;
  if ('n' in spec) return `<c${r}${spec.style === undefined ? '' : ` s="${spec.style}"`}><v>${spec.n}</v></c>`;
  if ('date' in spec) return `<c${r} s="${spec.style ?? STYLE.date}"><v>${String(spec.date)}</v></c>`;
  if ('error' in spec) return `<c${r} t="e"><v>${escapeXml(spec.error)}</v></c>`;
  if ('formula' in spec) return `<c${r} t="str"><f>${escapeXml(spec.formula)}</f><v>${escapeXml(spec.str)}</v></c>`;
  const runs = spec.rich.map((run, i) => `<r>${i % 2 === 1 ? '<rPr><b/></rPr>' : ''}${t(run)}</r>`).join('');
  const phonetic = spec.phonetic === undefined ? '' : `<rPh sb="0" eb="1">${t(spec.phonetic)}</rPh>`;
  return text(runs + phonetic);
}

function sheetXml(sheet: SheetSpec, inline: boolean, sst: SharedStrings): string {
  const rows: string[] = [];
  let rowNumber = 0;
  for (const rowSpec of sheet.rows ?? []) {
    const row = Array.isArray(rowSpec) ? { cells: rowSpec } : rowSpec;
    rowNumber = typeof row.r === 'number' ? row.r : rowNumber + 1;
    const refs = !sheet.noRefs && row.r !== null;
    const cells: string[] = [];
    let column = 0;
    for (const cell of row.cells) {
      let spec = cell;
      if (spec !== null && typeof spec === 'object' && 'at' in spec) {
        column = columnNumber(spec.at) - 1;
        spec = spec.value;
      }
      column++;
      if (spec === null) continue;
      cells.push(cellXml(spec, refs ? `${letter(column)}${rowNumber}` : '', inline, sst));
    }
    const attrs = `${refs ? ` r="${rowNumber}"` : ''}${row.hidden ? ' hidden="1"' : ''}`;
    rows.push(`<row${attrs}>${cells.join('')}</row>`);
  }
  const cols = sheet.hiddenColumns?.length ? `<cols>${sheet.hiddenColumns.map(([min, max]) => `<col min="${min}" max="${max}" width="9" hidden="1" customWidth="1"/>`).join('')}</cols>` : '';
  return `${DECL}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows.join('\n')}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

const STYLES_XML = `${DECL}<styleSheet xmlns="${NS}">
<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/><numFmt numFmtId="165" formatCode="#,##0&quot; days&quot;"/><numFmt numFmtId="166" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" xfId="0" applyNumberFormat="1"/><xf numFmtId="20" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>`;

/** The parts of the workbook, by zip entry name. */
export function xlsxParts(spec: XlsxSpec): Map<string, string | Buffer> {
  const inline = spec.strings === 'inline';
  const sst = new SharedStrings();
  const parts = new Map<string, string | Buffer>();
  const overrides: string[] = [];
  const sheetEntries: string[] = [];
  const workbookRels: string[] = [];
  spec.sheets.forEach((sheet, i) => {
    const n = i + 1;
    const id = `rId${n}`;
    const state = sheet.state && sheet.state !== 'visible' ? ` state="${sheet.state}"` : '';
    sheetEntries.push(`<sheet name="${escapeXml(sheet.name)}" sheetId="${n}"${state} r:id="${id}"/>`);
    if (sheet.chart) {
      workbookRels.push(`<Relationship Id="${id}" Type="${REL_NS}/chartsheet" Target="chartsheets/sheet${n}.xml"/>`);
      parts.set(`xl/chartsheets/sheet${n}.xml`, `${DECL}<chartsheet xmlns="${NS}"/>`);
      overrides.push(`<Override PartName="/xl/chartsheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>`);
      return;
    }
    workbookRels.push(`<Relationship Id="${id}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    parts.set(`xl/worksheets/sheet${n}.xml`, sheet.xml ?? sheetXml(sheet, inline, sst));
    overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  });
  const next = spec.sheets.length + 1;
  workbookRels.push(`<Relationship Id="rId${next}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  if (!inline) workbookRels.push(`<Relationship Id="rId${next + 1}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);

  parts.set(
    '[Content_Types].xml',
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${inline ? '' : '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
  );
  parts.set(
    '_rels/.rels',
    `${DECL}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  parts.set(
    'xl/workbook.xml',
    `${DECL}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><workbookPr${spec.date1904 ? ' date1904="1"' : ''}/><bookViews><workbookView/></bookViews><sheets>${sheetEntries.join('')}</sheets></workbook>`,
  );
  parts.set('xl/_rels/workbook.xml.rels', `${DECL}<Relationships xmlns="${PKG_REL_NS}">${workbookRels.join('')}</Relationships>`);
  parts.set('xl/styles.xml', STYLES_XML);
  if (!inline) parts.set('xl/sharedStrings.xml', `${DECL}<sst xmlns="${NS}" count="${sst.items.length}" uniqueCount="${sst.items.length}">${sst.items.map((item) => `<si>${item}</si>`).join('')}</sst>`);
  const prop = (tag: string, value: string | undefined) => (value === undefined ? '' : `<${tag}>${escapeXml(value)}</${tag}>`);
  parts.set(
    'docProps/core.xml',
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${prop('dc:creator', spec.creator)}${prop('cp:lastModifiedBy', spec.lastModifiedBy)}<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-20T09:30:00Z</dcterms:created></cp:coreProperties>`,
  );
  parts.set(
    'docProps/app.xml',
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>Sheet1</vt:lpstr></vt:vector></TitlesOfParts>${prop('Manager', spec.manager)}${prop('Company', spec.company)}</Properties>`,
  );
  for (const [name, content] of Object.entries(spec.entries ?? {})) {
    if (content === null) parts.delete(name);
    else parts.set(name, content);
  }
  return parts;
}

/** The workbook's bytes. */
export async function xlsxBuffer(spec: XlsxSpec): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of xlsxParts(spec)) {
    zip.addBuffer(typeof content === 'string' ? Buffer.from(content) : content, name, { compress: !spec.store, mtime: new Date(Date.UTC(2026, 10, 20)) });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Writes the workbook to `path` and returns the path. */
export async function writeXlsx(path: string, spec: XlsxSpec): Promise<string> {
  await writeFile(path, await xlsxBuffer(spec));
  return path;
}
