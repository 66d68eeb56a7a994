/** Tests of findElectronBinary on fake node_modules/electron layouts (no real Electron needed). */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary, platformBinaryPath } from './start.mjs';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'start-test-'));
  await mkdir(join(root, 'node_modules', 'electron'), { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function touch(path: string) {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, '#!/bin/sh\n');
}

describe('findElectronBinary', () => {
  it('reports an empty dist when the package is installed without its binary', () => {
    const found = findElectronBinary({ root, env: {}, platform: 'linux' });
    expect(found).toEqual({ missing: 'Electron binary not installed (node_modules/electron/dist is empty)' });
  });

  it('reports a missing package', async () => {
    await rm(join(root, 'node_modules'), { recursive: true });
    expect(findElectronBinary({ root, env: {}, platform: 'linux' })).toMatchObject({ missing: expect.stringContaining('not installed') as string });
  });

  it('finds the binary named by path.txt in node_modules/electron/dist', async () => {
    await writeFile(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    await touch(join(root, 'node_modules', 'electron', 'dist', 'electron'));
    expect(findElectronBinary({ root, env: {}, platform: 'linux' })).toEqual({ path: join(root, 'node_modules', 'electron', 'dist', 'electron') });
  });

  it('falls back to the platform path when path.txt is absent', async () => {
    await touch(join(root, 'node_modules', 'electron', 'dist', 'electron.exe'));
    expect(findElectronBinary({ root, env: {}, platform: 'win32' })).toEqual({ path: join(root, 'node_modules', 'electron', 'dist', 'electron.exe') });
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH when it holds a binary', async () => {
    const override = join(root, 'override');
    await touch(join(override, 'Electron.app', 'Contents', 'MacOS', 'Electron'));
    await touch(join(root, 'node_modules', 'electron', 'dist', 'electron'));
    expect(findElectronBinary({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: override }, platform: 'darwin' })).toEqual({
      path: join(override, 'Electron.app', 'Contents', 'MacOS', 'Electron'),
    });
  });

  it('reports an override folder without a binary instead of silently using another', async () => {
    await touch(join(root, 'node_modules', 'electron', 'dist', 'electron'));
    const found = findElectronBinary({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: join(root, 'nowhere') }, platform: 'linux' });
    expect(found).toMatchObject({ missing: expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH') as string });
  });

  it('does not accept a directory where the binary should be', async () => {
    await mkdir(join(root, 'node_modules', 'electron', 'dist', 'electron'), { recursive: true });
    expect(findElectronBinary({ root, env: {}, platform: 'linux' })).toHaveProperty('missing');
  });
});

describe('platformBinaryPath', () => {
  it('names the executable per platform', () => {
    expect(platformBinaryPath('linux')).toBe('electron');
    expect(platformBinaryPath('win32')).toBe('electron.exe');
    expect(platformBinaryPath('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });
});

describe('node build/start.mjs without an Electron binary', () => {
  it('prints one clear line to stderr and exits 1, without a stack trace', () => {
    const result = spawnSync(process.execPath, [fileURLToPath(new URL('./start.mjs', import.meta.url))], {
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: root },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('npx install-electron');
    expect(lines[0]).toContain('npm run dev:browser');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
