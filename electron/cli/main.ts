/**
 * Entry point of the bundled `review` command: runs it and exits with its code. The commands
 * are a bundle of their own (dist/cli/review-commands.cjs, some 3 MB to read and compile), so
 * a command that scans starts its worker threads first: they load their code while this
 * thread loads the commands', instead of after it.
 */
import { join } from 'node:path';
import { createScanPool, type WorkerPool } from '../services/scan/worker-pool';
import type * as Commands from './review';

const SCANNING: ReadonlySet<string | undefined> = new Set(['check', 'decide']);

const argv = process.argv.slice(2);
let pool: WorkerPool | null = null;
if (SCANNING.has(argv[0])) {
  pool = createScanPool(join(__dirname, '..', 'workers', 'scan-worker.cjs'));
  pool.warm();
}
const started = pool;

// A bundle beside this one (build/build.mjs), required only now that the workers are starting.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const commands = require(join(__dirname, 'review-commands.cjs')) as typeof Commands;
commands.run(argv, started ? { pool: () => started } : {}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`review: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
