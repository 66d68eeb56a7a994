/**
 * The `review` command for auditors and scripts (`npm run review -- <command>`). It runs the
 * same services as the app, under plain Node. Commands grow with each capability:
 *
 *   review check <package> [--policy P] [--json] [--at YYYY-MM-DD] [--previous <package>] [--lang zh|en]
 *                                        every rule of RULES.md: the findings document
 *   review validate <package>            check a package exactly as the app's import does
 *   review demo --out <dir> [--seed N]   write the deterministic demo workspace
 *   review keygen --alg sm2|ed25519 --out <dir> [--passphrase-env NAME]   a signing key pair (keygen.ts)
 *   review decide <package> --policy P --outcome O … --key K --out F      a signed decision (decide.ts)
 *   review verify <file> [<record>] [--pub K] [--trust A]                 check evidence offline (verify.ts)
 *
 * Exit codes: 0 success / no blocking finding, 1 refused / blocking findings, 2 unusable input.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isRealDate } from '../../shared/formats/common';
import { localiseFindings, type FindingsDocument } from '../../shared/formats/findings';
import { ServiceError } from '../../shared/ipc/result';
import { runCheckWithNotes } from '../services/check/run-check';
import type { CheckNote } from '../../shared/ipc/schemas/review';
import { createScanPool, type WorkerPool } from '../services/scan/worker-pool';
import { openCandidateStore } from '../services/candidates/candidate-store';
import { DEMO_SEED, generateDemoWorkspace } from '../services/demo/generate';
import { importPackage } from '../services/intake/import-package';
import { KEYGEN_USAGE, keygen } from './keygen';
import { DECIDE_USAGE, decide } from './decide';
import { VERIFY_USAGE, verify } from './verify';

const USAGE = `Usage: npm run review -- <command>

Commands:
  check <package> [--policy <policy.json>] [--json] [--at YYYY-MM-DD] [--previous <package>] [--lang zh|en]
                                 Re-run the workstation's checks: package integrity, encoding,
                                 precision loss, clear or wrongly masked personal information,
                                 identifiers in reports, recovered digests; with --policy also
                                 scope, authorization, reversibility and disclosure control;
                                 with --previous, revision N-1 of the package (revision rules).
                                 Prints a table (or the findings JSON of FORMATS.md §3 with --json).
                                 Exit 0: no blocking finding; 1: blocking findings.
  validate <package>             Check a package folder or .zip as the workstation's import does:
                                 manifest schema, safe paths, every file present and declared,
                                 sizes and SHA-256/SM3 digests. Prints the candidate digest.
  demo --out <dir> [--seed N]    Write the deterministic demo workspace (packages and policies).
${KEYGEN_USAGE}
${DECIDE_USAGE}
${VERIFY_USAGE}

Exit codes: 0 ok, 1 refused or blocking findings, 2 unusable input (one line on stderr).`;

/** Scan workers sit beside the bundled CLI: dist/workers/scan-worker.cjs. */
const WORKER = join(__dirname, '..', 'workers', 'scan-worker.cjs');

const LABELS = {
  en: { severity: 'severity', rule: 'rule', clause: 'clause', where: 'where', count: 'count', message: 'message', rows: 'rows', none: 'No findings.', summary: (b: number, w: number, i: number) => `${b} blocking, ${w} warnings, ${i} notes` },
  zh: { severity: '级别', rule: '规则', clause: '条款', where: '位置', count: '数量', message: '说明', rows: '行', none: '没有发现问题。', summary: (b: number, w: number, i: number) => `阻断 ${b} 项，警告 ${w} 项，提示 ${i} 项` },
} as const;
const SEVERITY = { en: { block: 'BLOCK', warn: 'warn', info: 'info' }, zh: { block: '阻断', warn: '警告', info: '提示' } } as const;

