// The revision service on a workspace: the demo revision pair (8 bands corrected, 6 rows added,
// report revised) and a pair carrying clear phones and IDs are imported through the real
// import path and diffed from the encrypted store — every change found, nothing in clear —,
// a workbook's sheets are diffed once both revisions are scanned, and the revision rules'
// findings come out for an intact and a broken chain.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Candidate } from '../../../shared/formats/candidate';
import { ServiceError } from '../../../shared/ipc/result';
import { RevisionDiff } from '../../../shared/ipc/schemas/review';
import { openCandidateStore, type CandidateStore } from '../candidates/candidate-store';
import { generateDemoWorkspace } from '../demo/generate';
import { importPackage } from '../intake/import-package';
import { openPolicyStore, type PolicyStore } from '../policies/policy-store';
import { createScanService } from '../scan/scan-service';
import { createScanPool, type WorkerPool } from '../scan/worker-pool';
import { createRevisionService, type RevisionService } from './revision-service';
import { CLEAR_MOBILE, CLEAR_RESIDENT_ID, PAIR_ID, writeRevisionPair } from './testing';
import { buildScanWorker, testPlatform } from '../testing/test-platform';

const KEY = randomBytes(32);
const DEMO_ID = 'EC-2026-001001';

let work: string;
let store: CandidateStore;
let policies: PolicyStore;
let service: RevisionService;
let pool: WorkerPool | undefined;

async function importFolder(dir: string) {
  return importPackage(store, dir, { key: KEY });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'revision-service-'));
  store = await openCandidateStore(join(work, 'data'));
  policies = await openPolicyStore(join(work, 'data'));
  const demo = await generateDemoWorkspace(join(work, 'demo'));
  for (const policy of demo.policies) await policies.importFile(policy, policy.split('/').at(-1)!);
  for (const folder of demo.packages.filter((p) => p.includes(DEMO_ID))) await importFolder(folder);
  const pair = await writeRevisionPair(join(work, 'pair'), { workbook: true });
  await importFolder(pair.r1.dir);
  await importFolder(pair.r2.dir);
  service = createRevisionService({ store, policies, key: () => KEY });
}, 120_000);

afterAll(async () => {
  await pool?.close();
  await rm(work, { recursive: true, force: true });
});

describe('the demo revision pair', () => {
  let diff: RevisionDiff;
  beforeAll(async () => {
    diff = await service.diff(DEMO_ID, 2);
  });

  it('is a valid revision diff of an intact chain', () => {
    expect(RevisionDiff.parse(diff)).toEqual(diff);
    expect([diff.id, diff.before, diff.after, diff.chainIntact]).toEqual([DEMO_ID, 1, 2, true]);
  });

  it('finds the 6 added rows and the 8 corrected employee bands by credit code', () => {
    const file = diff.files.find((f) => f.path === 'data/enterprise_scores.csv')!;
    expect(file).toMatchObject({ status: 'changed', kind: 'table' });
    const table = file.table!;
    expect(table.keyColumns).toEqual(['credit_code']);
    expect([table.added, table.removed, table.changed]).toEqual([6, 0, 8]);
    expect(table.columnsAdded).toEqual([]);
    expect(table.rows.filter((r) => r.kind === 'added')).toHaveLength(6);
    const changed = table.rows.filter((r) => r.kind === 'changed');
    expect(changed).toHaveLength(8);
    for (const row of changed) {
      expect(row.cells.map((c) => c.column)).toEqual(['employees_band']);
      expect(row.cells[0]!.before).not.toBe(row.cells[0]!.after);
      expect(row.before).toBe(row.after);
    }
    // The added rows carry every column, the phone masked as the policy requires.
    const added = table.rows.find((r) => r.kind === 'added')!;
    expect(added.after).toBeGreaterThan(120);
    expect(added.cells.find((c) => c.column === 'legal_rep_phone')!.after).toMatch(/^1\d\d\*{4}\d{4}$/);
  });

  it('shows the revised report line by line with word-level parts', () => {
    const report = diff.files.find((f) => f.path === 'report/说明.md')!;
    expect(report).toMatchObject({ status: 'changed', kind: 'text' });
    const title = report.text!.lines.find((l) => l.before === 1)!;
    expect(title.kind).toBe('changed');
    expect(title.parts!.filter((p) => p.kind === 'same').map((p) => p.text).join('')).toContain('数据产品说明');
    expect(title.parts!.some((p) => p.kind === 'added' && p.text.includes('第'))).toBe(true);
    expect(report.text!.added).toBeGreaterThan(0);
  });

  it('lists the manifest changes field by field', () => {
    const fields = new Map(diff.manifest.map((c) => [c.field, c]));
    expect(fields.get('revision')).toMatchObject({ before: '1', after: '2' });
    expect(fields.get('previousRevisionDigest')?.before).toBeNull();
    expect(fields.get('submittedAt')).toMatchObject({ before: '2026-10-09T10:12:00+08:00', after: '2026-11-03T14:20:00+08:00' });
    expect(fields.has('files[data/enterprise_scores.csv].sha256')).toBe(true);
    expect(fields.has('files[data/enterprise_scores.csv].bytes')).toBe(true);
    expect(fields.has('files[report/说明.md].sm3')).toBe(true);
    expect([...fields.keys()].some((f) => f.startsWith('files[data/enterprise_scores.csv].table'))).toBe(false);
  });

  it('carries no clear mobile or resident ID anywhere', () => {
    const json = JSON.stringify(diff);
    expect(json).not.toMatch(CLEAR_MOBILE);
    expect(json).not.toMatch(CLEAR_RESIDENT_ID);
  });

  it('is kept per revision pair', async () => {
    expect(await service.diff(DEMO_ID, 2)).toBe(diff);
  });

  it('says there is nothing to compare for revision 1', async () => {
    expect(await service.diff(DEMO_ID, 1)).toEqual({ id: DEMO_ID, before: null, after: 1, chainIntact: null, manifest: [], files: [] });
    await expect(service.diff('EC-NOPE', 2)).rejects.toMatchObject({ code: 'candidates.not-found' });
  });

  it('gives revision.changed for both files and no broken chain', async () => {
    const current = Candidate.parse(JSON.parse((await store.read(DEMO_ID, 2))!.manifestText));
    const findings = await service.findings(current, await store.read(DEMO_ID, 1));
    expect(findings.map((f) => [f.rule, f.location.file])).toEqual([
      ['revision.changed', 'data/enterprise_scores.csv'],
      ['revision.changed', 'report/说明.md'],
    ]);
    const alone = await service.findings(current, null);
    expect(alone.map((f) => f.rule)).toEqual(['revision.chain-broken']);
    expect(alone[0]!.message).toContain('not available');
  });
});

describe('a pair carrying clear identifiers', () => {
  let diff: RevisionDiff;
  beforeAll(async () => {
    diff = await service.diff(PAIR_ID, 2);
  });

  it('finds every row change, also one that masks alike, and shows only masked values', () => {
    const table = diff.files.find((f) => f.path === 'data/legal_reps.csv')!.table!;
    expect(table.keyColumns).toEqual(['credit_code']);
    expect([table.added, table.removed, table.changed]).toEqual([2, 1, 3]);
    const byKey = new Map(table.rows.map((r) => [`${r.kind} ${r.key}`, r]));
    const phone = byKey.get('changed E0003')!.cells;
    expect(phone).toHaveLength(1);
    expect(phone[0]!.column).toBe('legal_rep_phone');
    // Raw values differ; masked as the policy requires (mask:3,4) they look the same.
    expect(phone[0]!.before).toBe(phone[0]!.after);
    expect(phone[0]!.before).toMatch(/^138\*{4}\d{4}$/);
    expect(byKey.get('changed E0005')!.cells.map((c) => c.column)).toEqual(['legal_rep_id']);
    expect(byKey.get('changed E0010')!.cells.map((c) => c.column)).toEqual(['score_band']);
    expect(byKey.has('removed E0007')).toBe(true);
    expect(byKey.has('added E0021')).toBe(true);
    expect(table.rows.map((r) => r.key)).toEqual(['E0003', 'E0005', 'E0007', 'E0010', 'E0021', 'E0022']);
  });

  it('masks the report lines and their word parts', () => {
    const report = diff.files.find((f) => f.path === 'report/说明.md')!.text!;
    const contact = report.lines.find((l) => l.before === 4)!;
    expect(contact.kind).toBe('changed');
    expect(contact.parts!.map((p) => p.kind)).toContain('removed');
  });

  it('reports a binary file by digest only', () => {
    expect(diff.files.find((f) => f.path === 'report/附件.bin')).toEqual({ path: 'report/附件.bin', status: 'same', kind: 'binary' });
  });

  it('says a workbook’s sheets wait for the scans', () => {
    const book = diff.files.filter((f) => f.path === 'data/名单.xlsx');
    expect(book).toHaveLength(1);
    expect(book[0]).toMatchObject({ status: 'changed', kind: 'table' });
    expect(book[0]!.note).toMatch(/scanned/);
  });

  it('carries no clear mobile or resident ID anywhere, though the packages are full of them', async () => {
    const raw = await readFile(join(work, 'pair', 'r2', 'data', 'legal_reps.csv'), 'utf8');
    expect(raw).toMatch(CLEAR_MOBILE);
    expect(raw).toMatch(CLEAR_RESIDENT_ID);
    const json = JSON.stringify(diff);
    expect(json).not.toMatch(CLEAR_MOBILE);
    expect(json).not.toMatch(CLEAR_RESIDENT_ID);
  });

  it('diffs the workbook sheet by sheet once both revisions are scanned', async () => {
    const worker = buildScanWorker(work);
    pool = createScanPool(worker, 2);
    const platform = testPlatform(work, { scanWorkerScript: worker });
    const scans = createScanService(platform, store, pool, { key: () => KEY });
    for (const revision of [1, 2]) {
      await scans.start(PAIR_ID, revision);
      await scans.settled(PAIR_ID, revision);
      expect((await scans.status(PAIR_ID, revision)).state).toBe('done');
    }
    // A new scan makes a new diff (the cache is per scan too); saved scans are read from the store.
    const scanned = await service.diff(PAIR_ID, 2);
    expect(scanned).not.toBe(diff);
    const sheets = scanned.files.filter((f) => f.path === 'data/名单.xlsx');
    expect(sheets.map((s) => [s.sheet, s.status])).toEqual([
      ['名单', 'changed'],
      ['说明', 'changed'],
    ]);
    const list = sheets[0]!.table!;
    expect([list.added, list.removed, list.changed]).toEqual([2, 1, 3]);
    const note = sheets[1]!.table!;
    expect(note.keyColumns).toEqual(['项目']);
    expect(note.rows).toHaveLength(1);
    // An undeclared sheet's phone is masked as the preview masks undeclared columns.
    expect(note.rows[0]!.cells[0]!.column).toBe('内容');
    const json = JSON.stringify(scanned);
    expect(json).not.toMatch(CLEAR_MOBILE);
    expect(json).not.toMatch(CLEAR_RESIDENT_ID);
    expect(RevisionDiff.parse(scanned)).toEqual(scanned);
  }, 60_000);
});

