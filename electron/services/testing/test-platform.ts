/**
 * What the service tests share: the scan worker bundled for plain Node (as the build bundles it
 * beside main), and a browser-host Platform on a temporary folder that records emitted events.
 */
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { createLogger } from '../log';
import type { Platform } from '../ports';

/** Bundles electron/services/scan/scan-worker.ts into `dir`; returns the script's path. */
export function buildScanWorker(dir: string): string {
  const worker = join(dir, 'scan-worker.cjs');
  buildSync({ entryPoints: [join(__dirname, '..', 'scan', 'scan-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: worker, logLevel: 'error' });
  return worker;
}

/** A Platform whose data lives in `<dir>/data`, with no dialogs, keychain or browser; `emit` defaults to ignoring events. */
export function testPlatform(dir: string, options: { scanWorkerScript: string; emit?: Platform['emit'] }): Platform {
  return {
    host: 'browser',
    appVersion: 'test',
    platform: 'linux',
    dataDir: join(dir, 'data'),
    dialogs: null,
    secrets: null,
    openUrl: null,
    contentProtectionSupported: false,
    scanWorkerScript: options.scanWorkerScript,
    emit: options.emit ?? (() => undefined),
    log: createLogger(() => undefined),
  };
}
