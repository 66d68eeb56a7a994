/**
 * Excel workbooks as the scanner, the hidden-content rule and the preview rely on them: every
 * cell type comes through as Excel stores it (numbers digit for digit), gaps in the cell
 * references become empty cells, hidden sheets, rows, columns and the people in the document
 * properties are reported, the derived NDJSON serves the same rows as the scan, and every
 * hostile or broken workbook is refused with a message naming the file and the part, leaving
 * no derived file behind.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/ipc/result';
import { STYLE, writeXlsx, type CellSpec, type RowSpec, type XlsxSpec } from '../testing/make-xlsx';
import { readJsonRows } from './json-reader';
import { readWorkbook, readXlsxRows, scanXlsxSheet, type XlsxScan, type XlsxScanOptions } from './xlsx-reader';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tables-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  // A scan never leaves its temporary derived file behind, whether it succeeded or not.
  expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
});

let counter = 0;
const next = () => ++counter;

async function workbook(spec: XlsxSpec): Promise<string> {
  return writeXlsx(join(dir, `w${next()}.xlsx`), spec);
}

const oneSheet = (rows: RowSpec[], extra: Partial<XlsxSpec['sheets'][number]> = {}, spec: Partial<XlsxSpec> = {}): XlsxSpec => ({
  sheets: [{ name: 'Sheet1', rows, ...extra }],
  ...spec,
});

type Collected = { scan: XlsxScan; rows: string[][]; derivedPath: string; batchColumns: string[][] };

async function scanAll(path: string, options: Partial<XlsxScanOptions> = {}): Promise<Collected> {
  const rows: string[][] = [];
  const batchColumns: string[][] = [];
  const derivedPath = options.derivedPath ?? join(dir, `d${next()}.ndjson`);
  const scan = await scanXlsxSheet(path, {
    sheet: 'Sheet1',
    ...options,
    derivedPath,
    onBatch: (batch, first, columns) => {
      expect(first).toBe(rows.length + 1);
      for (const row of batch) expect(row).toHaveLength(columns.length);
      batchColumns.push([...columns]);
      rows.push(...batch);
    },
  });
  return { scan, rows, derivedPath, batchColumns };
}

/** Rows as the final columns see them (a row read before a column appeared is shorter). */
const padded = (rows: string[][], width: number) => rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

const exists = async (path: string) =>
  readFile(path).then(
    () => true,
    () => false,
  );

describe('readWorkbook', () => {
  it('lists the sheets in order with their visibility, and the people the properties name', async () => {
    const path = await workbook({
      sheets: [
        { name: '数据', rows: [['a']] },
        { name: 'Hidden', state: 'hidden', rows: [['b']] },
        { name: 'Secret', state: 'veryHidden', rows: [['c']] },
        { name: 'Chart', chart: true },
      ],
      creator: '张三',
      lastModifiedBy: 'Li Si',
      company: '某某数据有限公司',
      manager: '王五',
    });
    const book = await readWorkbook(path);
    expect(book.sheets).toEqual([
      { name: '数据', state: 'visible', kind: 'worksheet' },
      { name: 'Hidden', state: 'hidden', kind: 'worksheet' },
      { name: 'Secret', state: 'veryHidden', kind: 'worksheet' },
      { name: 'Chart', state: 'visible', kind: 'chartsheet' },
    ]);
    expect(book.people).toEqual([
      { field: 'creator', value: '张三' },
      { field: 'lastModifiedBy', value: 'Li Si' },
      { field: 'manager', value: '王五' },
      { field: 'company', value: '某某数据有限公司' },
    ]);
  });

  it('reports no people when the properties are blank or absent', async () => {
    expect((await readWorkbook(await workbook(oneSheet([['a']], {}, { creator: '  ' })))).people).toEqual([]);
    const bare = await workbook(oneSheet([['a']], {}, { entries: { 'docProps/core.xml': null, 'docProps/app.xml': null } }));
    expect((await readWorkbook(bare)).people).toEqual([]);
  });

  it('finds the parts without the package relationships, as xl/workbook.xml', async () => {
    const path = await workbook(oneSheet([['h'], ['v']], {}, { entries: { '_rels/.rels': null }, creator: 'x' }));
    expect((await readWorkbook(path)).sheets).toEqual([{ name: 'Sheet1', state: 'visible', kind: 'worksheet' }]);
    expect((await scanAll(path)).rows).toEqual([['v']]);
  });
});

describe('scanXlsxSheet: cells', () => {
  const cells: CellSpec[] = [
    '  两端空格  ',
    { rich: ['粗', '体 ', 'text'], phonetic: 'ふりがな' },
    'line1\nline2',
    true,
    false,
    { error: '#N/A' },
    { formula: 'A2&B2', str: 'joined' },
    { n: '1.10105199001011E+17' },
    { n: '330106199001011234' },
    0.1,
    -3,
    { n: '999999999999999' },
    { n: '-1000000000000000' },
    '330106199001011234',
  ];
  const header = cells.map((_c, i) => `c${i + 1}`);

  it.each(['shared', 'inline'] as const)('reads every cell type exactly as stored (%s strings)', async (strings) => {
    const path = await workbook(oneSheet([header, cells], {}, { strings }));
    const { scan, rows } = await scanAll(path);
    expect(scan.columns).toEqual(header);
    expect(rows).toEqual([
      [
        '  两端空格  ',
        '粗体 text',
        'line1\nline2',
        'TRUE',
        'FALSE',
        '#N/A',
        'joined',
        '1.10105199001011E+17',
        '330106199001011234',
        '0.1',
        '-3',
        '999999999999999',
        '-1000000000000000',
        '330106199001011234',
      ],
    ]);
    expect(scan.rows).toBe(1);
    // Numbers from 1e15 up, stored as numbers (not the text cell of the same digits).
    expect(scan.largeNumbers).toEqual({
      count: 3,
      first: [
        { row: 1, column: 'c8' },
        { row: 1, column: 'c9' },
        { row: 1, column: 'c13' },
      ],
    });
    expect(scan.sheet).toBe('Sheet1');
    expect(scan.state).toBe('visible');
    expect(scan.headerRow).toBe(1);
    expect(scan.ragged).toEqual({ count: 0, first: [] });
  });

  it('decodes _xHHHH_ escapes in strings, but not in numbers', async () => {
    const path = await workbook(
      oneSheet([
        ['h1', 'h2'],
        [{ raw: '<c r="A2" t="inlineStr"><is><t>a_x000D_b_x005F_x0041_</t></is></c>' }, { raw: '<c r="B2" t="str"><v>x_x0009_y</v></c>' }],
      ]),
    );
    expect((await scanAll(path)).rows).toEqual([['a\rb_x0041_', 'x\ty']]);
  });

  it('shows numbers in date formats as ISO dates, and leaves other formats alone', async () => {
    const path = await workbook(
      oneSheet([
        ['date', 'datetime', 'days', 'time', '中文日期', 'plain'],
        [{ date: 45000 }, { date: 45000.5, style: STYLE.dateTime }, { n: '12', style: STYLE.quotedText }, { date: 0.75, style: STYLE.time }, { date: 45000, style: STYLE.chineseDate }, 45000],
      ]),
    );
    expect((await scanAll(path)).rows).toEqual([['2023-03-15', '2023-03-15T12:00:00', '12', '18:00:00', '2023-03-15', '45000']]);
    const mac = await workbook(oneSheet([['date'], [{ date: 0 }]], {}, { date1904: true }));
    expect((await scanAll(mac)).rows).toEqual([['1904-01-01']]);
  });
});

