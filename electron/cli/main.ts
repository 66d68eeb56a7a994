/**
 * Entry point of the bundled `review` command: runs it and exits with its code. The commands
 * are a bundle of their own (dist/cli/review-commands.cjs, some 3 MB to read and compile), so
 * a command that scans starts its worker threads first: they load their code while this
 * thread loads the commands', instead of after it; and the commands' compiled code is cached
 * beside them after a first run.
 */
import { join } from 'node:path';
import { createScanPool, type WorkerPool } from '../services/scan/worker-pool';
import { requireWithCodeCache } from './code-cache';
import type * as Commands from './review';

const SCANNING: ReadonlySet<string | undefined> = new Set(['check', 'decide']);

const argv = process.argv.slice(2);
let pool: WorkerPool | null = null;
if (SCANNING.has(argv[0])) {
  pool = createScanPool(join(__dirname, '..', 'workers', 'scan-worker.cjs'));
  pool.warm();
}
const started = pool;

// A bundle beside this one (build/build.mjs), loaded only now that the workers are starting,
// through V8's code cache (code-cache.ts).
const COMMANDS: ReadonlySet<string | undefined> = new Set(['check', 'validate', 'demo', 'keygen', 'decide', 'verify']);
const bundle = requireWithCodeCache(join(__dirname, 'review-commands.cjs'), COMMANDS.has(argv[0]) ? argv[0]! : 'other');
const commands = bundle.exports as typeof Commands;
const finish = (code: number) => {
  bundle.save();
  process.exit(code);
};
commands.run(argv, started ? { pool: () => started } : {}).then(finish, (error: unknown) => {
  console.error(`review: ${error instanceof Error ? error.message : String(error)}`);
  finish(2);
});
