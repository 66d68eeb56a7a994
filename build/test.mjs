// `npm test`: every suite in order — types, lint (with the layering rule's own tests inside
// the unit suite), unit tests (Vitest), the production build, then the end-to-end suites
// (Playwright: browser host in Chromium, and Electron where its binary exists). Prints one
// closing line "N passed, N failed, N skipped" and exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache');
mkdirSync(cache, { recursive: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${seconds} s)`);
  if (!ok) failures.push(name);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// 1. Types and lint: counted as one check each.
for (const [name, args] of [
  ['typecheck', ['tsc', '-p', 'shared', '--pretty', 'false']],
  ['typecheck electron', ['tsc', '-p', 'electron', '--pretty', 'false']],
  ['typecheck renderer', ['tsc', '-p', 'renderer', '--pretty', 'false']],
  ['typecheck e2e', ['tsc', '-p', 'e2e', '--pretty', 'false']],
  ['typecheck tests', ['tsc', '-p', 'tsconfig.test.json', '--pretty', 'false']],
  ['lint', ['eslint', '.', '--max-warnings', '0']],
]) {
  if (step(name, npx, args)) totals.passed += 1;
  else totals.failed += 1;
}

// 2. Unit tests.
const vitestJson = join(cache, 'vitest.json');
rmSync(vitestJson, { force: true });
step('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const unit = readJson(vitestJson);
if (unit) {
  totals.passed += unit.numPassedTests ?? 0;
  totals.failed += unit.numFailedTests ?? 0;
  totals.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
} else {
  totals.failed += 1;
}

// 3. Build, then the end-to-end suites against it.
if (step('build', 'npm', ['run', 'build', '--silent'])) {
  const pwJson = join(cache, 'playwright.json');
  rmSync(pwJson, { force: true });
  step('end-to-end', npx, ['playwright', 'test', '--project=browser', '--project=electron']);
  const e2e = readJson(pwJson);
  if (e2e?.stats) {
    totals.passed += e2e.stats.expected ?? 0;
    totals.failed += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
    totals.skipped += e2e.stats.skipped ?? 0;
  } else {
    totals.failed += 1;
  }
} else {
  totals.failed += 1;
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || failures.length > 0 ? 1 : 0);

