// The pool's warm start: workers started before any job serve the first jobs, and a worker that
// dies before it is given a job leaves the pool instead of taking the process down.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScanWorker } from '../testing/test-platform';
import { createScanPool } from './worker-pool';

let work: string;
let script: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'worker-pool-'));
  script = buildScanWorker(work);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('createScanPool().warm', () => {
  it('starts the workers the first jobs then run in', async () => {
    const pool = createScanPool(script, 2);
    pool.warm();
    pool.warm();
    const path = join(work, 'notes.md');
    await writeFile(path, '# 说明\n联系电话 13812345678\n');
    const job = { path, file: 'docs/notes.md', mediaType: 'text/markdown', kind: 'text' as const, fields: [], asOf: '2026-11-27' };
    const results = await Promise.all([pool.run(job), pool.run(job)]);
    expect(results.map((r) => r.kind)).toEqual(['text', 'text']);
    await pool.close();
  });

  it('lets a worker that fails while idle leave the pool, and the next job reports the failure', async () => {
    const broken = join(work, 'broken.cjs');
    await writeFile(broken, 'throw new Error("cannot start");\n');
    const pool = createScanPool(broken, 1);
    pool.warm();
    // Give the worker time to fail on its own, with no job to blame.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const job = { path: join(work, 'x.md'), file: 'x.md', mediaType: 'text/markdown', kind: 'text' as const, fields: [], asOf: '2026-11-27' };
    await expect(pool.run(job)).rejects.toMatchObject({ code: 'scan.failed' });
    await pool.close();
  });
});
