/**
 * Throughput of the table readers on a generated 200,000-row × 10-column CSV (~23 MB):
 * a full `scanTable` (targets ≥ 40 MB/s) and `readRows` of a random 100-row range through
 * the index (target ≤ 5 ms). Run with `npx vitest bench electron/services/tables --run`.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { stderrLogger } from '../log';
import { readRows, scanTable } from './csv-reader';
import type { TableScan } from './table-io';

const ROWS = 200_000;
const DISTRICTS = ['杭州市西湖区', '杭州市上城区', '宁波市鄞州区', '温州市鹿城区', '绍兴市越城区'];
const INDUSTRIES = ['批发和零售业', '制造业', '软件业', '金融业'];
const SURNAMES = '张王李赵刘陈杨黄周吴';

function generate(path: string): void {
  const lines = ['id,credit_code,name,phone,id_number,district,industry,amount,date,note'];
  let seed = 1;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 1; i <= ROWS; i++) {
    const note = i % 50 === 0 ? '"第一行\n第二行，含""引号"""' : i % 7 === 0 ? '"a, b"' : 'ok';
    lines.push(
      [
        i,
        `9133010${String(i).padStart(11, '0')}`,
        `${SURNAMES[i % 10]!}${SURNAMES[(i * 7) % 10]!}${SURNAMES[(i * 3) % 10]!}`,
        `138${String(Math.floor(next() * 1e8)).padStart(8, '0')}`,
        `33010619${String(70 + (i % 30))}0101${String(i % 10_000).padStart(4, '0')}`,
        DISTRICTS[i % DISTRICTS.length]!,
        INDUSTRIES[i % INDUSTRIES.length]!,
        (next() * 1e6).toFixed(2),
        `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        note,
      ].join(','),
    );
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

const dir = mkdtempSync(join(tmpdir(), 'tables-bench-'));
const path = join(dir, 'bench.csv');
generate(path);
const size = statSync(path).size;
const megabytes = (size / 1e6).toFixed(1);
const scanOnce = (): Promise<TableScan> => scanTable(path, { encoding: 'utf-8', delimiter: ',', onBatch: () => undefined });
const scanned = await scanOnce();
const log = stderrLogger();
log.info('tables bench file', { rows: scanned.rows, columns: scanned.columns.length, bytes: size, indexEntries: scanned.index.offsets.length });

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let timings: number[] = [];

describe(`CSV ${ROWS.toLocaleString('en')} rows × 10 columns (${megabytes} MB)`, () => {
  bench(
    `scanTable (${megabytes} MB)`,
    async () => {
      const started = performance.now();
      await scanOnce();
      timings.push(performance.now() - started);
    },
    {
      iterations: 6,
      warmupIterations: 1,
      time: 0,
      setup: () => {
        timings = [];
      },
      teardown: () => {
        if (timings.length === 0) return;
        const median = timings.slice().sort((a, b) => a - b)[Math.floor(timings.length / 2)]!;
        log.info('scanTable throughput', { medianMs: Math.round(median), mbPerSecond: Math.round((size / 1e6 / (median / 1000)) * 10) / 10 });
      },
    },
  );

  let seed = 7;
  bench('readRows of a random 100-row range', async () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const from = 1 + (seed % (ROWS - 100));
    const rows = await readRows(path, { encoding: 'utf-8', delimiter: ',', index: scanned.index }, from, 100);
    if (rows.length !== 100) throw new Error(`expected 100 rows from ${from}, got ${rows.length}`);
  });
});
