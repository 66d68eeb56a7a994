/**
 * The reversibility test on 1,000 values (issue 4, "Proof": 1,000 MD5 values beside 3+4 masks
 * within 5 s on the 2-core build machine): `recoverDigestColumns` over a scanned 1,000-row table,
 * split across a pool of two workers — unsalted MD5 of the mobile beside its 3+4 mask (every value
 * recovered), SHA-256 of the mobile written with +86 (every value, another form and algorithm),
 * and a keyed HMAC-SM3 (nothing recovered: the search gives up after DEFAULT_GIVE_UP_AFTER values).
 * Figures are logged (median of 5 runs), never asserted. Run with
 * `npx vitest bench electron/services/recover --run`; `npm run bench` runs it and prints them.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { createHMAC, createSM3 } from 'hash-wasm';
import { afterAll, bench, describe } from 'vitest';
import { makeMobile, seededRandom } from '../../../shared/detect/testing';
import { Candidate } from '../../../shared/formats/candidate';
import { stderrLogger } from '../log';
import type { TableResult } from '../scan/scan-file';
import { scanJobs } from '../scan/scan-service';
import { scanJobInPool } from '../scan/workbook-scan';
import { createScanPool } from '../scan/worker-pool';
import { openTable } from '../tables';
import { writePackage } from '../testing/make-package';
import { recoverDigestColumns, type RecoverInput } from '.';

const ROWS = 1000;
const ITERATIONS = 5;
const AS_OF = '2026-11-27';
const dir = mkdtempSync(join(tmpdir(), 'recover-bench-'));
const worker = join(dir, 'scan-worker.cjs');
buildSync({ entryPoints: [join(__dirname, '../scan/scan-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: worker, logLevel: 'error' });
const pool = createScanPool(worker, 2);
const log = stderrLogger();

afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

const random = seededRandom(20261127);
const phones = Array.from({ length: ROWS }, () => makeMobile(random));
const masked = phones.map((p) => `${p.slice(0, 3)}****${p.slice(7)}`);
const key = createHash('sha256').update('bench key').digest();

async function hmacSm3(value: string): Promise<string> {
  const hmac = await createHMAC(createSM3(), key);
  hmac.init();
  hmac.update(value);
  return hmac.digest('hex');
}

/** A scanned one-table package: the masked phone beside a digest column. */
async function scanned(name: string, digests: string[], transform: string): Promise<RecoverInput> {
  const csv = `record_id,legal_rep_phone,phone_digest\n${phones.map((_, i) => `R${String(i + 1).padStart(6, '0')},${masked[i]!},${digests[i]!}`).join('\n')}\n`;
  const root = await writePackage(join(dir, name), { files: [{ path: 'data/contacts.csv', content: csv, role: 'data', mediaType: 'text/csv' }] });
  const raw = JSON.parse(await readFile(join(root, 'candidate.json'), 'utf8')) as { files: { table: { fields: unknown[] } }[] };
  const field = (n: string, cls: string, t: string) => ({ name: n, dataset: 'ZJ-SCJG-0012', type: 'string', class: cls, grade: cls === 'public' ? 1 : 3, transform: t });
  raw.files[0]!.table.fields = [field('record_id', 'public', 'none'), field('legal_rep_phone', 'personal', 'mask:3,4'), field('phone_digest', 'personal', transform)];
  await writeFile(join(root, 'candidate.json'), JSON.stringify(raw));
  const manifest = Candidate.parse(raw);
  const locate = (path: string) => join(root, ...path.split('/'));
  const results = (await Promise.all(scanJobs(manifest, locate, AS_OF).map((job) => scanJobInPool(pool, job, { base: dir })))).flat();
  return {
    manifest,
    tables: results.filter((r): r is TableResult => r.kind === 'table'),
    openTable: (t) => openTable(locate(t.file), 'text/csv', { file: t.file, encoding: t.encoding }),
    asOf: AS_OF,
  };
}

const inputs = {
  md5: await scanned('md5', phones.map((p) => createHash('md5').update(p).digest('hex')), 'hash-md5'),
  sha256: await scanned('sha256', phones.map((p) => createHash('sha256').update(`+86${p}`).digest('hex')), 'hash-sha256'),
  hmac: await scanned('hmac', await Promise.all(phones.map(hmacSm3)), 'hmac-sm3'),
};

/** A bench that runs the test on `input` a few times and logs the median time and what it recovered. */
function timed(name: string, input: RecoverInput): void {
  let timings: number[] = [];
  let recovered = 0;
  bench(
    name,
    async () => {
      const started = performance.now();
      const { findings } = await recoverDigestColumns(input, { pool });
      timings.push(performance.now() - started);
      recovered = findings[0]?.count ?? 0;
    },
    {
      iterations: ITERATIONS,
      warmupIterations: 1,
      time: 0,
      setup: () => {
        timings = [];
      },
      teardown: () => {
        // Teardown also follows the warm-up run; report the measured runs only.
        if (timings.length < ITERATIONS) return;
        const median = timings.slice().sort((a, b) => a - b)[Math.floor(timings.length / 2)]!;
        log.info(`reversibility test: ${name}`, { medianMs: Math.round(median), recovered, of: ROWS });
      },
    },
  );
}

describe(`reversibility test, ${ROWS} values, 2 workers`, () => {
  timed('MD5 beside 3+4 masks', inputs.md5);
  timed('SHA-256 of +86 numbers beside 3+4 masks', inputs.sha256);
  timed('HMAC-SM3 beside 3+4 masks (nothing to recover)', inputs.hmac);
});
