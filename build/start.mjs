// `npm start`: launches the built app (dist/electron/main.cjs) in Electron with the demo
// candidates. Finds the Electron binary without loading the `electron` package's index, which
// would try to download it; where none is installed it says so in one line and exits 1.
// `findElectronBinary` is also used by the Playwright _electron suite to decide whether to skip.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The executable's path inside an Electron dist folder on this platform.
 * @param {string} [platform]
 */
export function platformBinaryPath(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * Where the Electron binary is, or why there is none.
 * @param {{ root?: string, env?: Record<string, string | undefined>, platform?: NodeJS.Platform }} [options]
 * @returns {{ path: string } | { missing: string }}
 */
export function findElectronBinary({ root = REPO_ROOT, env = process.env, platform = process.platform } = {}) {
  const pkg = join(root, 'node_modules', 'electron');
  const pathTxt = join(pkg, 'path.txt');
  // path.txt is written by electron's installer; it names the binary inside the dist folder.
  const relative = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() || platformBinaryPath(platform) : platformBinaryPath(platform);
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, relative);
    if (isFile(candidate)) return { path: candidate };
    return { missing: `ELECTRON_OVERRIDE_DIST_PATH is set but has no Electron binary at ${candidate}` };
  }
  const dist = join(pkg, 'dist');
  const candidate = join(dist, relative);
  if (isFile(candidate)) return { path: candidate };
  if (!existsSync(pkg)) return { missing: 'the electron package is not installed (node_modules/electron is missing)' };
  if (!existsSync(dist) || readdirSync(dist).length === 0) return { missing: 'Electron binary not installed (node_modules/electron/dist is empty)' };
  return { missing: `Electron binary not installed (no ${relative} in node_modules/electron/dist)` };
}

/** @param {string} path */
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Electron 45 downloads its binary on first use rather than at `npm install`. Try that once,
 * quietly, unless downloads are switched off (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as on our build
 * machines) or an override path is given. Returns whether it succeeded.
 */
function tryInstallElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || process.env.ELECTRON_OVERRIDE_DIST_PATH) return false;
  const installer = join(REPO_ROOT, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  process.stderr.write('Electron binary not installed yet: downloading it once (npx install-electron)…\n');
  const result = spawnSync(process.execPath, [installer], { cwd: REPO_ROOT, stdio: 'pipe', timeout: 10 * 60 * 1000 });
  return result.status === 0;
}

function main() {
  let found = findElectronBinary();
  if ('missing' in found && tryInstallElectron()) found = findElectronBinary();
  if ('missing' in found) {
    console.error(
      `${found.missing}: run "npx install-electron" or set ELECTRON_OVERRIDE_DIST_PATH to an Electron 45 build; meanwhile "npm run dev:browser" runs the workstation in your browser.`,
    );
    process.exit(1);
  }
  const child = spawn(found.path, [REPO_ROOT, '--demo', ...process.argv.slice(2)], { stdio: 'inherit', cwd: REPO_ROOT });
  child.on('error', (error) => {
    console.error(`Could not start Electron at ${found.path}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
  // Pass Ctrl+C and termination on to Electron; its exit then ends this process.
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => {
      child.kill(signal);
    });
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
