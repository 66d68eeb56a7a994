// `review check --previous`: the revision diff and the revision rules from two package folders
// (or a zip), read as plain files — the demo pair, a pair with clear identifiers and a
// workbook whose sheets are derived on the way, and a broken chain.
import { readdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Candidate } from '../../../shared/formats/candidate';
import { RevisionDiff } from '../../../shared/ipc/schemas/review';
import { generateDemoWorkspace, type DemoWorkspace } from '../demo/generate';
import { parsePolicy, type StoredPolicy } from '../policies/policy-store';
import { writeZip } from '../testing/make-package';
import { diffPackages, packageRevisionFindings } from './package-diff';
import { CLEAR_MOBILE, CLEAR_RESIDENT_ID, writeRevisionPair } from './testing';

let work: string;
let demo: DemoWorkspace;
let policy: StoredPolicy;

const demoFolder = (name: string) => demo.packages.find((p) => p.endsWith(name))!;

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
  }
  return out.sort();
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'package-diff-'));
  demo = await generateDemoWorkspace(join(work, 'demo'));
  const file = demo.policies.find((p) => p.endsWith('POL-ZJ-SQYY-2025-007.json'))!;
  policy = await parsePolicy(await readFile(file), 'POL-ZJ-SQYY-2025-007.json');
}, 60_000);

afterAll(async () => rm(work, { recursive: true, force: true }));

describe('diffPackages', () => {
  it('diffs the demo revision pair from its folders: 6 rows added, 8 changed', async () => {
    const diff = await diffPackages(demoFolder('EC-2026-001001-r1'), demoFolder('EC-2026-001001-r2'), policy.policy, { asOf: '2026-11-27' });
    expect(RevisionDiff.parse(diff)).toEqual(diff);
    expect([diff.id, diff.before, diff.after, diff.chainIntact]).toEqual(['EC-2026-001001', 1, 2, true]);
    const table = diff.files.find((f) => f.path === 'data/enterprise_scores.csv')!.table!;
    expect([table.added, table.removed, table.changed]).toEqual([6, 0, 8]);
    expect(diff.manifest.find((c) => c.field === 'revision')).toEqual({ field: 'revision', before: '1', after: '2' });
    expect(JSON.stringify(diff)).not.toMatch(CLEAR_MOBILE);
  });

  it('reads a zipped previous revision, derives workbook sheets, and shows nothing in clear', async () => {
    const { r1, r2 } = await writeRevisionPair(join(work, 'pair'), { workbook: true });
    const zip = join(work, 'pair-r1.zip');
    const entries = await Promise.all((await listFiles(r1.dir)).map(async (name) => ({ name, content: await readFile(join(r1.dir, ...name.split('/'))) })));
    await writeZip(zip, entries);
    const tmp = await mkdtemp(join(work, 'scratch-'));
    const diff = await diffPackages(zip, r2.dir, policy.policy, { asOf: '2026-11-27', tmp });
    expect(diff.chainIntact).toBe(true);
    const csv = diff.files.find((f) => f.path === 'data/legal_reps.csv')!.table!;
    expect([csv.added, csv.removed, csv.changed]).toEqual([2, 1, 3]);
    const sheets = diff.files.filter((f) => f.path === 'data/名单.xlsx');
    expect(sheets.map((s) => [s.sheet, s.status])).toEqual([
      ['名单', 'changed'],
      ['说明', 'changed'],
    ]);
    expect(sheets[0]!.table!.rows.map((r) => `${r.kind} ${r.key}`)).toEqual(['changed E0003', 'changed E0005', 'removed E0007', 'changed E0010', 'added E0021', 'added E0022']);
    const report = diff.files.find((f) => f.path === 'report/说明.md')!.text!;
    expect(report.lines.find((l) => l.kind === 'added')?.text).toBe('- 根据审核意见更正一家企业的评分等级');
    const json = JSON.stringify(diff);
    expect(json).not.toMatch(CLEAR_MOBILE);
    expect(json).not.toMatch(CLEAR_RESIDENT_ID);
    // The scratch folder (the extracted zip, the derived sheets) is gone.
    expect(await readdir(tmp)).toEqual([]);
  });

  it('says when the chain is broken', async () => {
    const { r1, r2 } = await writeRevisionPair(join(work, 'broken'), { brokenChain: true });
    const diff = await diffPackages(r1.dir, r2.dir, null);
    expect(diff.chainIntact).toBe(false);
  });
});

describe('packageRevisionFindings', () => {
  it('checks the chain against the previous package and lists the changed files', async () => {
    const current = Candidate.parse(JSON.parse(await readFile(join(demoFolder('EC-2026-001001-r2'), 'candidate.json'), 'utf8')));
    const findings = await packageRevisionFindings(current, demoFolder('EC-2026-001001-r1'));
    expect(findings.map((f) => [f.rule, f.location.file])).toEqual([
      ['revision.changed', 'data/enterprise_scores.csv'],
      ['revision.changed', 'report/说明.md'],
    ]);
    const without = await packageRevisionFindings(current, null);
    expect(without.map((f) => f.rule)).toEqual(['revision.chain-broken']);
  });

  it('blocks a revision that names another digest', async () => {
    const { r1, r2 } = await writeRevisionPair(join(work, 'broken-findings'), { brokenChain: true });
    const findings = await packageRevisionFindings(Candidate.parse(r2.raw), r1.dir);
    expect(findings[0]).toMatchObject({ rule: 'revision.chain-broken', severity: 'block' });
  });
});