describe('scanXlsxSheet: layout', () => {
  it('fills skipped columns and rows with empty cells, so data row n stays sheet row header+n', async () => {
    const path = await workbook(
      oneSheet([
        { cells: ['id', 'name', null, 'note'], r: 3 },
        { cells: ['1', null, 'x'], r: 4 },
        { cells: [{ at: 'D', value: 'd6' }], r: 6 },
        { cells: [], r: 7 },
        { cells: ['8'], r: 8 },
        { cells: [], r: 9 },
        { cells: [null], r: 10 },
      ]),
    );
    const { scan, rows } = await scanAll(path);
    expect(scan.headerRow).toBe(3);
    expect(scan.columns).toEqual(['id', 'name', 'C', 'note']);
    expect(rows).toEqual([
      ['1', '', 'x', ''],
      ['', '', '', ''],
      ['', '', '', 'd6'],
      ['', '', '', ''],
      ['8', '', '', ''],
    ]);
    // Two rows above the header, two empty rows after the last value.
    expect(scan.blankLines).toBe(4);
  });

  it('counts rows and cells without references one after another', async () => {
    const path = await workbook(oneSheet([['a', 'b'], ['1', '2'], ['3']], { noRefs: true }));
    const { scan, rows } = await scanAll(path);
    expect(scan.columns).toEqual(['a', 'b']);
    expect(rows).toEqual([
      ['1', '2'],
      ['3', ''],
    ]);
  });

  it('names blank header cells after their letter and renames repeated names, reporting them', async () => {
    const path = await workbook(oneSheet([['name', '', 'name', 'B', ' ', 'name'], ['1', '2', '3', '4', '5', '6']]));
    const { scan, rows } = await scanAll(path);
    // "B" is a real header, so the blank second column cannot take it.
    expect(scan.columns).toEqual(['name', 'B (2)', 'name (C)', 'B', 'E', 'name (F)']);
    expect(scan.duplicateColumns).toEqual(['name']);
    expect(rows).toEqual([['1', '2', '3', '4', '5', '6']]);
  });

  it('adds a column, named after its letter, for a value right of the header', async () => {
    const path = await workbook(oneSheet([['a', 'b'], ['1'], ['2', null, null, 'late'], ['3']], {}, {}));
    const { scan, rows, batchColumns } = await scanAll(path, { batchSize: 1 });
    expect(scan.columns).toEqual(['a', 'b', 'C', 'D']);
    expect(batchColumns).toEqual([['a', 'b'], ['a', 'b', 'C', 'D'], ['a', 'b', 'C', 'D']]);
    expect(padded(rows, 4)).toEqual([
      ['1', '', '', ''],
      ['2', '', '', 'late'],
      ['3', '', '', ''],
    ]);
  });

  it('reads an empty sheet as a table without columns or rows', async () => {
    const { scan, rows, derivedPath } = await scanAll(await workbook(oneSheet([])));
    expect(scan.columns).toEqual([]);
    expect(scan.rows).toBe(0);
    expect(rows).toEqual([]);
    expect(await readFile(derivedPath, 'utf8')).toBe('');
  });
});

describe('scanXlsxSheet: hidden content', () => {
  it('reports hidden rows by data row number, hidden columns by name, and the sheet state', async () => {
    const path = await workbook({
      sheets: [
        { name: 'Visible', rows: [['x']] },
        {
          name: 'Sheet1',
          state: 'veryHidden',
          hiddenColumns: [
            [2, 2],
            [4, 16384],
          ],
          rows: [
            { cells: ['a', 'b', 'c', 'd'], hidden: true },
            { cells: ['1'], hidden: true },
            ['2'],
            { cells: [], r: 5, hidden: true },
            { cells: ['6'], r: 6 },
            { cells: ['7'], hidden: true },
            { cells: [], hidden: true },
          ],
        },
      ],
    });
    const { scan } = await scanAll(path);
    expect(scan.state).toBe('veryHidden');
    // Data row 4 is sheet row 5, hidden though empty; the trailing hidden empty row is not data.
    expect(scan.hiddenRows).toEqual({ count: 3, first: [1, 4, 6] });
    expect(scan.hiddenColumns).toEqual(['b', 'd']);
  });

  it('keeps the first 100 hidden rows and counts them all', async () => {
    const rows: RowSpec[] = [['h']];
    for (let i = 1; i <= 300; i++) rows.push({ cells: [String(i)], hidden: i % 2 === 0 });
    const { scan } = await scanAll(await workbook(oneSheet(rows)));
    expect(scan.hiddenRows.count).toBe(150);
    expect(scan.hiddenRows.first).toHaveLength(100);
    expect(scan.hiddenRows.first.slice(0, 3)).toEqual([2, 4, 6]);
  });
});

describe('scanXlsxSheet: derived rows', () => {
  it('writes each row as an object keyed by the exact header names, served by range like the scan', async () => {
    const header = ['__proto__', '2', ' 姓名 ', 'a"b', 'empty'];
    const expected: string[][] = [];
    const rows: RowSpec[] = [header];
    for (let i = 1; i <= 2500; i++) {
      const row = [`p${i}`, String(i), `张${i}`, i % 7 === 0 ? '' : `q"\\${i}\n`, ''];
      expected.push(row);
      rows.push(row);
    }
    const path = await workbook(oneSheet(rows));
    const { scan, rows: seen, derivedPath } = await scanAll(path, { every: 100 });
    expect(seen).toEqual(expected);
    expect(scan.columns).toEqual(header);
    expect(scan.index.kind).toBe('ndjson');

    const lines = (await readFile(derivedPath, 'utf8')).split('\n');
    expect(lines).toHaveLength(2501);
    expect(lines[2500]).toBe('');
    expect(lines[0]).toBe('{"__proto__":"p1","2":"1"," 姓名 ":"张1","a\\"b":"q\\"\\\\1\\n"}');

    for (const [from, count] of [
      [1, 5],
      [99, 3],
      [100, 2],
      [101, 1],
      [1234, 200],
      [2450, 100],
      [2500, 1],
    ] as const) {
      const want = expected.slice(from - 1, from - 1 + count);
      expect(await readXlsxRows(derivedPath, { index: scan.index, columns: scan.columns }, from, count)).toEqual(want);
      expect(await readJsonRows(derivedPath, { encoding: 'utf-8', index: scan.index, columns: scan.columns }, from, count)).toEqual(want);
    }
  });

  it('replaces an earlier derived file only once the scan has succeeded', async () => {
    const derivedPath = join(dir, `d${next()}.ndjson`);
    await writeFile(derivedPath, 'old\n');
    const bad = await workbook(oneSheet([], { xml: '<worksheet><sheetData><row>' }));
    await refusal(scanAll(bad, { derivedPath }));
    expect(await readFile(derivedPath, 'utf8')).toBe('old\n');
    await scanAll(await workbook(oneSheet([['h'], ['v']])), { derivedPath });
    expect(await readFile(derivedPath, 'utf8')).toBe('{"h":"v"}\n');
  });

  it('scans a 20,000-row sheet in batches, with progress up to the workbook size', async () => {
    const header = Array.from({ length: 10 }, (_v, i) => `col${i + 1}`);
    const rows: RowSpec[] = [header];
    const expected: string[][] = [];
    for (let r = 1; r <= 20_000; r++) {
      const id = `330106${String(r).padStart(12, '0')}`;
      rows.push([String(r), `name${r}`, r * 1.5, `${r % 97}`, 'x'.repeat(r % 13), r % 2 === 0, { n: id }, -r, `z${r}`, r]);
      expected.push([String(r), `name${r}`, String(r * 1.5), `${r % 97}`, 'x'.repeat(r % 13), r % 2 === 0 ? 'TRUE' : 'FALSE', id, String(-r), `z${r}`, String(r)]);
    }
    const path = await workbook(oneSheet(rows));
    const progress: [number, number][] = [];
    const { scan, rows: seen, derivedPath } = await scanAll(path, { every: 512, batchSize: 1000, onProgress: (bytes, count) => progress.push([bytes, count]) });
    expect(scan.rows).toBe(20_000);
    expect(seen).toEqual(expected);
    expect(scan.largeNumbers.count).toBe(20_000);
    expect(progress.at(-1)).toEqual([scan.bytes, 20_000]);
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
    expect(await readXlsxRows(derivedPath, { index: scan.index, columns: scan.columns }, 19_990, 20)).toEqual(seen.slice(19_989));
  });
});

