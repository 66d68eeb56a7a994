/**
 * The demo workspace as the false-positive guard of the rules: `review check` on every demo
 * package (the workspace and broken/), with its policy and a fixed evaluation date, fires
 * exactly the rules the package is built to show — no more, no less — and every rule of the
 * catalogue is shown by some package.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingsDocument } from '../../../shared/formats/findings';
import { isValidResidentId } from '../../../shared/ids/resident-id';
import { RULE_IDS } from '../../../shared/rules/catalogue';
import { type CheckOptions, runCheck } from '../check/run-check';
import { createScanPool, type WorkerPool } from '../scan/worker-pool';
import { type DemoPackageInfo, describeDemo, generateDemoWorkspace } from './generate';
import { buildScanWorker } from '../testing/test-platform';

/** The evaluation date: inside every authorization period but the Ningbo one, which ended in 2025. */
const AT = '2026-11-27';

let work: string;
let pool: WorkerPool;
const demo = describeDemo();
const documents = new Map<string, FindingsDocument>();

const key = (d: DemoPackageInfo) => `${d.dir}/${d.folder}`;

/** The options of `review check` for a package of the workspace in `root`; a later revision also gets the one it revises. */
function checkOptions(d: DemoPackageInfo, root = join(work, 'demo')): CheckOptions {
  const previous = demo.find((p) => p.id === d.id && p.revision === d.revision - 1);
  // review check --previous: the revision rules compare with revision N−1.
  const options = {
    packagePath: join(root, d.dir, d.folder),
    policyPath: join(root, 'policies', `${d.policy}.json`),
    at: AT,
    pool,
    ...(previous ? { previousPath: join(root, previous.dir, previous.folder) } : {}),
  };
  return options satisfies CheckOptions;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'demo-findings-'));
  const worker = buildScanWorker(work);
  pool = createScanPool(worker);
  await generateDemoWorkspace(join(work, 'demo'));
  for (const d of demo) documents.set(key(d), await runCheck(checkOptions(d)));
}, 120_000);

afterAll(async () => {
  await pool.close();
  await rm(work, { recursive: true, force: true });
});

/** The rules that fired in a findings document, each once, in catalogue order. */
function rulesOf(doc: FindingsDocument): string[] {
  const rules = new Set(doc.findings.map((f) => f.rule));
  return RULE_IDS.filter((r) => rules.has(r));
}

/** The targets of a package, in catalogue order. */
function expectedOf(d: DemoPackageInfo): string[] {
  return RULE_IDS.filter((r) => d.targets.includes(r));
}

describe('review check on the demo workspace', () => {
  it.each(demo.map((d) => [key(d), d] as const))('%s fires exactly the rules it is built to show', (_, d) => {
    expect(rulesOf(documents.get(key(d))!)).toEqual(expectedOf(d));
  });

  it('does so for other seeds too: the problems are built in, not found by luck', async () => {
    // Seed 2 once held a real resident ID ending in 000, taken for a float's leftovers.
    for (const seed of [2, 7]) {
      const root = join(work, `seed-${seed}`);
      await generateDemoWorkspace(root, { seed });
      for (const d of demo) expect(rulesOf(await runCheck(checkOptions(d, root))), `seed ${seed} ${key(d)}`).toEqual(expectedOf(d));
    }
  }, 60_000);

  it('fires nothing at all on the clean packages', () => {
    const clean = demo.filter((d) => d.targets.every((t) => t === 'revision.changed'));
    expect(clean.length).toBeGreaterThanOrEqual(5);
    for (const d of clean) expect(documents.get(key(d))!.summary, key(d)).toMatchObject({ block: 0, warn: 0 });
  });

  it('gives the same findings for the same package, byte for byte', async () => {
    for (const d of demo) {
      expect(JSON.stringify(await runCheck(checkOptions(d))), key(d)).toBe(JSON.stringify(documents.get(key(d))));
    }
  });

  it('never puts a clear mobile number or resident ID in the findings', () => {
    for (const [name, doc] of documents) {
      const text = JSON.stringify(doc);
      // Bounded by anything but letters and digits, so that digits inside a hex digest do not count.
      expect(text, name).not.toMatch(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/);
      // Credit codes of 18 digits (913301001430772167) may appear: only valid resident IDs may not.
      const ids = [...text.matchAll(/(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/g)].map((m) => m[0]);
      expect(ids.filter((id) => isValidResidentId(id, { asOf: AT })), name).toEqual([]);
    }
  });
});

describe('the demo catalogue', () => {
  it('targets every rule of RULES.md with some package, and only rules of RULES.md', () => {
    const targeted = new Set(demo.flatMap((d) => d.targets));
    expect(RULE_IDS.filter((r) => !targeted.has(r))).toEqual([]);
    expect([...targeted].filter((t) => !(RULE_IDS as readonly string[]).includes(t))).toEqual([]);
  });

  it('keeps the integrity problems the import refuses in broken/, and only there', () => {
    const integrity = new Set(['intake.digest-mismatch', 'intake.missing-file', 'intake.undeclared-file', 'intake.unsafe-path']);
    for (const d of demo) expect(d.targets.some((t) => integrity.has(t)), key(d)).toBe(d.dir === 'broken');
  });
});
