// The browser host exposes the contract only to its own page (token + origin), with the same
// validation as Electron's registrar, and serves the renderer with the production CSP.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../electron/services/log';
import { startHost, type Host } from './host';

let work: string;
let host: Host;
let token: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'host-test-'));
  const renderer = join(work, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<!doctype html><html><head><script type="module" src="./app.js"></script></head><body></body></html>');
  await writeFile(join(renderer, 'app.js'), 'export {};');
  await writeFile(join(work, 'secret.txt'), 'outside');
  await writeFile(join(work, 'bridge.js'), '/* bridge */');
  host = await startHost({ dataDir: join(work, 'data'), rendererDir: renderer, bridgeScript: join(work, 'bridge.js'), scanWorkerScript: join(work, 'no-worker.cjs'), log: createLogger(() => undefined) });
  const bridge = await (await fetch(`${host.url}__host/bridge.js`)).text();
  token = JSON.parse(/__WORKSTATION_HOST_TOKEN__ = (".*?");/.exec(bridge)![1]!) as string;
});

afterAll(async () => {
  await host.close();
  await rm(work, { recursive: true, force: true });
});

const call = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}__host/ipc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('browser host', () => {
  it('answers a valid call from its own page', async () => {
    const response = await call('settings:get', {}, { 'x-workstation-token': token, origin: host.url.replace(/\/$/, '') });
    expect(await response.json()).toEqual({ ok: true, value: { language: 'zh-CN', contentProtection: false, signingIdleMinutes: 10 } });
  });

  it('refuses a call without the token, or from another origin', async () => {
    const noToken = await call('settings:get', {});
    expect(noToken.status).toBe(403);
    expect(await noToken.json()).toMatchObject({ ok: false, error: { code: 'ipc.forbidden-sender' } });
    const otherOrigin = await call('settings:get', {}, { 'x-workstation-token': token, origin: 'http://evil.example' });
    expect(otherOrigin.status).toBe(403);
  });

  it('returns the contract errors for an unknown channel and an invalid payload', async () => {
    const auth = { 'x-workstation-token': token };
    expect(await (await call('shell:run', {}, auth)).json()).toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
    expect(await (await call('candidates:get', { id: 'x', revision: -1 }, auth)).json()).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid-request', params: { field: 'revision' } },
    });
    const notJson = await fetch(`${host.url}__host/ipc/settings:get`, { method: 'POST', headers: auth, body: '{' });
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } });
  });

  it('injects the bridge before the app bundle and sends the production CSP', async () => {
    const response = await fetch(host.url);
    const html = await response.text();
    expect(html.indexOf('/__host/bridge.js')).toBeGreaterThan(-1);
    expect(html.indexOf('/__host/bridge.js')).toBeLessThan(html.indexOf('app.js'));
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
  });

  it('never serves files outside the renderer build', async () => {
    for (const path of ['../secret.txt', '..%2fsecret.txt', '%2e%2e/secret.txt']) {
      const response = await fetch(`${host.url}${path}`);
      expect(response.status, path).toBe(404);
    }
  });
});
