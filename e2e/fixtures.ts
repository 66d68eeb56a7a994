/**
 * Playwright fixtures for the browser-host suite: each test gets its own browser host (a
 * child process running the built host on a fresh temporary workspace, seeded with the demo
 * candidates) and a page opened on it. Requires `npm run build` first (npm test does it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

export type RunningHost = { url: string; dataDir: string };

const HOST = fileURLToPath(new URL('../dist/host/host.cjs', import.meta.url));

async function startHost(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [HOST, '--demo', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`browser host did not start in 30 s:\n${stderr}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const m = /WORKSTATION_HOST_URL=(\S+)/.exec(stdout);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code}:\n${stderr}`));
    });
  });
  return { url, child };
}

export const test = base.extend<{ host: RunningHost }>({
  // Playwright requires the fixture's first argument to be destructured, even when empty.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'workstation-e2e-'));
    const { url, child } = await startHost(dataDir);
    await use({ url, dataDir });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect };
