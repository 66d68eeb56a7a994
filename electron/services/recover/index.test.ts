// The reversibility test end to end: a package table is written, scanned in the worker pool, and
// its digest columns searched in the same pool. Unsalted MD5 of mobiles beside their 3+4 masks,
// SHA-256 of resident IDs beside region-code and birth-date columns, and the demo package for
// `reversible.recovered` are recovered, with masked evidence only; a keyed HMAC-SM3 column never
// is. The time bound returns what was found so far, cancelling rejects, progress counts values.
import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHMAC, createSM3 } from 'hash-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMobile, makeRandomResidentId, seededRandom } from '../../../shared/detect/testing';
import { Candidate } from '../../../shared/formats/candidate';
import { Finding } from '../../../shared/formats/findings';
import { evidenceZhProblems } from '../../../shared/formats/testing';
import { generateDemoWorkspace } from '../demo/generate';
import type { TableResult } from '../scan/scan-file';
import { scanJobs } from '../scan/scan-service';
import { scanJobInPool } from '../scan/workbook-scan';
import { createScanPool, type WorkerPool } from '../scan/worker-pool';
import { openTable } from '../tables';
import { writePackage } from '../testing/make-package';
import { recoverDigestColumns, type RecoverInput } from '.';
import { buildScanWorker } from '../testing/test-platform';

const AS_OF = '2026-11-27';
let work: string;
let pool: WorkerPool;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'recover-'));
  const worker = buildScanWorker(work);
  pool = createScanPool(worker, 2);
}, 60_000);
afterAll(async () => {
  await pool.close();
  await rm(work, { recursive: true, force: true });
});

type Column = { name: string; cls?: string; transform?: string; values: string[] };

/** Writes a one-table package with these columns (declared as given), returns its folder. */
async function tablePackage(name: string, columns: Column[]): Promise<string> {
  const rows = columns[0]!.values.map((_, i) => columns.map((c) => c.values[i]!).join(','));
  const csv = `${columns.map((c) => c.name).join(',')}\n${rows.join('\n')}\n`;
  const dir = await writePackage(join(work, name), { files: [{ path: 'data/table.csv', content: csv, role: 'data', mediaType: 'text/csv' }] });
  const manifest = JSON.parse(await readFile(join(dir, 'candidate.json'), 'utf8')) as { files: { table: { fields: unknown[] } }[] };
  manifest.files[0]!.table.fields = columns.map((c) => ({
    name: c.name,
    dataset: 'ZJ-SCJG-0012',
    type: 'string',
    class: c.cls ?? 'personal',
    grade: c.cls === 'public' ? 1 : 3,
    transform: c.transform ?? 'none',
  }));
  await writeFile(join(dir, 'candidate.json'), JSON.stringify(manifest));
  return dir;
}

/** Scans a package folder in the pool: the input of recoverDigestColumns. */
async function scanned(dir: string): Promise<RecoverInput> {
  const manifest = Candidate.parse(JSON.parse(await readFile(join(dir, 'candidate.json'), 'utf8')));
  const locate = (path: string) => join(dir, ...path.split('/'));
  const results = (await Promise.all(scanJobs(manifest, locate, AS_OF).map((job) => scanJobInPool(pool, job, { base: work })))).flat();
  const tables = results.filter((r): r is TableResult => r.kind === 'table');
  const mediaTypes = new Map(manifest.files.map((f) => [f.path, f.mediaType]));
  return {
    manifest,
    tables,
    openTable: (t) => openTable(locate(t.file), mediaTypes.get(t.file)!, { file: t.file, encoding: t.encoding }),
    asOf: AS_OF,
  };
}

function phones(n: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => makeMobile(random));
}
const mask34 = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;
const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const ids = (n: number) => Array.from({ length: n }, (_, i) => `R${String(i + 1).padStart(5, '0')}`);

