/**
 * The Electron implementation of the services' Platform port: the workspace folder, native
 * open dialogs parented to the window, the OS keychain through safeStorage, the system
 * browser for vetted links, and contract-checked events sent to the one window.
 */
import { join, sep } from 'node:path';
import { app, dialog, safeStorage, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { Language } from '../../shared/ipc/schemas/app';
import { vetExternalUrl } from '../services/external-links';
import type { Logger } from '../services/log';
import type { Platform } from '../services/ports';
import { createEventSink } from './event-sink';
import { createSecretStore } from './secret-store';

export type ElectronPlatformOptions = {
  dataDir: string;
  log: Logger;
  /** The one workstation window, or null before it exists / after it closed. */
  getWindow: () => BrowserWindow | null;
  /** The UI language, for dialog titles; read when a dialog opens. */
  getLanguage: () => Language;
};

const DIALOG_TEXT = {
  'zh-CN': { folder: '选择候选包文件夹', zip: '选择候选包（.zip）', zipFilter: 'ZIP 压缩包' },
  en: { folder: 'Choose a candidate package folder', zip: 'Choose a candidate package (.zip)', zipFilter: 'ZIP archive' },
} as const;

export function createElectronPlatform({ dataDir, log, getWindow, getLanguage }: ElectronPlatformOptions): Platform {
  const liveWindow = () => {
    const win = getWindow();
    return win && !win.isDestroyed() ? win : null;
  };

  return {
    host: 'electron',
    appVersion: app.getVersion(),
    platform: process.platform,
    dataDir,
    dialogs: {
      async choosePackage(kind) {
        const text = DIALOG_TEXT[getLanguage()];
        const options: OpenDialogOptions =
          kind === 'folder'
            ? { title: text.folder, properties: ['openDirectory', 'dontAddToRecent'] }
            : { title: text.zip, properties: ['openFile', 'dontAddToRecent'], filters: [{ name: text.zipFilter, extensions: ['zip'] }] };
        const win = liveWindow();
        const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
    },
    secrets: createSecretStore(safeStorage, process.platform),
    async openUrl(url) {
      // Services vet already; vetting again here keeps this the one safe door to the OS.
      const vetted = vetExternalUrl(url);
      if (vetted === null) return false;
      try {
        await shell.openExternal(vetted);
        return true;
      } catch (error) {
        log.warn('could not open a link in the system browser', { error });
        return false;
      }
    },
    // Electron has no content protection on Linux; the setting is kept but has no effect there.
    contentProtectionSupported: process.platform === 'win32' || process.platform === 'darwin',
    // Worker threads cannot start from inside app.asar; the packaged build unpacks dist/workers.
    scanWorkerScript: join(__dirname, '..', 'workers', 'scan-worker.cjs').replace(`app.asar${sep}`, `app.asar.unpacked${sep}`),
    emit: createEventSink((event, payload) => {
      const win = liveWindow();
      if (!win) return false;
      win.webContents.send(event, payload);
      return true;
    }, log),
    log,
  };
}
