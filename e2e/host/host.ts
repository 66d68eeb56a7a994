/**
 * The browser host: runs the same electron/services on a data directory, serves the renderer
 * build with the production CSP, and exposes the IPC contract over loopback HTTP — each
 * request checked for the per-run token and same origin, then parsed by the same dispatcher
 * and schemas as Electron's registrar. The e2e suite and `npm run dev:browser` use it.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { events, type EventName } from '../../shared/ipc/contract';
import { createDispatcher } from '../../shared/ipc/dispatch';
import { fail } from '../../shared/ipc/result';
import { createServices, type Services } from '../../electron/services/index';
import { unlockUnattended } from '../../electron/services/at-rest/workspace-key';
import type { Logger } from '../../electron/services/log';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

export type HostOptions = {
  dataDir: string;
  rendererDir: string;
  bridgeScript: string;
  scanWorkerScript: string;
  port?: number;
  /** Imports the demo workspace once the workspace key is unlocked (at start, or when the user unlocks it). */
  demo?: boolean;
  /**
   * For unattended runs (e2e, scripts): sets the workspace passphrase on a fresh workspace, or
   * unlocks the workspace with it, before the host answers. The browser host has no OS
   * keychain, so without it the page asks the user to set or enter the passphrase.
   */
  storePassphrase?: string;
  version?: string;
  log: Logger;
};

export type Host = { url: string; services: Services; close(): Promise<void> };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const MAX_BODY = 1024 * 1024;

export async function startHost(options: HostOptions): Promise<Host> {
  const token = randomBytes(24).toString('base64url');
  const clients = new Set<ServerResponse>();
  const emit = (name: EventName, payload: unknown) => {
    const checked = events[name].safeParse(payload);
    if (!checked.success) {
      options.log.error('event payload does not match the contract', { name });
      return;
    }
    const frame = `data: ${JSON.stringify({ name, payload: checked.data })}\n\n`;
    for (const client of clients) client.write(frame);
  };
  const services = await createServices({
    host: 'browser',
    appVersion: options.version ?? '0.0.0',
    platform: process.platform,
    dataDir: options.dataDir,
    dialogs: null,
    secrets: null,
    openUrl: null,
    contentProtectionSupported: false,
    scanWorkerScript: options.scanWorkerScript,
    emit,
    log: options.log,
  });
  if (options.storePassphrase !== undefined) {
    try {
      await unlockUnattended(services.workspaceKey, options.storePassphrase);
    } catch (error) {
      await services.close();
      throw error;
    }
  }
  const dispatch = createDispatcher(services.handlers, (channel, error) => options.log.error('internal error in handler', { channel, error }));
  const bridgeSource = `var __WORKSTATION_HOST_TOKEN__ = ${JSON.stringify(token)};\n${await readFile(options.bridgeScript, 'utf8')}`;
  let origin = '';

  const security = (res: ServerResponse) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
  };

  const handleIpc = async (req: IncomingMessage, res: ServerResponse, channel: string) => {
    const send = (status: number, body: unknown): null => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
      return null;
    };
    if (req.method !== 'POST') return send(405, fail('ipc.invalid-request', 'Use POST.'));
    // Only our own page may call: the token is served inside the bridge script, and browsers
    // send Origin on cross-origin POSTs, so another local page can neither read nor forge it.
    if (req.headers['x-workstation-token'] !== token || (req.headers.origin !== undefined && req.headers.origin !== origin)) {
      return send(403, fail('ipc.forbidden-sender', 'This request did not come from the workstation page.'));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return send(413, fail('ipc.invalid-request', 'The request is too large.'));
      chunks.push(chunk as Buffer);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(400, fail('ipc.invalid-request', `The request to ${channel} is not valid JSON.`, { channel, field: '(root)', problem: 'not JSON' }));
    }
    return send(200, await dispatch(channel, payload));
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.searchParams.get('token') !== token) {
      res.writeHead(403).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
  };

  const serveStatic = async (res: ServerResponse, pathname: string) => {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = normalize(join(options.rendererDir, rel));
    if (!file.startsWith(normalize(options.rendererDir) + sep)) {
      res.writeHead(404).end();
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    if (rel === 'index.html') {
      // The bridge must exist before the app bundle runs: a classic script in <head> runs
      // before any module script.
      body = Buffer.from(body.toString('utf8').replace('<head>', '<head>\n    <script src="/__host/bridge.js"></script>'));
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    security(res);
    const run = async () => {
      if (url.pathname.startsWith('/__host/ipc/')) return handleIpc(req, res, decodeURIComponent(url.pathname.slice('/__host/ipc/'.length)));
      if (url.pathname === '/__host/events') {
        handleEvents(req, res, url);
        return;
      }
      if (url.pathname === '/__host/bridge.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        res.end(bridgeSource);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      return serveStatic(res, url.pathname);
    };
    run().catch((error: unknown) => {
      options.log.error('host request failed', { path: url.pathname, error });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  // On an unlocked workspace the demo is imported before the URL is announced; on a locked one
  // it is imported when the user unlocks, and the queue refreshes on candidates:changed.
  if (options.demo) await services.seedDemoWhenUnlocked();

  return {
    url: `${origin}/`,
    services,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.end();
        void services.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