describe('in the scan workers', () => {
  it('gives the very diff the calling thread gives, for the demo pair and the scanned workbook pair', async () => {
    pool ??= createScanPool(buildScanWorker(work), 2);
    const inWorkers = createRevisionService({ store, policies, key: () => KEY, pool });
    const here = createRevisionService({ store, policies, key: () => KEY });
    for (const [id, revision] of [[DEMO_ID, 2], [PAIR_ID, 2]] as const) {
      const [a, b] = await Promise.all([inWorkers.diff(id, revision), here.diff(id, revision)]);
      expect(a).toEqual(b);
      expect(a.files.length).toBeGreaterThan(0);
      expect(RevisionDiff.parse(a)).toEqual(a);
    }
  }, 60_000);

  it('passes a failure in the worker on with its code, names no value, and keeps nothing', async () => {
    pool ??= createScanPool(buildScanWorker(work), 2);
    const other = await openCandidateStore(join(work, 'damaged'));
    const pair = await writeRevisionPair(join(work, 'damaged-pair'));
    await importPackage(other, pair.r1.dir, { key: KEY });
    await importPackage(other, pair.r2.dir, { key: KEY });
    // Another workspace key than the payloads were stored with: the worker refuses to read them.
    const wrongKey = randomBytes(32);
    const wrong = createRevisionService({ store: other, policies, key: () => wrongKey, pool });
    await expect(wrong.diff(PAIR_ID, 2)).rejects.toMatchObject({ code: 'store.wrong-key' });
    const right = createRevisionService({ store: other, policies, key: () => KEY, pool });
    expect((await right.diff(PAIR_ID, 2)).files.find((f) => f.path === 'data/legal_reps.csv')!.table!.changed).toBe(3);
  }, 60_000);
});

describe('a locked workspace', () => {
  it('fails the diff as a whole, and does not keep the failure', async () => {
    let locked = true;
    const guarded = createRevisionService({
      store,
      policies,
      key: () => {
        if (locked) throw new ServiceError('store.locked', 'The workspace is locked.');
        return KEY;
      },
    });
    await expect(guarded.diff(PAIR_ID, 2)).rejects.toMatchObject({ code: 'store.locked' });
    locked = false;
    expect((await guarded.diff(PAIR_ID, 2)).files.find((f) => f.path === 'data/legal_reps.csv')!.table!.changed).toBe(3);
  });
});

describe('a broken chain', () => {
  it('is reported by the diff and by the findings', async () => {
    const other = await openCandidateStore(join(work, 'broken'));
    const pair = await writeRevisionPair(join(work, 'broken-pair'), { brokenChain: true });
    await importPackage(other, pair.r1.dir, { key: KEY });
    await importPackage(other, pair.r2.dir, { key: KEY });
    const broken = createRevisionService({ store: other, policies, key: () => KEY });
    const diff = await broken.diff(PAIR_ID, 2);
    expect(diff.chainIntact).toBe(false);
    expect(diff.files.find((f) => f.path === 'data/legal_reps.csv')!.table!.changed).toBe(3);
    const current = Candidate.parse(pair.r2.raw);
    const findings = await broken.findings(current, await other.read(PAIR_ID, 1));
    expect(findings[0]).toMatchObject({ rule: 'revision.chain-broken', severity: 'block', location: { field: 'previousRevisionDigest' } });
    expect(findings.slice(1).map((f) => f.rule)).toEqual(['revision.changed', 'revision.changed']);
  });
});