describe('recoverDigestColumns', () => {
  it('recovers unsalted MD5 of mobiles beside their 3+4 masks, with masked evidence and progress', async () => {
    const list = phones(300, 1);
    const dir = await tablePackage('md5', [
      { name: 'record_id', cls: 'public', values: ids(300) },
      { name: 'legal_rep_phone', transform: 'mask:3,4', values: list.map(mask34) },
      { name: 'phone_digest', transform: 'hash-md5', values: list.map(md5) },
    ]);
    const progress: [number, number][] = [];
    const outcome = await recoverDigestColumns(await scanned(dir), { pool, onProgress: (done, total) => progress.push([done, total]) });
    expect(outcome.timedOut).toBe(false);
    expect(outcome.findings).toHaveLength(1);
    const finding = Finding.parse(outcome.findings[0]);
    expect(finding).toMatchObject({ rule: 'reversible.recovered', severity: 'block', clause: '§5(5)', count: 300 });
    expect(finding.location).toMatchObject({ file: 'data/table.csv', column: 'phone_digest', field: 'files[0].table.fields[2].transform' });
    expect(finding.location.rows).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(finding.evidence[0]).toBe('300 of 300 recovered');
    expect(finding.evidence[1]).toBe(`row 1: MD5(${mask34(list[0]!)})`);
    expect(finding.evidenceZh!.slice(0, 2)).toEqual(['已还原 300 / 300', `第 1 行：MD5(${mask34(list[0]!)})`]);
    expect(evidenceZhProblems(finding)).toEqual([]);
    expect(finding.message).toContain('MD5 of the mobile number from column "legal_rep_phone"');
    expect(finding.message).toContain('declared "hash-md5"');
    const serialised = JSON.stringify(outcome);
    for (const phone of list) expect(serialised).not.toContain(phone);
    expect(serialised).not.toMatch(/\d{8,}/);
    // Progress counts sampled values, never goes back, and ends at the total.
    expect(progress[0]).toEqual([0, 300]);
    expect(progress.at(-1)).toEqual([300, 300]);
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
  });

  it('never fires on a keyed HMAC-SM3 of the same mobiles', async () => {
    // Fewer rows than a search gives up after: every candidate of every row is hashed.
    const list = phones(40, 2);
    const key = createHash('sha256').update('operator key').digest();
    const digests: string[] = [];
    for (const phone of list) {
      const hmac = await createHMAC(createSM3(), key);
      hmac.init();
      hmac.update(phone);
      digests.push(hmac.digest('hex'));
    }
    const dir = await tablePackage('hmac', [
      { name: 'legal_rep_phone', transform: 'mask:3,4', values: list.map(mask34) },
      { name: 'phone_key', transform: 'hmac-sm3', values: digests },
    ]);
    const outcome = await recoverDigestColumns(await scanned(dir), { pool });
    expect(outcome).toEqual({ findings: [], timedOut: false });
  });

  it('recovers SHA-256 of resident IDs from region-code and birth-date columns (10³ candidates a row)', async () => {
    const random = seededRandom(3);
    const people = Array.from({ length: 60 }, () => makeRandomResidentId(random));
    const dir = await tablePackage('ids', [
      { name: 'region_code', cls: 'public', values: people.map((id) => id.slice(0, 6)) },
      { name: 'birth_date', values: people.map((id) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`) },
      { name: 'id_digest', transform: 'hmac-sm3', values: people.map((id) => createHash('sha256').update(id).digest('hex')) },
    ]);
    const { findings } = await recoverDigestColumns(await scanned(dir), { pool });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.count).toBe(60);
    expect(findings[0]!.message).toContain('SHA-256 of the resident ID number from columns "region_code" and "birth_date"');
    expect(findings[0]!.message).toContain('declared "hmac-sm3"');
    expect(findings[0]!.evidence[1]).toBe(`row 1: SHA-256(${people[0]!.slice(0, 3)}${'*'.repeat(15)})`);
    expect(findings[0]!.evidence.join(' ')).not.toContain(people[0]!.slice(14));
    expect(findings[0]!.evidenceZh![1]).toBe(`第 1 行：SHA-256(${people[0]!.slice(0, 3)}${'*'.repeat(15)})`);
    expect(evidenceZhProblems(findings[0]!)).toEqual([]);
  });

  it('recovers the digests of the demo package for reversible.recovered, also without a pool', async () => {
    const demo = join(work, 'demo');
    await generateDemoWorkspace(demo);
    const input = await scanned(join(demo, 'packages', 'EC-2026-001003-r1'));
    const rows = input.tables[0]!.rows;
    for (const options of [{ pool }, {}]) {
      const { findings } = await recoverDigestColumns(input, options);
      expect(findings.map((f) => [f.rule, f.location.column, f.count])).toEqual([['reversible.recovered', 'phone_digest', rows]]);
      expect(findings[0]!.evidence[0]).toBe(`${rows} of ${rows} recovered`);
    }
  });

  it('returns what it found when the time bound is hit', async () => {
    // 60 recoverable rows first, then rows of a keyed digest that each cost every candidate.
    const list = phones(1000, 4);
    const digests = list.map((p, i) => (i < 60 ? md5(p) : createHmac('md5', 'k').update(p).digest('hex')));
    const dir = await tablePackage('bounded', [
      { name: 'legal_rep_phone', transform: 'mask:3,4', values: list.map(mask34) },
      { name: 'phone_digest', values: digests },
    ]);
    const outcome = await recoverDigestColumns(await scanned(dir), { pool, timeoutMs: 1500, giveUpAfter: Infinity });
    expect(outcome.timedOut).toBe(true);
    const [finding] = outcome.findings;
    expect(finding!.count).toBeGreaterThan(0);
    expect(finding!.count).toBeLessThanOrEqual(60);
    expect(finding!.evidence[0]).toMatch(/^\d+ of \d+ recovered$/);
    expect(finding!.evidenceZh![0]).toMatch(/^已还原 \d+ \/ \d+$/);
    expect(evidenceZhProblems(finding!)).toEqual([]);
    expect(finding!.message).toContain('time bound');
  });

  it('finds nothing when the time bound is already over, and rejects when cancelled', async () => {
    const list = phones(400, 5);
    const dir = await tablePackage('cancel', [
      { name: 'legal_rep_phone', transform: 'mask:3,4', values: list.map(mask34) },
      { name: 'phone_digest', values: list.map((p) => createHmac('sha256', 'k').update(p).digest('hex')) },
    ]);
    const input = await scanned(dir);
    expect(await recoverDigestColumns(input, { pool, timeoutMs: 0 })).toEqual({ findings: [], timedOut: true });
    const controller = new AbortController();
    const running = recoverDigestColumns(input, {
      pool,
      signal: controller.signal,
      giveUpAfter: Infinity,
      onProgress: (done) => {
        if (done > 0) controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ code: 'scan.cancelled' });
    // The pool still works after its workers were terminated.
    const again = await recoverDigestColumns(await scanned(await tablePackage('after-cancel', [
      { name: 'legal_rep_phone', values: list.slice(0, 20).map(mask34) },
      { name: 'phone_digest', values: list.slice(0, 20).map(md5) },
    ])), { pool });
    expect(again.findings[0]!.count).toBe(20);
  });

  it('leaves tables without a digest column or without context alone', async () => {
    const list = phones(50, 6);
    const noContext = await tablePackage('no-context', [
      { name: 'record_id', cls: 'public', values: ids(50) },
      { name: 'phone_digest', values: list.map(md5) },
    ]);
    expect(await recoverDigestColumns(await scanned(noContext), { pool })).toEqual({ findings: [], timedOut: false });
    const noDigest = await tablePackage('no-digest', [{ name: 'legal_rep_phone', values: list.map(mask34) }]);
    let reads = 0;
    const input = await scanned(noDigest);
    await recoverDigestColumns({ ...input, openTable: (t) => (reads++, input.openTable(t)) }, { pool });
    expect(reads).toBe(0);
  });
});
