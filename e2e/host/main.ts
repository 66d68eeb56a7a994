/**
 * Command-line entry of the browser host (`npm run dev:browser`, and the e2e fixture):
 * starts it on loopback and prints `WORKSTATION_HOST_URL=<url>` once it is ready.
 *
 *   node dist/host/host.cjs [--port N] [--data-dir DIR] [--demo] [--keep] [--store-passphrase-env NAME]
 *
 * Without --data-dir a temporary workspace is used and removed on exit (unless --keep).
 *
 * The browser host has no OS keychain, so the workspace key (which encrypts the candidate
 * store) is protected by a workspace passphrase: the page asks for it (to set it on a fresh
 * workspace, to unlock it after). For unattended runs, `--store-passphrase-env NAME` reads the
 * passphrase from the environment variable NAME at start (then removes it from the
 * environment) and sets or unlocks the workspace with it; the passphrase itself is never on
 * the command line, where other users could read it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stderrLogger } from '../../electron/services/log';
import { startHost } from './host';

/** Replaced at build time by build/build.mjs with the version in package.json. */
declare const __WORKSTATION_VERSION__: string;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'store-passphrase-env': { type: 'string' },
    },
  });
  const storePassphrase = readPassphraseEnv(values['store-passphrase-env']);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`);
  const temporary = values['data-dir'] === undefined;
  const dataDir = values['data-dir'] !== undefined ? resolve(values['data-dir']) : await mkdtemp(join(tmpdir(), 'workstation-host-'));
  const distDir = resolve(__dirname, '..');
  const host = await startHost({
    dataDir,
    rendererDir: join(distDir, 'renderer'),
    bridgeScript: join(distDir, 'host', 'bridge.js'),
    scanWorkerScript: join(distDir, 'workers', 'scan-worker.cjs'),
    port,
    demo: values.demo,
    ...(storePassphrase !== undefined ? { storePassphrase } : {}),
    version: __WORKSTATION_VERSION__,
    log: stderrLogger(process.env.WORKSTATION_LOG === 'debug' ? 'debug' : 'warn'),
  });
  process.stdout.write(`WORKSTATION_HOST_URL=${host.url}\n`);
  process.stderr.write(`Browser host ready at ${host.url} (workspace ${dataDir}). Press Ctrl+C to stop.\n`);
  const stop = async () => {
    await host.close();
    if (temporary && !values.keep) await rm(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** The passphrase in the environment variable `name`, which is then removed so workers never inherit it. */
function readPassphraseEnv(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`--store-passphrase-env names the environment variable ${name}, which is not set or empty`);
  Reflect.deleteProperty(process.env, name);
  return value;
}

main().catch((error: unknown) => {
  process.stderr.write(`browser host: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
