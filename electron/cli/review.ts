/**
 * The `review` command for auditors and scripts (`npm run review -- <command>`). It runs the
 * same services as the app, under plain Node. Commands grow with each capability:
 *
 *   review validate <package>            check a package exactly as the app's import does
 *   review demo --out <dir> [--seed N]   write the deterministic demo workspace
 *
 * Exit codes: 0 success, 1 the package was refused (reason on stderr), 2 unusable input.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ServiceError } from '../../shared/ipc/result';
import { openCandidateStore } from '../services/candidates/candidate-store';
import { DEMO_SEED, generateDemoWorkspace } from '../services/demo/generate';
import { importPackage } from '../services/intake/import-package';

const USAGE = `Usage: npm run review -- <command>

Commands:
  validate <package>             Check a package folder or .zip as the workstation's import does:
                                 manifest schema, safe paths, every file present and declared,
                                 sizes and SHA-256/SM3 digests. Prints the candidate digest.
  demo --out <dir> [--seed N]    Write the deterministic demo workspace (packages and policies).

Exit codes: 0 ok, 1 refused (reason on stderr), 2 unusable input or usage.`;

async function validate(path: string): Promise<number> {
  const scratch = await mkdtemp(join(tmpdir(), 'review-validate-'));
  try {
    const store = await openCandidateStore(scratch);
    const { meta, manifest } = await importPackage(store, resolve(path));
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

export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
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

