/**
 * Reads the main process's command line and environment: `--data-dir` /
 * `WORKSTATION_DATA_DIR` (a separate workspace and Chromium profile, used by tests and
 * `npm start`), `--demo` / `WORKSTATION_DEMO=1` (seed the demo candidates) and development
 * mode. Pure, so the parsing is tested without Electron.
 */
import { isAbsolute, resolve } from 'node:path';

export type LaunchOptions = {
  /** Absolute workspace folder, or null for Electron's default `userData`. */
  dataDir: string | null;
  demo: boolean;
};

type Env = Readonly<Record<string, string | undefined>>;

export function parseLaunchOptions(argv: readonly string[], env: Env, cwd: string): LaunchOptions {
  let dataDir: string | null = null;
  let demo = env.WORKSTATION_DEMO === '1';
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--demo') demo = true;
    else if (arg === '--data-dir') {
      const next = argv[i + 1];
      if (next !== undefined && next !== '' && !next.startsWith('--')) {
        dataDir = next;
        i += 1;
      }
    } else if (arg?.startsWith('--data-dir=') === true) {
      const value = arg.slice('--data-dir='.length);
      if (value !== '') dataDir = value;
    }
  }
  if (dataDir === null && env.WORKSTATION_DATA_DIR !== undefined && env.WORKSTATION_DATA_DIR !== '') dataDir = env.WORKSTATION_DATA_DIR;
  return { dataDir: dataDir === null ? null : isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir), demo };
}

/**
 * Development mode (devtools, reload menu items, debug logs) needs both an unpackaged app
 * and `WORKSTATION_DEV=1`: a packaged build never opens devtools, whatever its environment.
 */
export function isDevelopment(isPackaged: boolean, env: Env): boolean {
  return !isPackaged && env.WORKSTATION_DEV === '1';
}
