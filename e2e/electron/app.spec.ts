/**
 * The Electron suite: what only the real shell has — one hardened window, the sandboxed
 * preload's `window.workstation`, the app:// protocol with its CSP, and denied navigation and
 * new windows. Runs the production build (dist/electron/main.cjs) with production security
 * settings; skips with a one-line reason where no Electron binary is installed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { REPO_ROOT, findElectronBinary } from '../../build/start.mjs';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/protocol-handler';
import { bridgeKey, eventKey } from '../../shared/ipc/bridge';
import { channelNames, eventNames } from '../../shared/ipc/contract';

const binary = findElectronBinary();

/** Why this machine cannot run the suite, or null. */
function skipReason(): string | null {
  if ('missing' in binary) return `${binary.missing}; set ELECTRON_OVERRIDE_DIST_PATH or run "npx install-electron" to run the Electron suite.`;
  // Chromium refuses to start its sandbox as root; the suite never weakens it to get round that.
  if (process.platform === 'linux' && process.getuid?.() === 0) return 'Electron cannot run with its sandbox as root; run the Electron suite as a normal user.';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'No display for Electron; run the Electron suite under xvfb-run.';
  return null;
}

const reason = skipReason();
// Say why once, on one line, so a skipped suite is never mistaken for a passing one.
if (reason !== null) process.stderr.write(`Electron suite skipped: ${reason}\n`);
test.skip(reason !== null, reason ?? '');
test.describe.configure({ mode: 'serial' });

type Bridge = Record<string, Record<string, unknown>>;
type RendererGlobals = { workstation?: Bridge; require?: unknown; process?: unknown; ipcRenderer?: unknown; electron?: unknown };

let launched: { app: ElectronApplication; page: Page } | undefined;
let dataDir: string | undefined;

/** The running app; throws (failing the test) when the launch in beforeAll did not succeed. */
function running(): { app: ElectronApplication; page: Page } {
  if (!launched) throw new Error('Electron did not start; see the beforeAll error.');
  return launched;
}

test.beforeAll(async () => {
  if (reason !== null || 'missing' in binary) return;
  dataDir = await mkdtemp(join(tmpdir(), 'workstation-electron-'));
  // Production settings: no development mode, and Electron must not start as plain Node.
  const env = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'WORKSTATION_DEV' && entry[0] !== 'ELECTRON_RUN_AS_NODE'),
  );
  const app = await _electron.launch({
    executablePath: binary.path,
    args: [join(REPO_ROOT, 'dist', 'electron', 'main.cjs'), '--data-dir', dataDir, '--demo'],
    cwd: REPO_ROOT,
    env,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  launched = { app, page };
});

test.afterAll(async () => {
  await launched?.app.close();
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
});

test('opens exactly one window, on the app origin', async () => {
  const { app, page } = running();
  expect(app.windows()).toHaveLength(1);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  expect(page.url()).toBe('app://workstation/index.html');
});

test('runs the renderer isolated and sandboxed, without Node', async () => {
  const { app } = running();
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> } | undefined;
    return contents?.getLastWebPreferences() ?? null;
  });
  expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  // Production mode: devtools are off unless WORKSTATION_DEV=1 on an unpackaged build.
  expect(prefs?.devTools ?? false).toBe(false);
});

test('serves the renderer with the strict CSP and blocks inline script', async () => {
  const { page } = running();
  const headers = await page.evaluate(async () => {
    const response = await fetch(location.href);
    return { csp: response.headers.get('content-security-policy'), nosniff: response.headers.get('x-content-type-options') };
  });
  expect(headers).toEqual({ csp: CONTENT_SECURITY_POLICY, nosniff: 'nosniff' });

  const ran = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => {
        resolve(e.effectiveDirective);
      }, { once: true });
    });
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.append(script);
    const directive = await Promise.race([violation, new Promise<string>((resolve) => setTimeout(() => resolve('none'), 2000))]);
    return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, directive };
  });
  expect(ran.inlineRan).toBe(false);
  expect(ran.directive).toMatch(/^script-src/);
});

test('denies window.open and opens no new window', async () => {
  const { app, page } = running();
  // Record instead of launching the system browser from a test run.
  const stubbed = await app.evaluate(({ shell }) => {
    const g = globalThis as unknown as { __opened?: string[] };
    g.__opened = [];
    const stub = (url: string) => {
      g.__opened?.push(url);
      return Promise.resolve();
    };
    try {
      shell.openExternal = stub;
    } catch {
      return false;
    }
    return shell.openExternal === stub;
  });

  const opened = await page.evaluate(() => window.open('https://example.com') === null);
  expect(opened).toBe(true);
  const appLink = await page.evaluate(() => window.open('app://workstation/index.html') === null);
  expect(appLink).toBe(true);
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  if (stubbed) {
    expect(await app.evaluate(() => (globalThis as unknown as { __opened?: string[] }).__opened)).toEqual(['https://example.com/']);
  }
});

test('prevents navigation to another origin', async () => {
  const { app, page } = running();
  const before = page.url();
  await page.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await page.waitForTimeout(1000);
  expect(page.url()).toBe(before);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL())).toBe(before);
});

test('exposes only the contract bridge to the renderer', async () => {
  const { page } = running();
  const expectedDomains = [...new Set([...channelNames.map((c) => bridgeKey(c)[0]), ...eventNames.map((e) => eventKey(e)[0])])].sort();
  const expectedMembers = [...channelNames.map(bridgeKey), ...eventNames.map(eventKey)].map(([d, m]) => `${d}.${m}`).sort();

  const seen = await page.evaluate(() => {
    const w = window as unknown as RendererGlobals;
    const bridge = w.workstation ?? {};
    return {
      domains: Object.keys(bridge).sort(),
      members: Object.entries(bridge)
        .flatMap(([d, api]) => Object.keys(api).map((m) => `${d}.${m}`))
        .sort(),
      allFunctions: Object.values(bridge).every((api) => Object.values(api).every((v) => typeof v === 'function')),
      require: typeof w.require,
      process: typeof w.process,
      ipcRenderer: typeof w.ipcRenderer,
      electron: typeof w.electron,
    };
  });
  expect(seen).toEqual({
    domains: expectedDomains,
    members: expectedMembers,
    allFunctions: true,
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
    electron: 'undefined',
  });
});

test('answers contract calls from the window and validates them', async () => {
  const { page } = running();
  const results = await page.evaluate(async () => {
    const bridge = (window as unknown as { workstation: Record<string, Record<string, (r: unknown) => Promise<unknown>>> }).workstation;
    const info = await bridge.app?.info?.({});
    const invalid = await bridge.shell?.openExternal?.({ url: 42 });
    return { info, invalid };
  });
  expect(results.info).toMatchObject({ ok: true, value: { host: 'electron' } });
  expect(results.invalid).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } });
});