describe('scanXlsxSheet: cancellation and failure', () => {
  const big = async () => {
    const rows: RowSpec[] = [['id', 'v']];
    for (let r = 1; r <= 20_000; r++) rows.push([r, `v${r}`]);
    return workbook(oneSheet(rows));
  };

  it('stops when the signal aborts mid-scan and leaves no derived file', async () => {
    const path = await big();
    const controller = new AbortController();
    const derivedPath = join(dir, `d${next()}.ndjson`);
    let batches = 0;
    const error: unknown = await scanXlsxSheet(path, {
      sheet: 'Sheet1',
      derivedPath,
      signal: controller.signal,
      batchSize: 100,
      onBatch: () => {
        if (++batches === 2) controller.abort();
      },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe('AbortError');
    expect(batches).toBe(2);
    expect(await exists(derivedPath)).toBe(false);
  });

  it('does not start when the signal has already aborted', async () => {
    const derivedPath = join(dir, `d${next()}.ndjson`);
    const error: unknown = await scanXlsxSheet(await big(), { sheet: 'Sheet1', derivedPath, signal: AbortSignal.abort(), onBatch: () => undefined }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe('AbortError');
    expect(await exists(derivedPath)).toBe(false);
  });

  it('leaves no derived file when onBatch fails', async () => {
    const derivedPath = join(dir, `d${next()}.ndjson`);
    const failing = scanXlsxSheet(await big(), {
      sheet: 'Sheet1',
      derivedPath,
      onBatch: () => {
        throw new ServiceError('test.stop', 'stop');
      },
    });
    expect((await refusal(failing)).code).toBe('test.stop');
    expect(await exists(derivedPath)).toBe(false);
  });
});

describe('refusals', () => {
  /** Scans `path` expecting a refusal, and checks no derived file was left. */
  async function refused(path: string, options: Partial<XlsxScanOptions> = {}): Promise<ServiceError> {
    const derivedPath = join(dir, `d${next()}.ndjson`);
    const error = await refusal(scanXlsxSheet(path, { sheet: 'Sheet1', derivedPath, onBatch: () => undefined, ...options }));
    expect(await exists(derivedPath)).toBe(false);
    expect(error.message).toContain(`"${options.file ?? path.split('/').at(-1)!}"`);
    return error;
  }

  it('refuses a password-protected workbook or a legacy .xls (an OLE compound file)', async () => {
    const path = join(dir, `w${next()}.xlsx`);
    await writeFile(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));
    const error = await refused(path, { file: 'data/protected.xlsx' });
    expect(error.code).toBe('tables.xlsx-protected');
    expect(error.message).toMatch(/password-protected.*legacy \.xls.*unprotected \.xlsx/);
    expect((await refusal(readWorkbook(path))).code).toBe('tables.xlsx-protected');
  });

  it('refuses a file that is not a zip', async () => {
    const path = join(dir, `w${next()}.xlsx`);
    await writeFile(path, 'id,name\n1,a\n');
    expect((await refused(path)).code).toBe('tables.xlsx-invalid');
  });

  it('refuses an entry that expands more than 200 times (a zip bomb)', async () => {
    const path = await workbook(oneSheet([['a']], {}, { entries: { 'xl/media/pad.bin': Buffer.alloc(8 * 1024 * 1024) } }));
    const error = await refused(path);
    expect(error.code).toBe('tables.xlsx-unsafe');
    expect(error.params.part).toBe('xl/media/pad.bin');
    expect(error.message).toMatch(/expands more than 200 times/);
    expect((await refusal(readWorkbook(path))).code).toBe('tables.xlsx-unsafe');
  });

  it('refuses more than 10,000 entries', async () => {
    const entries: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) entries[`xl/extra/${i}.xml`] = '';
    const error = await refused(await workbook(oneSheet([['a']], {}, { entries, store: true })));
    expect(error.code).toBe('tables.xlsx-unsafe');
    expect(error.message).toMatch(/more than the 10000/);
  });

  it('refuses an entry larger than the limit, before inflating it', async () => {
    const path = await workbook(oneSheet([['a'], ['b'.repeat(5000)]]));
    const error = await refused(path, { limits: { maxEntryBytes: 4000 } });
    expect(error.code).toBe('tables.xlsx-unsafe');
    expect(error.params.part).toBe('xl/sharedStrings.xml');
  });

  it('refuses a workbook without its workbook part or the sheet part', async () => {
    const noBook = await refused(await workbook(oneSheet([['a']], {}, { entries: { 'xl/workbook.xml': null } })));
    expect(noBook.code).toBe('tables.xlsx-invalid');
    expect(noBook.message).toContain('xl/workbook.xml');
    const noSheet = await refused(await workbook(oneSheet([['a']], {}, { entries: { 'xl/worksheets/sheet1.xml': null } })));
    expect(noSheet.code).toBe('tables.xlsx-invalid');
    expect(noSheet.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses malformed XML, naming the part and the line', async () => {
    const xml = '<?xml version="1.0"?>\n<worksheet>\n<sheetData>\n<row r="1"><c r="A1"><v>1</v></row>\n</sheetData></worksheet>';
    const error = await refused(await workbook(oneSheet([], { xml })));
    expect(error.code).toBe('tables.xlsx-invalid');
    expect(error.params).toMatchObject({ part: 'xl/worksheets/sheet1.xml', line: 4 });
    expect(error.message).toMatch(/"xl\/worksheets\/sheet1\.xml" is not well-formed XML \(line 4/);
    const book = await workbook(oneSheet([['a']], {}, { entries: { 'xl/workbook.xml': '<workbook><sheets><sheet name="x"></sheets>' } }));
    expect((await refusal(readWorkbook(book))).params.part).toBe('xl/workbook.xml');
  });

  it('refuses a DOCTYPE in any part, so no entity is ever resolved', async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>';
    const error = await refused(await workbook(oneSheet([], { xml: xxe })));
    expect(error.code).toBe('tables.xlsx-unsafe');
    expect(error.message).toMatch(/DOCTYPE/);
    const sst = await workbook(oneSheet([['a']], {}, { entries: { 'xl/sharedStrings.xml': '<!DOCTYPE sst><sst><si><t>a</t></si></sst>' } }));
    expect((await refused(sst)).params.part).toBe('xl/sharedStrings.xml');
  });

  it('refuses a sheet that does not exist, listing the ones that do', async () => {
    const path = await workbook({ sheets: [{ name: 'Data', rows: [['a']] }, { name: '隐藏', state: 'hidden', rows: [['b']] }] });
    const error = await refused(path, { sheet: 'data' });
    expect(error.code).toBe('tables.xlsx-no-sheet');
    expect(error.message).toContain('its sheets are "Data", "隐藏"');
    expect(error.params.sheet).toBe('data');
  });

  it('refuses a chart sheet as a table', async () => {
    const path = await workbook({ sheets: [{ name: 'Sheet1', chart: true }] });
    expect((await refused(path)).code).toBe('tables.xlsx-not-a-table');
  });

  it('refuses cells that point nowhere: a missing shared string, a bad reference, rows out of order', async () => {
    const sst = await refused(await workbook(oneSheet([['a'], [{ raw: '<c r="B2" t="s"><v>7</v></c>' }]])));
    expect(sst.code).toBe('tables.xlsx-invalid');
    expect(sst.params).toMatchObject({ sheet: 'Sheet1', cell: 'B2' });
    expect(sst.message).toMatch(/shared string "7" does not exist/);
    const ref = await refused(await workbook(oneSheet([['a'], [{ raw: '<c r="XFE2"><v>1</v></c>' }]])));
    expect(ref.message).toMatch(/"XFE2" is not a cell/);
    const order = await refused(await workbook(oneSheet([{ cells: ['a'], r: 5 }, { cells: ['b'], r: 3 }])));
    expect(order.message).toMatch(/row 3 comes after row 5/);
  });
});
