/**
 * The platform bits services need, injected by whoever hosts them: Electron's main process
 * (electron/main) or the browser host (e2e/host) or a unit test. Services never import
 * `electron`; everything platform-specific comes in through these ports.
 */
import type { EventName, EventPayloadOf } from '../../shared/ipc/contract';
import type { Logger } from './log';

export type Dialogs = {
  /** Shows the open dialog for a package folder or zip; resolves null when cancelled. */
  choosePackage(kind: 'folder' | 'zip'): Promise<string | null>;
};

/** A safeStorage-like secret store (OS keychain in Electron). Used from the intake issue on. */
export type SecretStore = {
  isAvailable(): boolean;
  encrypt(plain: Uint8Array): Promise<Uint8Array>;
  decrypt(sealed: Uint8Array): Promise<Uint8Array>;
};

export type EventSink = <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void;

export type Platform = {
  host: 'electron' | 'browser';
  appVersion: string;
  platform: string;
  /** The workspace: settings, the candidate store, and (later) journal and audit log live here. */
  dataDir: string;
  dialogs: Dialogs | null;
  secrets: SecretStore | null;
  /** Opens an already-vetted http(s) URL in the system browser; false where the host cannot. */
  openUrl: ((url: string) => Promise<boolean>) | null;
  contentProtectionSupported: boolean;
  /** The bundled scan worker (dist/workers/scan-worker.cjs) the worker pool starts. */
  scanWorkerScript: string;
  emit: EventSink;
  log: Logger;
};
