// `review check` end to end over real packages: a clean package has no finding, problems in
// the demo workspace fire the intake and pii rules with masked evidence only, integrity
// problems are reported rather than refused, and the output is deterministic.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FindingsDocument } from '../../../shared/formats/findings';
import { generateDemoWorkspace } from '../demo/generate';
import { createScanPool, type ScanPool } from '../scan/worker-pool';
import { writePackage } from '../testing/make-package';
import { runCheck } from './run-check';

const EXAMPLES = resolve(__dirname, '../../../../shared/examples');
let work: string;
let pool: ScanPool;
let demo: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'run-check-'));
  const worker = join(work, 'scan-worker.cjs');
  buildSync({ entryPoints: [join(__dirname, '../scan/scan-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: worker, logLevel: 'error' });
  pool = createScanPool(worker);
  demo = join(work, 'demo');
  await generateDemoWorkspace(demo);
}, 120_000);
afterAll(async () => {
  await pool.close();
  await rm(work, { recursive: true, force: true });
});

const pkg = (name: string) => join(demo, 'packages', name);
const policy = (id: string) => join(demo, 'policies', `${id}.json`);

describe('runCheck', () => {
  it('finds nothing in the clean shared example, deterministically', async () => {
    const options = { packagePath: join(EXAMPLES, 'candidate-basic'), policyPath: join(EXAMPLES, 'policy-basic.json'), at: '2026-11-27', pool };
    const first = await runCheck(options);
    expect(FindingsDocument.parse(first)).toEqual(first);
    expect(first.findings).toEqual([]);
    expect(first.candidate.digest).toBe('sm3:0add425e8c5b226f070c3c876c8d42a92b94bd748e5078304db80c7ffaff94e7');
    expect(first.evaluatedAt).toBe('2026-11-27T00:00:00+08:00');
    expect(JSON.stringify(await runCheck(options))).toBe(JSON.stringify(first));
  });

  it('blocks clear phones and resident IDs where the policy requires masking, with masked evidence', async () => {
    const doc = await runCheck({ packagePath: pkg('EC-2026-001002-r1'), policyPath: policy('POL-ZJ-SQYY-2025-007'), at: '2026-11-27', pool });
    const unmasked = doc.findings.filter((f) => f.rule === 'pii.unmasked');
    expect(unmasked.map((f) => f.location.column).sort()).toEqual(['legal_rep_id', 'legal_rep_phone']);
    for (const f of unmasked) {
      expect(f.severity).toBe('block');
      expect(f.clause).toBe('§5(3)');
      expect(f.location.rows!.length).toBeLessThanOrEqual(100);
      expect(f.location.rows![0]).toBe(1);
      expect(f.evidence.length).toBeGreaterThan(0);
    }
    const raw = await readFile(join(pkg('EC-2026-001002-r1'), 'data', 'legal_representatives.csv'), 'utf8');
    const serialised = JSON.stringify(doc);
    for (const phone of raw.match(/1[3-9]\d{9}/g)!) expect(serialised).not.toContain(phone);
    expect(serialised).not.toMatch(/\d{8,}/);
    // Masked names of different lengths (张*, 欧阳**) are one consistent form.
    expect(doc.findings.filter((f) => f.rule === 'pii.mask-nonconforming')).toEqual([]);
    expect(doc.summary.block).toBe(2);
  });

  it('reports undeclared personal columns, identifiers in a model card, and a guessed encoding', async () => {
    const soleTraders = await runCheck({ packagePath: pkg('EC-2026-001016-r1'), policyPath: policy('POL-ZJ-SQYY-2025-012'), at: '2026-11-27', pool });
    expect(soleTraders.findings.map((f) => [f.rule, f.location.column, f.detector])).toContainEqual(['pii.undeclared', 'credit_code', 'uscc-sole-trader']);
    const card = await runCheck({ packagePath: pkg('EC-2026-001013-r1'), policyPath: policy('POL-ZJ-SQYY-2025-007'), at: '2026-11-27', pool });
    const inText = card.findings.find((f) => f.rule === 'pii.in-text')!;
    expect(inText.location.line).toBeGreaterThan(0);
    expect(inText.evidence[0]).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const gb = await runCheck({ packagePath: pkg('EC-2026-001014-r1'), policyPath: policy('POL-ZJ-SQYY-2025-007'), at: '2026-11-27', pool });
    expect(gb.findings.map((f) => f.rule)).toEqual(['intake.encoding-guessed']);
    expect(gb.summary).toEqual({ block: 0, warn: 1, info: 0 });
  });

  it('does not mistake order numbers, amounts and dates for identifiers', async () => {
    const csv = ['order_no,amount,settle_date', ...Array.from({ length: 50 }, (_, i) => `DD2026112700${String(i).padStart(4, '0')},${(1234567.89 + i).toFixed(2)},2026-11-${String((i % 28) + 1).padStart(2, '0')}`)].join('\n');
    const dir = await writePackage(join(work, 'orders'), {
      files: [{ path: 'data/orders.csv', content: `${csv}\n`, role: 'data', mediaType: 'text/csv' }],
    });
    const manifest = JSON.parse(await readFile(join(dir, 'candidate.json'), 'utf8')) as { files: { table: { fields: unknown[] } }[] };
    manifest.files[0]!.table.fields = ['order_no', 'amount', 'settle_date'].map((name) => ({ name, dataset: 'ZJ-SCJG-0012', type: 'string', class: 'public', grade: 1, transform: 'none' }));
    await writeFile(join(dir, 'candidate.json'), JSON.stringify(manifest));
    const doc = await runCheck({ packagePath: dir, policyPath: join(EXAMPLES, 'policy-basic.json'), at: '2026-11-27', pool });
    expect(doc.findings).toEqual([]);
  });

  it('reports integrity problems as findings instead of refusing', async () => {
    const dir = await writePackage(join(work, 'tampered'), { extraFiles: [{ path: 'notes.txt', content: 'x' }] });
    await writeFile(join(dir, 'data', 'scores.csv'), 'changed\n');
    const doc = await runCheck({ packagePath: dir, at: '2026-11-27', pool });
    expect(doc.findings.map((f) => [f.rule, f.location.file])).toEqual([
      ['intake.digest-mismatch', 'data/scores.csv'],
      ['intake.undeclared-file', 'notes.txt'],
    ]);
    expect(doc.policy).toBeNull();
  });

  it('refuses unusable input with an error, not a finding', async () => {
    await expect(runCheck({ packagePath: join(work, 'nowhere'), pool })).rejects.toMatchObject({ code: 'import.not-found' });
    await expect(runCheck({ packagePath: join(EXAMPLES, 'candidate-basic'), policyPath: join(EXAMPLES, 'README.md'), pool })).rejects.toMatchObject({ code: 'policy.json' });
  });
});
