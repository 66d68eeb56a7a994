/** Tests of the main process's command-line and environment parsing. */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDevelopment, parseLaunchOptions } from './launch-options';

const cwd = resolve('/tmp/cwd');

describe('parseLaunchOptions', () => {
  it('defaults to Electron userData and no demo', () => {
    expect(parseLaunchOptions(['/usr/bin/electron', '/app'], {}, cwd)).toEqual({ dataDir: null, demo: false });
  });

  it('reads --demo and --data-dir in both spellings', () => {
    const abs = resolve('/tmp/ws');
    expect(parseLaunchOptions(['electron', '/app', '--demo', '--data-dir', abs], {}, cwd)).toEqual({ dataDir: abs, demo: true });
    expect(parseLaunchOptions(['electron', '/app', `--data-dir=${abs}`], {}, cwd)).toEqual({ dataDir: abs, demo: false });
  });

  it('resolves a relative data dir against the working directory', () => {
    expect(parseLaunchOptions(['electron', '--data-dir', '.cache/ws'], {}, cwd).dataDir).toBe(join(cwd, '.cache/ws'));
  });

  it('ignores --data-dir without a value', () => {
    expect(parseLaunchOptions(['electron', '--data-dir'], {}, cwd).dataDir).toBeNull();
    expect(parseLaunchOptions(['electron', '--data-dir', '--demo'], {}, cwd)).toEqual({ dataDir: null, demo: true });
    expect(parseLaunchOptions(['electron', '--data-dir='], {}, cwd).dataDir).toBeNull();
  });

  it('falls back to WORKSTATION_DATA_DIR and WORKSTATION_DEMO', () => {
    const abs = resolve('/tmp/env-ws');
    expect(parseLaunchOptions(['electron'], { WORKSTATION_DATA_DIR: abs, WORKSTATION_DEMO: '1' }, cwd)).toEqual({ dataDir: abs, demo: true });
    expect(parseLaunchOptions(['electron', '--data-dir', resolve('/tmp/flag')], { WORKSTATION_DATA_DIR: abs }, cwd).dataDir).toBe(resolve('/tmp/flag'));
    expect(parseLaunchOptions(['electron'], { WORKSTATION_DEMO: 'true' }, cwd).demo).toBe(false);
  });
});

describe('isDevelopment', () => {
  it('needs an unpackaged app and WORKSTATION_DEV=1', () => {
    expect(isDevelopment(false, { WORKSTATION_DEV: '1' })).toBe(true);
    expect(isDevelopment(true, { WORKSTATION_DEV: '1' })).toBe(false);
    expect(isDevelopment(false, {})).toBe(false);
    expect(isDevelopment(false, { WORKSTATION_DEV: 'yes' })).toBe(false);
  });
});
