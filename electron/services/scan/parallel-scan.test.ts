// A table scanned in parts by the worker pool gives exactly the result of a scan in one piece —
// profiles, row lists, ragged rows, the index — including when a cut lands inside a quoted value
// spanning lines (the table is then scanned again in one piece).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/detect/testing';
import type { Field } from '../../../shared/formats/candidate';
import { readRows } from '../tables/csv-reader';
import { PARTS_PER_WORKER, scanInPool } from './parallel-scan';
import type { ScanJob, TableResult } from './scan-file';
import { createScanPool, type ScanPool } from './worker-pool';
import { buildScanWorker } from '../testing/test-platform';
import { encodeGb18030 } from '../demo/gb18030';

let work: string;
let pool: ScanPool;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'parallel-scan-'));
  const worker = buildScanWorker(work);
  pool = createScanPool(worker, 2);
});
afterAll(async () => {
  await pool.close();
  await rm(work, { recursive: true, force: true });
});

const field = (name: string, klass: Field['class'], transform: string): Field => ({ name, dataset: 'DS', type: 'string', class: klass, grade: klass === 'public' ? 1 : 3, transform });
const FIELDS = [field('id', 'public', 'none'), field('phone', 'personal', 'mask:3,4'), field('amount', 'public', 'none'), field('note', 'public', 'none')];

async function writeTable(name: string, rows: number, quotedEvery: number): Promise<string> {
  const random = seededRandom(rows + quotedEvery);
  const lines = ['id,phone,amount,note'];
  for (let i = 1; i <= rows; i++) {
    const digits = String(Math.floor(random() * 1e8)).padStart(8, '0');
    // Mostly masked phones; every 97th in clear, every 89th masked the wrong way.
    const phone = i % 97 === 0 ? `139${digits}` : i % 89 === 0 ? `139${digits.slice(0, 2)}**${digits.slice(4)}` : `139****${digits.slice(4)}`;
    const note = quotedEvery > 0 && i % quotedEvery === 0 ? `"第${i}行\n第二行, ""引号"""` : `备注${i % 13}`;
    const extra = i % 1009 === 0 ? ',多余' : '';
    lines.push(`R${String(i).padStart(7, '0')},${phone},${(random() * 1e5).toFixed(2)},${note}${extra}`);
  }
  const path = join(work, name);
  await writeFile(path, lines.join('\n') + '\n');
  return path;
}

/** A pool that counts the part jobs it is given. */
function counting(inner: ScanPool): { pool: ScanPool; parts: () => number; wholeAfterParts: () => boolean } {
  let parts = 0;
  let again = false;
  const run: ScanPool['run'] = (job, options) => {
    if (job.part) parts++;
    else if (parts > 0) again = true;
    return inner.run(job, options);
  };
  return { pool: { size: inner.size, run, close: () => inner.close() }, parts: () => parts, wholeAfterParts: () => again };
}

// Disclosure control rides along: the equivalence classes of the parts merge like the profiles.
const SDC_TABLE = { kind: 'microdata' as const, quasiIdentifiers: ['note'], sensitive: ['amount'], countColumn: null, magnitude: null };
const jobFor = (path: string): ScanJob => ({
  path,
  file: 'data/t.csv',
  mediaType: 'text/csv',
  kind: 'table',
  fields: FIELDS,
  asOf: '2026-11-27',
  sdc: { table: SDC_TABLE, thresholds: null },
});

describe('scanInPool', () => {
  for (const [label, quotedEvery, partsPerWorker] of [
    ['a plain table', 0, 3],
    ['a plain table, one part a worker', 0, undefined],
    ['a table whose every row has a quoted value spanning lines', 1, 3],
  ] as const) {
    it(`merges the parts of ${label} into the result of one scan`, async () => {
      const path = await writeTable(`t-${quotedEvery}.csv`, 40_000, quotedEvery);
      const { size } = await import('node:fs/promises').then((fs) => fs.stat(path));
      const whole = (await pool.run(jobFor(path))) as TableResult;
      const split = counting(pool);
      const merged = (await scanInPool(split.pool, jobFor(path), { size, minBytes: 64 * 1024, ...(partsPerWorker ? { partsPerWorker } : {}) })) as TableResult;
      expect(split.parts()).toBe(quotedEvery === 1 ? 6 : pool.size * (partsPerWorker ?? PARTS_PER_WORKER));
      // Half the line breaks of the second table are inside quotes: some cut lands in one.
      expect(split.wholeAfterParts()).toBe(quotedEvery === 1);
      // Equal in everything but how the index marks rows (each part starts its own count).
      expect({ ...merged, index: null }).toEqual({ ...whole, index: null });
      expect(merged.profiles.find((p) => p.name === 'phone')?.maskConformance?.clearRows.length).toBeGreaterThan(0);
      expect(merged.sdc?.notes).toEqual([]);
      // The quoted notes are unique per row: every class is below k (and has one amount). The plain ones repeat 13 values.
      expect(merged.sdc?.findings.map((f) => f.rule)).toEqual(quotedEvery === 1 ? ['sdc.k-anonymity', 'sdc.l-diversity'] : []);
      for (const from of [1, 1024, 1025, 9999, 20_000, 39_990]) {
        const options = { encoding: 'utf-8' as const, delimiter: ',' };
        expect(await readRows(path, { ...options, index: merged.index }, from, 12)).toEqual(await readRows(path, { ...options, index: whole.index }, from, 12));
      }
    });
  }

  it('starts a table on the encoding of its first bytes and scans it again when a later byte is not UTF-8', async () => {
    // ASCII well past the sample the encoding is first judged on, then GB18030 Chinese.
    const lines = ['id,phone,amount,note'];
    for (let i = 1; i <= 30_000; i++) lines.push(`R${String(i).padStart(7, '0')},139****${String(i % 10_000).padStart(4, '0')},${i}.00,${i > 25_000 ? '备注' : 'note'}`);
    const path = join(work, 'late-gb18030.csv');
    await writeFile(path, encodeGb18030(lines.join('\n') + '\n'));
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(path));
    const tried: string[] = [];
    const watching: ScanPool = { size: pool.size, run: (job, options) => (tried.push(job.encoding?.encoding ?? '?'), pool.run(job, options)), close: () => pool.close() };
    const result = (await scanInPool(watching, jobFor(path), { size, minBytes: 64 * 1024 })) as TableResult;
    // UTF-8 first (the first bytes are ASCII), then the whole file's encoding.
    expect(tried[0]).toBe('utf-8');
    expect(tried.at(-1)).toBe('gb18030');
    expect(result.encoding).toEqual({ encoding: 'gb18030', guessed: true });
    expect(result.rows).toBe(30_000);
    const byEncoding = (await pool.run({ ...jobFor(path), encoding: { encoding: 'gb18030', guessed: true } })) as TableResult;
    expect({ ...result, index: null }).toEqual({ ...byEncoding, index: null });
  });
});
