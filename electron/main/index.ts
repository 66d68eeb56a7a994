/**
 * The Electron main process: one hardened window serving the renderer from `app://workstation`,
 * the services from electron/services on an Electron Platform, the IPC registrar generated
 * from the contract, the localized menu and content protection following the settings.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { Settings } from '../../shared/ipc/schemas/app';
import { createDispatcher } from '../../shared/ipc/dispatch';
import { createServices, type Services } from '../services/index';
import { stderrLogger } from '../services/log';
import { APP_ENTRY_URL, APP_SCHEME, isTrustedSender } from './app-origin';
import { isDevelopment, parseLaunchOptions } from './launch-options';
import { buildMenuTemplate } from './menu';
import { createElectronPlatform } from './platform';
import { handleAppRequest } from './protocol-handler';
import { createIpcHandler, registerIpc } from './registrar';
import { hardenAllWebContents, hardenSession } from './security';

const isDev = isDevelopment(app.isPackaged, process.env);
const log = stderrLogger(isDev ? 'debug' : 'info');
const launch = parseLaunchOptions(process.argv, process.env, process.cwd());

// This file is bundled to dist/electron/main.cjs; the preload and renderer sit beside it.
const PRELOAD = join(__dirname, 'preload.cjs');
const RENDERER_DIR = join(__dirname, '..', 'renderer');

// Everything below runs before `ready`, as Electron requires for these calls.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
// A separate --data-dir moves the whole profile (IndexedDB, caches and the single-instance
// lock) with the workspace, so tests and parallel workspaces never share state.
if (launch.dataDir !== null) app.setPath('userData', launch.dataDir);

let mainWindow: BrowserWindow | null = null;

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window is the whole app, on macOS too: staying alive without it would keep the
  // decrypted workspace open with nothing on screen, which a secure room does not want.
  app.on('window-all-closed', () => {
    app.quit();
  });
  hardenAllWebContents(app, { openExternal: (url) => shell.openExternal(url), log });
  start().catch((error: unknown) => {
    log.error('the workstation failed to start', { error });
    dialog.showErrorBox(
      '出域审核工作站无法启动 / The workstation could not start',
      `${error instanceof Error ? error.message : String(error)}\n\n详细信息见日志。See the log for details.`,
    );
    app.exit(1);
  });
} else {
  // Another instance owns this workspace; it has been asked to focus its window.
  app.quit();
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, log);
  protocol.handle(APP_SCHEME, async (request) => {
    const response = await handleAppRequest({ url: request.url, method: request.method }, RENDERER_DIR);
    return new Response(response.body.byteLength > 0 ? Buffer.from(response.body) : null, {
      status: response.status,
      headers: response.headers,
    });
  });

  let services: Services | null = null;
  const platform = createElectronPlatform({
    dataDir: app.getPath('userData'),
    log,
    getWindow: () => mainWindow,
    getLanguage: () => services?.settings.get().language ?? 'zh-CN',
  });
  services = await createServices(platform);
  registerIpc(
    ipcMain,
    createIpcHandler(
      createDispatcher(services.handlers, (channel, error) => {
        log.error('IPC handler failed', { channel, error });
      }),
      isTrustedSender,
    ),
  );

  if (launch.demo) {
    // Imports the generated demo workspace on a fresh profile (a no-op when candidates exist)
    // once the workspace key is unlocked: now, when the OS keychain holds it, or when the user
    // enters the workspace passphrase on the lock screen.
    await services.seedDemoWhenUnlocked();
  }

  const win = createWindow();
  mainWindow = win;
  win.on('closed', () => {
    mainWindow = null;
  });
  const apply = (settings: Settings) => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(settings.language, { isMac: process.platform === 'darwin', isDev })));
    if (!win.isDestroyed()) win.setContentProtection(settings.contentProtection);
  };
  apply(services.settings.get());
  services.settings.onChange(apply);

  try {
    await win.loadURL(APP_ENTRY_URL);
  } catch (error) {
    // The window still shows Chromium's error page; keep the app up so the log can be read.
    log.error('the renderer did not load; was `npm run build` run?', { url: APP_ENTRY_URL, error });
    win.show();
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    backgroundColor: '#f5f6f8',
    title: '出域审核工作站',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: isDev,
      preload: PRELOAD,
    },
  });
  win.once('ready-to-show', () => {
    win.show();
  });
  return win;
}
