/**
 * Playwright fixtures for the browser-host suite: each test gets its own browser host (a
 * child process running the built host on a fresh temporary workspace, seeded with the demo
 * candidates) and a page opened on it. Requires `npm run build` first (npm test does it).
 * The host is given a workspace passphrase through the environment (`--store-passphrase-env`),
 * so it starts unlocked; e2e/workspace-lock.spec.ts starts hosts without one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

export type RunningHost = { url: string; dataDir: string };

/** The workspace passphrase of the suite's unattended hosts (a test value, not a secret). */
export const E2E_STORE_PASSPHRASE = 'e2e workspace passphrase 测试口令';
const PASSPHRASE_ENV = 'WORKSTATION_E2E_STORE_PASSPHRASE';

export type HostProcess = { url: string; child: ChildProcess; stop: () => Promise<void> };

const HOST = fileURLToPath(new URL('../dist/host/host.cjs', import.meta.url));

/**
 * Starts the built browser host on `dataDir` with the demo; with `unlocked` (the default) it
 * sets or unlocks the workspace with E2E_STORE_PASSPHRASE, otherwise the page must do it.
 */
export async function startHost(dataDir: string, { unlocked = true }: { unlocked?: boolean } = {}): Promise<HostProcess> {
  const args = [HOST, '--demo', '--data-dir', dataDir, ...(unlocked ? ['--store-passphrase-env', PASSPHRASE_ENV] : [])];
  const env: NodeJS.ProcessEnv = { ...process.env, [PASSPHRASE_ENV]: unlocked ? E2E_STORE_PASSPHRASE : undefined };
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
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
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return { url, child, stop };
}

export const test = base.extend<{ host: RunningHost }>({
  // Playwright requires the fixture's first argument to be destructured, even when empty.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'workstation-e2e-'));
    const { url, stop } = await startHost(dataDir);
    await use({ url, dataDir });
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect };
