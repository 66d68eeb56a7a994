/**
 * The two speed-ups of the CSV reader must not change a single result: the whole-window parse
 * (papaparse without per-row callbacks, record ends found by `recordEnds`) agrees with the
 * stepwise parse on every text, and a table scanned in parts from `findPartBoundary` cuts
 * gives, once merged, the rows, lines, problems and index of a scan in one piece.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/detect/testing';
import { encodeGb18030 } from '../demo/gb18030';
import { findPartBoundary, parseText, parseTextStepwise, readCsvHeader, readRows, recordEnds, scanTable, type CsvPartScan, type Linebreak } from './csv-reader';
import { mergeRowIndexes } from './row-index';
import { tokenizeWellFormed } from './csv-tokenize';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tables-csv-parts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PIECES = ['a', '张三', '13812345678', '', ' ', '"', '""', ',', '\n', '\r\n', '\r', 'x"y', '"q"', '"a,b"', '"多\n行"', '"un', 'end"', ' "s"', '"t" ', '""""', '"a""b"', '\t', '\uFEFF'];

function randomText(random: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += PIECES[Math.floor(random() * PIECES.length)]!;
  return text;
}

describe('the whole-window parse', () => {
  it('agrees with the stepwise parse on random well- and ill-formed texts', () => {
    const random = seededRandom(7);
    let fast = 0;
    for (let i = 0; i < 6000; i++) {
      const text = randomText(random, 1 + Math.floor(random() * 60));
      for (const linebreak of ['\n', '\r\n'] as Linebreak[]) {
        for (const cut of [false, true]) {
          const expected = parseTextStepwise(text, ',', linebreak);
          const got = parseText(text, ',', linebreak, cut);
          // A window that may be cut only promises its records before the last one.
          const compare = cut ? expected.rows.length - 1 : expected.rows.length;
          expect(got.rows.length, JSON.stringify(text)).toBe(expected.rows.length);
          expect(got.rows.slice(0, compare), JSON.stringify(text)).toEqual(expected.rows.slice(0, compare));
          expect(got.ends.slice(0, compare), JSON.stringify(text)).toEqual(expected.ends.slice(0, compare));
          if (!cut) expect(got.problems.map((p) => p ?? null), JSON.stringify(text)).toEqual(expected.problems.slice(0, got.problems.length).map((p) => p ?? null));
          if (got.problems.length === 0) fast++;
        }
      }
    }
    // Most random texts are malformed; the point is that the fast path is taken and agrees.
    expect(fast).toBeGreaterThan(1000);
  });

  it('takes the fast path on every well-formed text, with the stepwise parse\'s rows', () => {
    const random = seededRandom(11);
    const values = ['', 'a', '张三', '138****5678', ' x ', 'x"y', 'a,b', '多\n行', 'q""', '"', '\r', '\r\n', '\t'];
    const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    for (let i = 0; i < 2000; i++) {
      for (const linebreak of ['\n', '\r\n'] as Linebreak[]) {
        const records: string[] = [];
        const count = 1 + Math.floor(random() * 6);
        for (let r = 0; r < count; r++) {
          const width = 1 + Math.floor(random() * 4);
          records.push(Array.from({ length: width }, () => field(values[Math.floor(random() * values.length)]!)).join(','));
        }
        const text = records.join(linebreak) + (random() < 0.5 ? linebreak : '');
        if (text.startsWith('\uFEFF')) continue;
        const expected = parseTextStepwise(text, ',', linebreak);
        const got = tokenizeWellFormed(text, 0x2c, linebreak, false);
        expect(got, JSON.stringify(text)).not.toBeNull();
        expect(got!.rows, JSON.stringify(text)).toEqual(expected.rows);
        expect(got!.ends, JSON.stringify(text)).toEqual(expected.ends);
        expect(expected.problems.every((p) => p === undefined), JSON.stringify(text)).toBe(true);
      }
    }
  });

  it('finds record ends with quoted line breaks, escaped quotes and CRLF', () => {
    expect(recordEnds('a,b\nc,d\n', 0x2c, '\n')).toEqual([4, 8, 8]);
    expect(recordEnds('"x\ny",1\n"a""b",2', 0x2c, '\n')).toEqual([8, 16]);
    expect(recordEnds('a\r\nb\rc\r\n', 0x2c, '\r\n')).toEqual([3, 8, 8]);
    expect(recordEnds('"open\n', 0x2c, '\n')).toBeNull();
    expect(recordEnds('a\n"open\n', 0x2c, '\n', true)).toEqual([2, 8]);
    expect(recordEnds('"a"b,c\n', 0x2c, '\n')).toBeNull();
  });
});

type Table = { path: string; size: number; text: string };

async function writeTable(name: string, rows: number, options: { quoted?: boolean; gb18030?: boolean; crlf?: boolean; ragged?: boolean } = {}): Promise<Table> {
  const random = seededRandom(rows);
  const lb = options.crlf ? '\r\n' : '\n';
  const lines = ['id,name,phone,note'];
  for (let i = 1; i <= rows; i++) {
    const note = options.quoted && i % 7 === 0 ? `"第${i}行\n含换行, 和""引号"""` : `备注${Math.floor(random() * 1000)}`;
    const extra = options.ragged && i % 501 === 0 ? ',extra' : '';
    lines.push(`${i},张${'三四五'[i % 3]},1${String(Math.floor(random() * 1e10)).padStart(10, '0')},${note}${extra}`);
    if (i % 997 === 0) lines.push('');
  }
  const text = lines.join(lb) + lb;
  const bytes = options.gb18030 ? Buffer.from(encodeGb18030(text)) : Buffer.from(text);
  const path = join(dir, name);
  await writeFile(path, bytes);
  return { path, size: bytes.length, text };
}

async function scanInParts(table: Table, count: number, encoding: 'utf-8' | 'gb18030'): Promise<{ parts: CsvPartScan[]; rows: string[][] }> {
  const header = await readCsvHeader(table.path, { encoding, delimiter: ',' });
  if (!header) throw new Error('no header');
  const cuts = [header.end];
  for (let i = 1; i < count; i++) {
    const cut = await findPartBoundary(table.path, Math.max(cuts.at(-1)! + 1, Math.floor((table.size * i) / count)), table.size);
    if (cut !== null) cuts.push(cut);
  }
  const parts: CsvPartScan[] = [];
  const rows: string[][] = [];
  for (let i = 0; i < cuts.length; i++) {
    const part = { start: i === 0 ? 0 : cuts[i]!, end: cuts[i + 1] ?? table.size, header: i === 0 ? null : { columns: header.columns, linebreak: header.linebreak } };
    parts.push(await scanTable(table.path, { encoding, delimiter: ',', part, every: 100, onBatch: (batch) => void rows.push(...batch) }));
  }
  return { parts, rows };
}

describe('scanning a table in parts', () => {
  for (const [label, options, encoding] of [
    ['UTF-8', {}, 'utf-8'],
    ['GB18030 with CRLF and ragged rows', { gb18030: true, crlf: true, ragged: true }, 'gb18030'],
  ] as const) {
    it(`merges to the scan in one piece (${label})`, async () => {
      const table = await writeTable(`parts-${label.length}.csv`, 6000, options);
      const rows: string[][] = [];
      const one = await scanTable(table.path, { encoding, delimiter: ',', every: 100, onBatch: (batch) => void rows.push(...batch) });
      const split = await scanInParts(table, 5, encoding);
      expect(split.parts.length).toBe(5);
      expect(split.parts.every((p) => !p.openQuoteAtEnd)).toBe(true);
      expect(split.rows).toEqual(rows);
      let rowOffset = 0;
      let lines = 0;
      const ragged: unknown[] = [];
      const indexes = split.parts.map((p) => {
        for (const r of p.ragged.first) ragged.push({ ...r, row: r.row + rowOffset, line: r.line + lines });
        const entry = { index: p.index, rowOffset };
        rowOffset += p.rows;
        lines += p.terminators;
        return entry;
      });
      expect(rowOffset).toBe(one.rows);
      expect(lines).toBe(one.terminators);
      expect(ragged).toEqual(one.ragged.first);
      expect(split.parts.reduce((n, p) => n + p.blankLines, 0)).toBe(one.blankLines);
      const merged = mergeRowIndexes(indexes);
      // Every row is served from the merged index exactly as from the index of the whole scan.
      for (const from of [1, 99, 100, 101, 1234, 2999, 3000, 4321, 5999, 6000]) {
        expect(await readRows(table.path, { encoding, delimiter: ',', index: merged }, from, 3)).toEqual(rows.slice(from - 1, from + 2));
      }
    });
  }

  it('notices a part that ends inside a quoted value spanning lines', async () => {
    const table = await writeTable('quoted.csv', 3000, { quoted: true });
    const split = await scanInParts(table, 40, 'utf-8');
    // With 40 cuts after arbitrary line breaks, some land inside the quoted two-line notes.
    expect(split.parts.some((p) => p.openQuoteAtEnd)).toBe(true);
    expect(split.parts.at(-1)!.openQuoteAtEnd).toBe(false);
  });
});
