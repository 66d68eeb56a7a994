/**
 * Time and memory of the revision diff of two 1,000,000-row × 10-column CSV packages (~115 MB
 * each; `REVISION_BENCH_ROWS` to change it): revision 2 changes every 100,000th row's amount,
 * drops three rows and adds six. Target (issue 4): a few seconds. Run with
 * `npx vitest bench electron/services/revisions --run`; figures are printed, never asserted.
 * The CPU time printed beside the wall time is the fairer figure on a busy machine.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { BASE_MANIFEST } from '../testing/make-package';
import { diffPackages } from './package-diff';

const ROWS = Number(process.env.REVISION_BENCH_ROWS ?? 1_000_000);
const DISTRICTS = ['西湖区', '上城区', '拱墅区', '滨江区', '萧山区', '余杭区', '临平区', '钱塘区'];
const HEADER = 'record_id,holder_name,holder_phone,holder_id,district,industry,amount,settle_date,score_band,note\n';

let work: string;

/** Writes a package whose one table is the generated rows (digests are placeholders: the diff reads manifests, not digests). */
async function writeRevision(dir: string, revision: 1 | 2): Promise<void> {
  await mkdir(join(dir, 'data'), { recursive: true });
  const out = createWriteStream(join(dir, 'data', 'large.csv'));
  let seed = 20261127;
  const next = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
  let chunk = HEADER;
  for (let i = 1; i <= ROWS; i++) {
    const amount = (next(10_000_000) / 100).toFixed(2);
    const line = `R${String(i).padStart(9, '0')},王**,1${3 + next(7)}${next(10)}****${String(next(10000)).padStart(4, '0')},3301${String(next(100)).padStart(2, '0')}********${String(next(10000)).padStart(4, '0')},${DISTRICTS[next(8)]!},制造业,${revision === 2 && i % 100_000 === 0 ? '1.00' : amount},2026-01-${String(1 + next(28)).padStart(2, '0')},${'ABCDE'[next(5)]!},按期结清\n`;
    if (!(revision === 2 && (i === 5 || i === ROWS / 2 || i === ROWS - 1))) chunk += line;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  if (revision === 2) for (let k = 0; k < 6; k++) chunk += `R9${String(k).padStart(8, '0')},李**,138****0000,330100********0000,西湖区,制造业,1.00,2026-01-01,A,新增\n`;
  out.end(chunk);
  await once(out, 'finish');
  const table = { kind: 'microdata', fields: HEADER.trim().split(',').map((name) => ({ name, dataset: 'ZJ-BENCH', type: 'string', class: 'public', grade: 1, transform: 'none' })) };
  const digit = String(revision);
  const manifest = {
    ...BASE_MANIFEST,
    revision,
    ...(revision === 2 ? { previousRevisionDigest: `sm3:${'0'.repeat(64)}` } : {}),
    files: [{ path: 'data/large.csv', role: 'data', mediaType: 'text/csv', bytes: 1, sha256: `sha256:${digit.repeat(64)}`, sm3: `sm3:${digit.repeat(64)}`, table }],
  };
  await writeFile(join(dir, 'candidate.json'), JSON.stringify(manifest));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'revision-bench-'));
  await writeRevision(join(work, 'r1'), 1);
  await writeRevision(join(work, 'r2'), 2);
}, 300_000);

afterAll(async () => rm(work, { recursive: true, force: true }));

describe(`revision diff of two ${ROWS.toLocaleString('en-US')}-row CSV packages`, () => {
  bench(
    'diffPackages',
    async () => {
      const before = process.memoryUsage().rss;
      let peak = before;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const started = Date.now();
      const cpu = process.cpuUsage();
      const diff = await diffPackages(join(work, 'r1'), join(work, 'r2'), null, { asOf: '2026-11-27' });
      clearInterval(timer);
      const used = process.cpuUsage(cpu);
      const table = diff.files[0]?.table;
      process.stderr.write(
        `diffPackages: ${Date.now() - started} ms (CPU ${Math.round((used.user + used.system) / 1000)} ms), rss ${Math.round(before / 1e6)} → ${Math.round(peak / 1e6)} MB; ` +
          `key ${table?.keyColumns.join(',') ?? '-'}, +${table?.added ?? 0} −${table?.removed ?? 0} ~${table?.changed ?? 0}\n`,
      );
    },
    { iterations: 2, warmupIterations: 0, time: 0 },
  );
});
