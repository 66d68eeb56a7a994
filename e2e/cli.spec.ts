// The built `review` command as auditors run it (`node dist/cli/review.cjs`, what `npm run
// review` runs): its small entry starts the scan workers and loads the commands' bundle, so
// this checks the two bundles work together — exit codes, the findings JSON, one-line errors.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = join(root, '..', 'shared', 'examples');

function review(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'review.cjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

let work: string;
test.beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'workstation-e2e-cli-'));
});
test.afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

test('review check prints the findings JSON of a clean example and exits 0', () => {
  const { code, out, err } = review('check', join(examples, 'candidate-basic'), '--policy', join(examples, 'policy-basic.json'), '--json', '--at', '2026-11-27');
  expect(err).toBe('');
  expect(code).toBe(0);
  const document = JSON.parse(out) as { candidate: { id: string; digest: string }; policy: { id: string } | null; evaluatedAt: string; summary: { block: number } };
  expect(document.candidate.id).toBe('EC-2026-000123');
  expect(document.candidate.digest).toMatch(/^sm3:[0-9a-f]{64}$/);
  expect(document.policy?.id).toBe('POL-ZJ-SQYY-2025-007');
  expect(document.evaluatedAt).toBe('2026-11-27T00:00:00+08:00');
  expect(document.summary.block).toBe(0);
});

test('review check exits 1 on a tampered payload and names it; 2 with one line on unusable input', async () => {
  const tampered = join(work, 'candidate');
  await cp(join(examples, 'candidate-basic'), tampered, { recursive: true });
  await writeFile(join(tampered, 'data', 'enterprise_scores.csv'), 'credit_code,district\n91330106MA2H3XK19J,西湖区\n', { flag: 'a' });
  const blocked = review('check', tampered, '--json', '--at', '2026-11-27');
  expect(blocked.code).toBe(1);
  const document = JSON.parse(blocked.out) as { findings: { rule: string; location: { file?: string } }[]; summary: { block: number } };
  expect(document.summary.block).toBeGreaterThan(0);
  expect(document.findings).toContainEqual(expect.objectContaining({ rule: 'intake.digest-mismatch', location: expect.objectContaining({ file: 'data/enterprise_scores.csv' }) }));

  const missing = review('check', join(work, 'nothing-here'), '--json');
  expect(missing.code).toBe(2);
  expect(missing.out).toBe('');
  expect(missing.err.trim().split('\n')).toHaveLength(1);
  expect(missing.err).toContain('nothing-here');

  const badDate = review('check', tampered, '--at', '2026-02-30');
  expect(badDate.code).toBe(2);
  expect(badDate.err).toContain('--at');
});

test('review --help lists the commands, an unknown command exits 2, validate prints the candidate digest', () => {
  const help = review('--help');
  expect(help.code).toBe(0);
  for (const command of ['check', 'validate', 'demo', 'keygen', 'decide', 'verify']) expect(help.out).toContain(`  ${command} `);
  const unknown = review('frobnicate');
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain('unknown command "frobnicate"');
  const validate = review('validate', join(examples, 'candidate-basic'));
  expect(validate.code).toBe(0);
  expect(validate.out).toMatch(/candidate digest sm3:[0-9a-f]{64}/);
});