async function check(args: string[], scanPool: () => WorkerPool): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { policy: { type: 'string' }, json: { type: 'boolean', default: false }, at: { type: 'string' }, previous: { type: 'string' }, lang: { type: 'string', default: 'en' } },
  });
  if (positionals.length !== 1) {
    console.error('check: give exactly one package folder or .zip');
    return 2;
  }
  if (values.at !== undefined && !isRealDate(values.at)) {
    console.error(`check: --at must be a date YYYY-MM-DD, not "${values.at}"`);
    return 2;
  }
  const lang = values.lang === 'zh' || values.lang === 'zh-CN' ? 'zh' : values.lang === 'en' ? 'en' : null;
  if (!lang) {
    console.error(`check: --lang must be zh or en, not "${values.lang}"`);
    return 2;
  }
  const pool = scanPool();
  try {
    const { document: doc, notes } = await runCheckWithNotes({
      packagePath: resolve(positionals[0]!),
      ...(values.policy ? { policyPath: resolve(values.policy) } : {}),
      ...(values.at ? { at: values.at } : {}),
      ...(values.previous ? { previousPath: resolve(values.previous) } : {}),
      pool,
    });
    // English by default, byte for byte FORMATS.md §3; --lang zh puts the Chinese messages in `message`.
    const localised = localiseFindings(doc, lang);
    if (values.json) {
      console.log(JSON.stringify(localised, null, 2));
    } else {
      printTable(localised, lang);
      printNotes(notes, lang);
    }
    return doc.summary.block > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ServiceError) {
      console.error(`check: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await pool.close();
  }
}

function printTable(doc: FindingsDocument, lang: 'en' | 'zh'): void {
  const l = LABELS[lang];
  console.log(`${doc.candidate.id} r${doc.candidate.revision}  ${doc.candidate.digest}${doc.policy ? `  ·  ${doc.policy.id} v${doc.policy.version}` : ''}`);
  if (doc.findings.length === 0) {
    console.log(l.none);
  } else {
    const rows = doc.findings.map((f) => [
      SEVERITY[lang][f.severity],
      f.rule,
      f.clause ?? '—',
      [f.location.file, f.location.sheet !== undefined ? `[${f.location.sheet}]` : undefined, f.location.column, f.location.line !== undefined ? `L${f.location.line}` : undefined, f.location.rows?.length ? `${l.rows} ${f.location.rows.slice(0, 3).join(',')}${f.location.rows.length > 3 ? '…' : ''}` : undefined, f.location.field]
        .filter(Boolean)
        .join(' · '),
      String(f.count),
      f.message + (f.evidence.length === 0 ? '' : lang === 'zh' ? `  【${f.evidence.join('；')}】` : `  [${f.evidence.join(', ')}]`),
    ]);
    const header = [l.severity, l.rule, l.clause, l.where, l.count, l.message];
    const widths = header.map((h, i) => Math.min(48, Math.max(width(h), ...rows.map((r) => width(r[i]!)))));
    const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) console.log(line(r));
  }
  console.log(l.summary(doc.summary.block, doc.summary.warn, doc.summary.info));
}

/** What could not be checked (disclosure control without quasi-identifiers, say): table mode only, so --json stays FORMATS.md §3. */
function printNotes(notes: readonly CheckNote[], lang: 'en' | 'zh'): void {
  if (notes.length === 0) return;
  console.log(lang === 'zh' ? '未检查的项目：' : 'Not checked:');
  for (const note of notes) console.log(`  - ${lang === 'zh' ? (note.messageZh ?? note.message) : note.message}`);
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, size: number): string {
  let out = text;
  while (width(out) > size) out = out.slice(0, -1);
  return out + ' '.repeat(size - width(out));
}

async function validate(path: string): Promise<number> {
  const scratch = await mkdtemp(join(tmpdir(), 'review-validate-'));
  try {
    const store = await openCandidateStore(scratch);
    // A throwaway store: its payloads are encrypted with a key that is never kept.
    const { meta, manifest } = await importPackage(store, resolve(path), { key: randomBytes(32) });
    console.log(`ok ${manifest.id} revision ${manifest.revision}: ${manifest.files.length} files verified (sha256, sm3)`);
    console.log(`candidate digest ${meta.digest}`);
    return 0;
  } catch (error) {
    if (error instanceof ServiceError) {
      console.error(`refused (${error.code}): ${error.message}`);
      return error.code === 'import.not-found' || error.code === 'import.not-a-package' ? 2 : 1;
    }
    throw error;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function demo(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, seed: { type: 'string' } } });
  if (!values.out) {
    console.error('demo: --out <dir> is required');
    return 2;
  }
  const seed = values.seed === undefined ? DEMO_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed)) {
    console.error(`demo: --seed must be an integer, not "${values.seed}"`);
    return 2;
  }
  const { packages, policies } = await generateDemoWorkspace(resolve(values.out), { seed });
  console.log(`wrote ${packages.length} candidate packages and ${policies.length} policies to ${resolve(values.out)}`);
  return 0;
}

export type RunOptions = {
  /**
   * The scan workers of `check` and `decide`, when the caller started them already (main.ts
   * does, so they load while the commands do); by default a pool is made when needed.
   */
  pool?: () => WorkerPool;
};

export async function run(argv: string[], options: RunOptions = {}): Promise<number> {
  const [command, ...rest] = argv;
  const pool = options.pool ?? (() => createScanPool(WORKER));
  switch (command) {
    case 'validate': {
      if (rest.length !== 1 || !rest[0]) {
        console.error('validate: give exactly one package folder or .zip');
        return 2;
      }
      return validate(rest[0]);
    }
    case 'demo':
      return demo(rest);
    case 'check':
      return check(rest, pool);
    case 'keygen':
      return keygen(rest);
    case 'decide':
      return decide(rest, { env: process.env, out: (line) => console.log(line), err: (line) => console.error(line), pool });
    case 'verify':
      return verify(rest, { out: (line) => console.log(line), err: (line) => console.error(line) });
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`review: unknown command "${command}". Run "npm run review -- --help".`);
      return 2;
  }
}

